// CacheControl: the parsed directives of one or more Cache-Control field lines (RFC 9111 5.2).
// Interpreter cost per directive: a native comma and equals search, then a switch on the name's length and one
// compare of its bytes; numbers are read where they lie. Held in a reused class (no struct copies).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// The directives of the Cache-Control field lines of one message, request or response. Numbers
    /// are seconds, and -1 means "absent"; after <see cref="Reset"/> it reads as "no Cache-Control at all".
    /// </summary>
    /// <remarks>
    /// <para>Parsing rules: directive names are case-insensitive; arguments may be tokens or quoted-strings
    /// (with quoted-pairs); unknown directives and extensions are skipped; several field lines combine
    /// (call <see cref="Add(byte[], int, int)"/> once per line); whitespace and empty list elements are tolerated.</para>
    /// <para>Duplicates: when a numeric directive occurs more than once (on one line or several), the
    /// first occurrence wins, one of the two choices RFC 9111 4.2.1 allows.</para>
    /// <para>Invalid numbers (a sign, a non-digit, no value): an invalid <c>max-age</c> counts as
    /// <c>max-age=0</c> (RFC 9111 4.2.1 encourages treating invalid freshness information as stale);
    /// other invalid numeric directives are ignored. Too large numbers saturate at
    /// <see cref="DeltaSeconds.Saturated"/>.</para>
    /// <para>Not thread-safe; owned by a <see cref="HeaderFacts"/> and valid while its bytes are.</para>
    /// </remarks>
    public sealed class CacheControl
    {
        /// <summary>The value of <see cref="MaxStale"/> for a bare <c>max-stale</c> (any staleness accepted).</summary>
        public const long Unbounded = long.MaxValue;

        // Every directive name, lower case, in one array (an array per name cost 800 B of heap from boot on
        // nanoFramework); the switch on the name's length picks the candidates, *At says where each starts.
        private static readonly byte[] s_names = Ascii.LowerBytes("publicmax-ageprivateno-cacheno-stores-maxagemax-stalemin-freshimmutableno-transformonly-if-cachedstale-if-errormust-revalidatemust-understandproxy-revalidatestale-while-revalidate");
        private const int PublicAt = 0;
        private const int MaxAgeAt = 6;
        private const int PrivateAt = 13;
        private const int NoCacheAt = 20;
        private const int NoStoreAt = 28;
        private const int SharedMaxAgeAt = 36;
        private const int MaxStaleAt = 44;
        private const int MinFreshAt = 53;
        private const int ImmutableAt = 62;
        private const int NoTransformAt = 71;
        private const int OnlyIfCachedAt = 83;
        private const int StaleIfErrorAt = 97;
        private const int MustRevalidateAt = 111;
        private const int MustUnderstandAt = 126;
        private const int ProxyRevalidateAt = 141;
        private const int StaleWhileRevalidateAt = 157;

        private byte[] _buffer;
        private long _maxAge;
        private long _sharedMaxAge;
        private long _maxStale;
        private long _minFresh;
        private long _staleWhileRevalidate;
        private long _staleIfError;
        private CacheDirectives _flags;
        private bool _present;
        private int _privateFieldsStart;
        private int _privateFieldsLength;

        /// <summary>Creates an empty set of directives.</summary>
        public CacheControl()
        {
            Reset();
        }

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
            get { return _maxAge; }
        }

        /// <summary><c>s-maxage</c> in seconds, or -1 (a shared cache's lifetime, RFC 9111 5.2.2.10).</summary>
        public long SharedMaxAge
        {
            get { return _sharedMaxAge; }
        }

        /// <summary><c>max-stale</c> in seconds, <see cref="Unbounded"/> when it had no value, or -1.</summary>
        public long MaxStale
        {
            get { return _maxStale; }
        }

        /// <summary><c>min-fresh</c> in seconds, or -1.</summary>
        public long MinFresh
        {
            get { return _minFresh; }
        }

        /// <summary><c>stale-while-revalidate</c> (RFC 5861) in seconds, or -1.</summary>
        public long StaleWhileRevalidate
        {
            get { return _staleWhileRevalidate; }
        }

        /// <summary><c>stale-if-error</c> (RFC 5861) in seconds, or -1.</summary>
        public long StaleIfError
        {
            get { return _staleIfError; }
        }

        /// <summary>The bytes <see cref="PrivateFieldsStart"/> points into (the last parsed value), or null.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>
        /// Where the field names of the first qualified <c>private="…"</c> start in <see cref="Buffer"/> (quotes removed,
        /// e.g. <c>Set-Cookie, X-User</c>); see <see cref="PrivateFieldsLength"/>. A shared cache stores the response
        /// without these fields (RFC 9111 5.2.2.7).
        /// </summary>
        public int PrivateFieldsStart
        {
            get { return _privateFieldsStart; }
        }

        /// <summary>The length of the qualified <c>private</c> field list; 0 without one.</summary>
        public int PrivateFieldsLength
        {
            get { return _privateFieldsLength; }
        }

        /// <summary>True when every bit of <paramref name="directives"/> is set.</summary>
        public bool Has(CacheDirectives directives)
        {
            return (_flags & directives) == directives;
        }

        /// <summary>Forgets every directive, as if no Cache-Control had been seen.</summary>
        public void Reset()
        {
            _buffer = null;
            _maxAge = -1;
            _sharedMaxAge = -1;
            _maxStale = -1;
            _minFresh = -1;
            _staleWhileRevalidate = -1;
            _staleIfError = -1;
            _flags = CacheDirectives.None;
            _present = false;
            _privateFieldsStart = 0;
            _privateFieldsLength = 0;
        }

        /// <summary>Parses one Cache-Control field line value, combining with what was parsed before.</summary>
        /// <param name="buffer">The bytes (kept by reference for <see cref="PrivateFieldsStart"/>).</param>
        /// <param name="start">The value's first byte.</param>
        /// <param name="length">The value's length.</param>
        public void Add(byte[] buffer, int start, int length)
        {
            _present = true;
            _buffer = buffer;
            int position = start;
            int end = start + length;
            int elementStart;
            int elementLength;
            while (HeaderList.Next(buffer, ref position, end, out elementStart, out elementLength))
            {
                AddDirective(buffer, elementStart, elementStart + elementLength);
            }
        }

        /// <summary>Parses a value held in a string (converted once: for tests and the edges).</summary>
        public void Add(string value)
        {
            byte[] bytes = TextBytes.Of(value);
            Add(bytes, 0, bytes.Length);
        }

        private void AddDirective(byte[] buffer, int start, int end)
        {
            int equals = ByteSearch.EqualsSign(buffer, start, end);
            bool hasArgument = equals >= 0;
            int nameEnd = hasArgument ? Ascii.TrimEnd(buffer, start, equals) : end;
            int nameLength = nameEnd - start;
            int argument = hasArgument ? Ascii.SkipWhitespace(buffer, equals + 1, end) : end;
            int argumentEnd = end;
            bool quoted = false;
            if (argumentEnd - argument >= 2 && buffer[argument] == Ascii.Quote && buffer[argumentEnd - 1] == Ascii.Quote)
            {
                argument++;
                argumentEnd--;
                quoted = true;
            }

            bool qualified = hasArgument && (quoted || argumentEnd > argument);

            // Known names are found by length, then confirmed with one case-insensitive compare.
            switch (nameLength)
            {
                case 6:
                    SetFlagIf(buffer, start, nameLength, PublicAt, CacheDirectives.Public);
                    break;
                case 7:
                    if (Named(buffer, start, nameLength, MaxAgeAt))
                    {
                        long seconds;
                        if (!hasArgument || !DeltaSeconds.TryParse(buffer, argument, argumentEnd - argument, out seconds))
                        {
                            seconds = 0;
                        }

                        SetFirst(ref _maxAge, seconds);
                    }
                    else if (Named(buffer, start, nameLength, PrivateAt))
                    {
                        _flags |= CacheDirectives.Private;
                        if (qualified)
                        {
                            if ((_flags & CacheDirectives.PrivateWithFields) == 0)
                            {
                                _privateFieldsStart = argument;
                                _privateFieldsLength = argumentEnd - argument;
                            }

                            _flags |= CacheDirectives.PrivateWithFields;
                        }
                    }

                    break;
                case 8:
                    if (Named(buffer, start, nameLength, NoCacheAt))
                    {
                        _flags |= qualified ? CacheDirectives.NoCache | CacheDirectives.NoCacheWithFields : CacheDirectives.NoCache;
                    }
                    else if (!SetFlagIf(buffer, start, nameLength, NoStoreAt, CacheDirectives.NoStore) && Named(buffer, start, nameLength, SharedMaxAgeAt))
                    {
                        SetSeconds(ref _sharedMaxAge, buffer, argument, argumentEnd, hasArgument);
                    }

                    break;
                case 9:
                    if (Named(buffer, start, nameLength, MaxStaleAt))
                    {
                        long seconds;
                        if (!hasArgument)
                        {
                            SetFirst(ref _maxStale, Unbounded);
                        }
                        else if (DeltaSeconds.TryParse(buffer, argument, argumentEnd - argument, out seconds))
                        {
                            SetFirst(ref _maxStale, seconds);
                        }
                    }
                    else if (Named(buffer, start, nameLength, MinFreshAt))
                    {
                        SetSeconds(ref _minFresh, buffer, argument, argumentEnd, hasArgument);
                    }
                    else
                    {
                        SetFlagIf(buffer, start, nameLength, ImmutableAt, CacheDirectives.Immutable);
                    }

                    break;
                case 12:
                    SetFlagIf(buffer, start, nameLength, NoTransformAt, CacheDirectives.NoTransform);
                    break;
                case 14:
                    if (!SetFlagIf(buffer, start, nameLength, OnlyIfCachedAt, CacheDirectives.OnlyIfCached) && Named(buffer, start, nameLength, StaleIfErrorAt))
                    {
                        SetSeconds(ref _staleIfError, buffer, argument, argumentEnd, hasArgument);
                    }

                    break;
                case 15:
                    if (!SetFlagIf(buffer, start, nameLength, MustRevalidateAt, CacheDirectives.MustRevalidate))
                    {
                        SetFlagIf(buffer, start, nameLength, MustUnderstandAt, CacheDirectives.MustUnderstand);
                    }

                    break;
                case 16:
                    SetFlagIf(buffer, start, nameLength, ProxyRevalidateAt, CacheDirectives.ProxyRevalidate);
                    break;
                case 22:
                    if (Named(buffer, start, nameLength, StaleWhileRevalidateAt))
                    {
                        SetSeconds(ref _staleWhileRevalidate, buffer, argument, argumentEnd, hasArgument);
                    }

                    break;
            }
        }

        // True when the length bytes at start spell the directive name at s_names[at] (the caller's switch checked the length).
        private static bool Named(byte[] buffer, int start, int length, int at)
        {
            return Ascii.MatchesLower(buffer, start, s_names, at, length);
        }

        private bool SetFlagIf(byte[] buffer, int start, int length, int at, CacheDirectives flag)
        {
            if (!Named(buffer, start, length, at))
            {
                return false;
            }

            _flags |= flag;
            return true;
        }

        private static void SetSeconds(ref long field, byte[] buffer, int argument, int argumentEnd, bool hasArgument)
        {
            long seconds;
            if (hasArgument && DeltaSeconds.TryParse(buffer, argument, argumentEnd - argument, out seconds))
            {
                SetFirst(ref field, seconds);
            }
        }

        // The first occurrence of a numeric directive wins (RFC 9111 4.2.1).
        private static void SetFirst(ref long field, long seconds)
        {
            if (field < 0)
            {
                field = seconds;
            }
        }
    }
}
