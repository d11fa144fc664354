// CacheControl: the parsed directives of one or more Cache-Control field lines (RFC 9111 5.2).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// The directives of the Cache-Control field lines of one message, request or response. Numbers
    /// are seconds, and -1 means "absent"; the <c>default</c> value means "no Cache-Control at all".
    /// </summary>
    /// <remarks>
    /// <para>Parsing rules: directive names are case-insensitive; arguments may be tokens or quoted-strings
    /// (with quoted-pairs); unknown directives and extensions are skipped; several field lines combine
    /// (call <c>Parse(value, ref directives)</c> once per line on the same value); whitespace and empty list elements are
    /// tolerated.</para>
    /// <para>Duplicates: when a numeric directive occurs more than once (on one line or several), the
    /// first occurrence wins, one of the two choices RFC 9111 4.2.1 allows.</para>
    /// <para>Invalid numbers (a sign, a non-digit, no value): an invalid <c>max-age</c> counts as
    /// <c>max-age=0</c> (RFC 9111 4.2.1 encourages treating invalid freshness information as stale);
    /// other invalid numeric directives are ignored. Too large numbers saturate at
    /// <see cref="DeltaSeconds.Saturated"/>.</para>
    /// <para>The numeric fields store value + 1 so that <c>default(CacheControl)</c> reads as all-absent.</para>
    /// </remarks>
    public struct CacheControl
    {
        /// <summary>The value of <see cref="MaxStale"/> for a bare <c>max-stale</c> (any staleness accepted).</summary>
        public const long Unbounded = long.MaxValue;

        private long _maxAge;
        private long _sharedMaxAge;
        private long _maxStale;
        private long _minFresh;
        private long _staleWhileRevalidate;
        private long _staleIfError;
        private CacheDirectives _flags;
        private bool _present;
        private TextSlice _privateFields;

        /// <summary>True once at least one Cache-Control field line has been parsed (even an empty one).</summary>
        public bool IsPresent
        {
            get { return _present; }
        }

        /// <summary>The directives without a number that were present.</summary>
        public CacheDirectives Flags
        {
            get { return _flags; }
        }

        /// <summary><c>max-age</c> in seconds, or -1.</summary>
        public long MaxAge
        {
            get { return _maxAge - 1; }
        }

        /// <summary><c>s-maxage</c> in seconds, or -1 (parsed for completeness; a private cache ignores it).</summary>
        public long SharedMaxAge
        {
            get { return _sharedMaxAge - 1; }
        }

        /// <summary><c>max-stale</c> in seconds, <see cref="Unbounded"/> when it had no value, or -1.</summary>
        public long MaxStale
        {
            get { return _maxStale == Unbounded ? Unbounded : _maxStale - 1; }
        }

        /// <summary><c>min-fresh</c> in seconds, or -1.</summary>
        public long MinFresh
        {
            get { return _minFresh - 1; }
        }

        /// <summary><c>stale-while-revalidate</c> (RFC 5861) in seconds, or -1.</summary>
        public long StaleWhileRevalidate
        {
            get { return _staleWhileRevalidate - 1; }
        }

        /// <summary><c>stale-if-error</c> (RFC 5861) in seconds, or -1.</summary>
        public long StaleIfError
        {
            get { return _staleIfError - 1; }
        }

        /// <summary>
        /// The field names of the first qualified <c>private="…"</c> (quotes removed, e.g. <c>Set-Cookie, X-User</c>), a
        /// slice of the parsed value; empty without one. A shared cache stores the response without these fields
        /// (RFC 9111 5.2.2.7).
        /// </summary>
        public TextSlice PrivateFields
        {
            get { return _privateFields; }
        }

        /// <summary>True when every bit of <paramref name="directives"/> is set.</summary>
        public bool Has(CacheDirectives directives)
        {
            return (_flags & directives) == directives;
        }

        /// <summary>Forgets every directive, as if no Cache-Control had been seen.</summary>
        public void Clear()
        {
            this = default(CacheControl);
        }

        /// <summary>Parses one Cache-Control field line value into <paramref name="directives"/>, combining with what it already holds.</summary>
        /// <param name="value">The field value (without the name).</param>
        /// <param name="directives">The directives parsed so far; updated in place.</param>
        public static void Parse(TextSlice value, ref CacheControl directives)
        {
            directives._present = true;
            HeaderListReader reader = new HeaderListReader(value);
            TextSlice element;
            while (reader.TryReadNext(out element))
            {
                directives.ParseDirective(element);
            }
        }

        /// <summary>Parses one field line value into a new <see cref="CacheControl"/>.</summary>
        public static CacheControl Parse(TextSlice value)
        {
            CacheControl directives = default(CacheControl);
            Parse(value, ref directives);
            return directives;
        }

        private void ParseDirective(TextSlice element)
        {
            int equals = element.IndexOf(Ascii.EqualsSign, 0);
            TextSlice name = equals < 0 ? element : element.Slice(0, equals).Trim();
            bool hasArgument = equals >= 0;
            TextSlice argument = hasArgument ? element.Slice(equals + 1, element.Length - equals - 1).Trim() : default(TextSlice);
            bool quoted = false;
            if (argument.Length >= 2 && argument[0] == Ascii.Quote && argument[argument.Length - 1] == Ascii.Quote)
            {
                argument = argument.Slice(1, argument.Length - 2);
                quoted = true;
            }

            // Known names are found by length, then confirmed with one case-insensitive compare.
            switch (name.Length)
            {
                case 6:
                    if (name.EqualsIgnoreCase("public"))
                    {
                        _flags |= CacheDirectives.Public;
                    }

                    break;
                case 7:
                    if (name.EqualsIgnoreCase("max-age"))
                    {
                        long seconds;
                        if (!TryReadSeconds(argument, hasArgument, out seconds))
                        {
                            seconds = 0;
                        }

                        SetFirst(ref _maxAge, seconds);
                    }
                    else if (name.EqualsIgnoreCase("private"))
                    {
                        _flags |= CacheDirectives.Private;
                        if (hasArgument && (quoted || !argument.IsEmpty))
                        {
                            if ((_flags & CacheDirectives.PrivateWithFields) == 0)
                            {
                                _privateFields = argument;
                            }

                            _flags |= CacheDirectives.PrivateWithFields;
                        }
                    }

                    break;
                case 8:
                    ParseLength8(name, argument, hasArgument, quoted);
                    break;
                case 9:
                    if (name.EqualsIgnoreCase("max-stale"))
                    {
                        long seconds;
                        if (!hasArgument)
                        {
                            SetFirst(ref _maxStale, Unbounded);
                        }
                        else if (TryReadSeconds(argument, true, out seconds))
                        {
                            SetFirst(ref _maxStale, seconds);
                        }
                    }
                    else if (name.EqualsIgnoreCase("min-fresh"))
                    {
                        SetSeconds(ref _minFresh, argument, hasArgument);
                    }
                    else if (name.EqualsIgnoreCase("immutable"))
                    {
                        _flags |= CacheDirectives.Immutable;
                    }

                    break;
                case 12:
                    if (name.EqualsIgnoreCase("no-transform"))
                    {
                        _flags |= CacheDirectives.NoTransform;
                    }

                    break;
                case 14:
                    if (name.EqualsIgnoreCase("only-if-cached"))
                    {
                        _flags |= CacheDirectives.OnlyIfCached;
                    }
                    else if (name.EqualsIgnoreCase("stale-if-error"))
                    {
                        SetSeconds(ref _staleIfError, argument, hasArgument);
                    }

                    break;
                case 15:
                    if (name.EqualsIgnoreCase("must-revalidate"))
                    {
                        _flags |= CacheDirectives.MustRevalidate;
                    }
                    else if (name.EqualsIgnoreCase("must-understand"))
                    {
                        _flags |= CacheDirectives.MustUnderstand;
                    }

                    break;
                case 16:
                    if (name.EqualsIgnoreCase("proxy-revalidate"))
                    {
                        _flags |= CacheDirectives.ProxyRevalidate;
                    }

                    break;
                case 22:
                    if (name.EqualsIgnoreCase("stale-while-revalidate"))
                    {
                        SetSeconds(ref _staleWhileRevalidate, argument, hasArgument);
                    }

                    break;
            }
        }

        private void ParseLength8(TextSlice name, TextSlice argument, bool hasArgument, bool quoted)
        {
            if (name.EqualsIgnoreCase("no-cache"))
            {
                _flags |= CacheDirectives.NoCache;
                if (hasArgument && (quoted || !argument.IsEmpty))
                {
                    _flags |= CacheDirectives.NoCacheWithFields;
                }
            }
            else if (name.EqualsIgnoreCase("no-store"))
            {
                _flags |= CacheDirectives.NoStore;
            }
            else if (name.EqualsIgnoreCase("s-maxage"))
            {
                SetSeconds(ref _sharedMaxAge, argument, hasArgument);
            }
        }

        private static void SetSeconds(ref long field, TextSlice argument, bool hasArgument)
        {
            long seconds;
            if (TryReadSeconds(argument, hasArgument, out seconds))
            {
                SetFirst(ref field, seconds);
            }
        }

        private static bool TryReadSeconds(TextSlice argument, bool hasArgument, out long seconds)
        {
            if (!hasArgument)
            {
                seconds = -1;
                return false;
            }

            return DeltaSeconds.TryParse(argument, out seconds);
        }

        // The first occurrence of a numeric directive wins (RFC 9111 4.2.1).
        private static void SetFirst(ref long field, long seconds)
        {
            if (field == 0)
            {
                field = seconds == Unbounded ? Unbounded : seconds + 1;
            }
        }
    }
}
