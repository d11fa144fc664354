// HeaderFacts: what the cache needs from one message's header fields, parsed in place and kept as values.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Collects the cache-relevant facts of one message (request or response) from its field lines:
    /// feed it with <see cref="Add(TextSlice, TextSlice)"/> or hand it to <see cref="HeaderParser"/> as the
    /// sink. Times follow the library convention (Unix seconds, -1 = absent). Slices (entity-tags,
    /// list values) point into the input, which must outlive their use. Create one per client and call
    /// <see cref="Reset"/> before each message: adding fields never allocates.
    /// </summary>
    /// <remarks>
    /// Singleton fields seen more than once (<c>Date</c>, <c>Expires</c>, <c>Last-Modified</c>, <c>ETag</c>,
    /// <c>Age</c>): the first valid occurrence wins; for <c>Age</c> the first list member is used and an
    /// invalid value is ignored (RFC 9111 5.1). An invalid <c>Expires</c> sets <see cref="ExpiresInvalid"/>
    /// and means "already expired" (RFC 9111 5.3). <c>Content-Length</c> with differing values
    /// (<c>5, 6</c> or two lines) is invalid (RFC 9112 6.3) and reported as <see cref="ContentLengthInvalid"/>.
    /// Not thread-safe.
    /// </remarks>
    public sealed class HeaderFacts : IHeaderSink
    {
        private CacheControl _cacheControl;

        /// <summary>Creates an empty set of facts.</summary>
        public HeaderFacts()
        {
            Reset();
        }

        /// <summary>The combined Cache-Control directives.</summary>
        public CacheControl CacheControl
        {
            get { return _cacheControl; }
        }

        /// <summary><c>Date</c>, or -1.</summary>
        public long Date { get; private set; }

        /// <summary><c>Expires</c>, or -1 (also -1 when invalid: see <see cref="ExpiresInvalid"/>).</summary>
        public long Expires { get; private set; }

        /// <summary>True when an <c>Expires</c> field was present but not a valid HTTP-date (already expired).</summary>
        public bool ExpiresInvalid { get; private set; }

        /// <summary><c>Last-Modified</c>, or -1.</summary>
        public long LastModified { get; private set; }

        /// <summary><c>Age</c> in seconds, or -1.</summary>
        public long Age { get; private set; }

        /// <summary><c>Content-Length</c>, or -1 when absent or invalid.</summary>
        public long ContentLength { get; private set; }

        /// <summary>True when <c>Content-Length</c> was present but invalid or conflicting.</summary>
        public bool ContentLengthInvalid { get; private set; }

        /// <summary>The first valid <c>ETag</c>; <c>IsValid</c> is false when there was none.</summary>
        public EntityTag ETag { get; private set; }

        /// <summary>True when a <c>Vary</c> field was present with at least one member.</summary>
        public bool HasVary { get; private set; }

        /// <summary>True when <c>Vary</c> lists <c>*</c>: the response can never be reused (RFC 9111 4.1).</summary>
        public bool VaryAny { get; private set; }

        /// <summary>True when <c>Pragma</c> holds <c>no-cache</c>.</summary>
        public bool PragmaNoCache { get; private set; }

        /// <summary>True when the message carries <c>Authorization</c>.</summary>
        public bool HasAuthorization { get; private set; }

        /// <summary>True when the message carries <c>Cookie</c> (a request of one user's session).</summary>
        public bool HasCookie { get; private set; }

        /// <summary>True when the message carries <c>Set-Cookie</c> (a response setting one user's session).</summary>
        public bool HasSetCookie { get; private set; }

        /// <summary>True when the message carries <c>Transfer-Encoding</c>.</summary>
        public bool HasTransferEncoding { get; private set; }

        /// <summary>True when a <c>Transfer-Encoding</c> lists <c>chunked</c> as its last coding.</summary>
        public bool IsChunked { get; private set; }

        /// <summary>The first <c>Connection</c> value (its options name more hop-by-hop fields), or an empty slice.</summary>
        public TextSlice Connection { get; private set; }

        /// <summary>True when the message carries a field that makes a request conditional on preconditions or ranges (<c>If-Match</c>, <c>If-Unmodified-Since</c>, <c>If-Range</c>, <c>Range</c>).</summary>
        public bool HasPreconditionOrRange { get; private set; }

        /// <summary>The first <c>If-None-Match</c> value, or an empty slice.</summary>
        public TextSlice IfNoneMatch { get; private set; }

        /// <summary>True when <c>If-None-Match</c> was present.</summary>
        public bool HasIfNoneMatch { get; private set; }

        /// <summary>The first <c>If-Match</c> value, or an empty slice.</summary>
        public TextSlice IfMatch { get; private set; }

        /// <summary>True when <c>If-Match</c> was present.</summary>
        public bool HasIfMatch { get; private set; }

        /// <summary><c>If-Modified-Since</c>, or -1 (also when invalid, which RFC 9110 13.1.3 says to ignore).</summary>
        public long IfModifiedSince { get; private set; }

        /// <summary><c>If-Unmodified-Since</c>, or -1 (also when invalid, which RFC 9110 13.1.4 says to ignore).</summary>
        public long IfUnmodifiedSince { get; private set; }

        /// <summary>Number of field lines added since <see cref="Reset"/>.</summary>
        public int FieldCount { get; private set; }

        /// <summary>Forgets every fact, ready for the next message.</summary>
        public void Reset()
        {
            _cacheControl = default(CacheControl);
            Date = -1;
            Expires = -1;
            ExpiresInvalid = false;
            LastModified = -1;
            Age = -1;
            ContentLength = -1;
            ContentLengthInvalid = false;
            ETag = default(EntityTag);
            HasVary = false;
            VaryAny = false;
            PragmaNoCache = false;
            HasAuthorization = false;
            HasCookie = false;
            HasSetCookie = false;
            HasTransferEncoding = false;
            IsChunked = false;
            Connection = default(TextSlice);
            HasPreconditionOrRange = false;
            IfNoneMatch = default(TextSlice);
            HasIfNoneMatch = false;
            IfMatch = default(TextSlice);
            HasIfMatch = false;
            IfModifiedSince = -1;
            IfUnmodifiedSince = -1;
            FieldCount = 0;
        }

        /// <inheritdoc />
        public void OnHeader(TextSlice name, TextSlice value)
        {
            Add(KnownHeaders.Find(name), value);
        }

        /// <summary>Adds one field line given as name and value slices.</summary>
        public void Add(TextSlice name, TextSlice value)
        {
            Add(KnownHeaders.Find(name), value.Trim());
        }

        /// <summary>Adds one field line given as strings (what nanoFramework's <c>WebHeaderCollection</c> holds). Does not allocate.</summary>
        public void Add(string name, string value)
        {
            Add(KnownHeaders.Find(TextSlice.Of(name)), TextSlice.Of(value).Trim());
        }

        /// <summary>Adds one field line whose name is already known.</summary>
        public void Add(HeaderName name, TextSlice value)
        {
            FieldCount++;
            long number;
            switch (name)
            {
                case HeaderName.CacheControl:
                    CacheControl.Parse(value, ref _cacheControl);
                    break;
                case HeaderName.Date:
                    Date = FirstDate(Date, value);

                    break;
                case HeaderName.Expires:
                    if (Expires < 0 && !ExpiresInvalid)
                    {
                        if (HttpDate.TryParse(value, out number))
                        {
                            Expires = number;
                        }
                        else
                        {
                            ExpiresInvalid = true;
                        }
                    }

                    break;
                case HeaderName.LastModified:
                    LastModified = FirstDate(LastModified, value);

                    break;
                case HeaderName.Age:
                    AddAge(value);
                    break;
                case HeaderName.ETag:
                    EntityTag tag;
                    if (!ETag.IsValid && EntityTag.TryParse(value, out tag))
                    {
                        ETag = tag;
                    }

                    break;
                case HeaderName.Vary:
                    AddVary(value);
                    break;
                case HeaderName.Pragma:
                    AddPragma(value);
                    break;
                case HeaderName.ContentLength:
                    AddContentLength(value);
                    break;
                case HeaderName.TransferEncoding:
                    AddTransferEncoding(value);
                    break;
                case HeaderName.Authorization:
                    HasAuthorization = true;
                    break;
                case HeaderName.Cookie:
                    HasCookie = true;
                    break;
                case HeaderName.SetCookie:
                    HasSetCookie = true;
                    break;
                case HeaderName.IfNoneMatch:
                    if (!HasIfNoneMatch)
                    {
                        HasIfNoneMatch = true;
                        IfNoneMatch = value;
                    }

                    break;
                case HeaderName.Connection:
                    if (Connection.IsEmpty)
                    {
                        Connection = value;
                    }

                    break;
                case HeaderName.IfRange:
                case HeaderName.Range:
                    HasPreconditionOrRange = true;
                    break;
                case HeaderName.IfMatch:
                    HasPreconditionOrRange = true;
                    if (!HasIfMatch)
                    {
                        HasIfMatch = true;
                        IfMatch = value;
                    }

                    break;
                case HeaderName.IfModifiedSince:
                    IfModifiedSince = FirstDate(IfModifiedSince, value);

                    break;
                case HeaderName.IfUnmodifiedSince:
                    HasPreconditionOrRange = true;
                    IfUnmodifiedSince = FirstDate(IfUnmodifiedSince, value);

                    break;
            }
        }

        // Singleton dates: the first valid occurrence wins; an invalid one is ignored.
        private static long FirstDate(long current, TextSlice value)
        {
            long parsed;
            return current < 0 && HttpDate.TryParse(value, out parsed) ? parsed : current;
        }

        private void AddAge(TextSlice value)
        {
            if (Age >= 0)
            {
                return;
            }

            HeaderListReader reader = new HeaderListReader(value);
            TextSlice first;
            long seconds;
            if (reader.TryReadNext(out first) && DeltaSeconds.TryParse(first, out seconds))
            {
                Age = seconds;
            }
        }

        private void AddVary(TextSlice value)
        {
            HeaderListReader reader = new HeaderListReader(value);
            TextSlice member;
            while (reader.TryReadNext(out member))
            {
                HasVary = true;
                if (member.Length == 1 && member[0] == '*')
                {
                    VaryAny = true;
                }
            }
        }

        private void AddPragma(TextSlice value)
        {
            HeaderListReader reader = new HeaderListReader(value);
            TextSlice member;
            while (reader.TryReadNext(out member))
            {
                if (member.EqualsIgnoreCase("no-cache"))
                {
                    PragmaNoCache = true;
                }
            }
        }

        private void AddContentLength(TextSlice value)
        {
            if (ContentLengthInvalid)
            {
                return;
            }

            HeaderListReader reader = new HeaderListReader(value);
            TextSlice member;
            bool any = false;
            while (reader.TryReadNext(out member))
            {
                any = true;
                long length;
                if (!TryParseLength(member, out length) || (ContentLength >= 0 && ContentLength != length))
                {
                    ContentLength = -1;
                    ContentLengthInvalid = true;
                    return;
                }

                ContentLength = length;
            }

            if (!any)
            {
                ContentLength = -1;
                ContentLengthInvalid = true;
            }
        }

        private void AddTransferEncoding(TextSlice value)
        {
            HasTransferEncoding = true;
            HeaderListReader reader = new HeaderListReader(value);
            TextSlice coding;
            bool lastIsChunked = false;
            while (reader.TryReadNext(out coding))
            {
                lastIsChunked = coding.EqualsIgnoreCase("chunked");
            }

            IsChunked = lastIsChunked;
        }

        // Content-Length = 1*DIGIT; rejects values that would overflow a long instead of saturating.
        private static bool TryParseLength(TextSlice value, out long length)
        {
            length = 0;
            if (value.Length == 0 || value.Length > 18)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (!Ascii.IsDigit(c))
                {
                    return false;
                }

                length = length * 10 + (c - '0');
            }

            return true;
        }
    }
}
