// CacheResponse: what the caller gets — status, headers, body, and how the cache produced it.
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;

namespace HttpCache.Nano
{
    /// <summary>
    /// A response handed to the caller. The header block holds end-to-end fields only; for a response served
    /// from the cache it holds no <c>Age</c> line: <see cref="Age"/> carries the current age, and
    /// <see cref="GetHeaders"/> adds the <c>Age</c> field. The body array may be shared with the cache: do
    /// not modify it. A fresh hit returns the stored entry's own response object, with <see cref="Age"/> updated
    /// on each hit (a hit allocates nothing): read what you need from it before the next request of that URL.
    /// </summary>
    public sealed class CacheResponse
    {
        internal CacheResponse(int statusCode, string reasonPhrase, byte[] headerBlock, byte[] body, CacheSource source, long age)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            HeaderBlock = headerBlock;
            Body = body == null ? new byte[0] : body;
            Source = source;
            Age = age;
        }

        /// <summary>The status code.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The origin's reason phrase, or null.</summary>
        public string ReasonPhrase { get; private set; }

        /// <summary>The end-to-end header fields as a block of <c>Name: value\r\n</c> lines ending with an empty line.</summary>
        public byte[] HeaderBlock { get; private set; }

        /// <summary>The body (read-only; may be shared with the cache).</summary>
        public byte[] Body { get; private set; }

        /// <summary>Where the response came from.</summary>
        public CacheSource Source { get; private set; }

        /// <summary>Why a stale response was served, for <see cref="CacheSource.CacheStale"/>.</summary>
        public StaleReason StaleReason { get; internal set; }

        /// <summary>Age in seconds of a response served from the cache; -1 for a network or generated response, or an unknown age.</summary>
        public long Age { get; private set; }

        /// <summary>
        /// The freshness lifetime in seconds (RFC 9111 4.2.1) the cache gives the response it stores or served; 0 when
        /// nothing was stored or the stored response must be revalidated on every use (<c>no-cache</c>).
        /// </summary>
        public long FreshnessLifetime { get; private set; }

        /// <summary>
        /// Seconds the stored response stays fresh from the moment it was handed out (its lifetime minus its current age);
        /// 0 when it is stale, unknown or was not stored. A poller need not ask again sooner: the cache would answer itself.
        /// </summary>
        public long RemainingFreshness { get; private set; }

        /// <summary>For a generated response, why the origin could not be used; otherwise null.</summary>
        public string Error { get; internal set; }

        /// <summary>True for a generated 504 caused by a transport failure (origin unreachable, timeout, malformed response).</summary>
        public bool OriginUnreachable { get; internal set; }

        /// <summary>
        /// True for a generated 504 when a stored response matched but could not be served without the origin: it must be
        /// revalidated (<c>must-revalidate</c>, <c>no-cache</c>, a request's <c>no-cache</c>: RFC 9111 4.2.4, 5.2.2.2), or
        /// serving it stale was not allowed (<see cref="CacheOptions.MaxStaleWhenOffline"/>, <c>stale-if-error</c>).
        /// </summary>
        public bool StoredResponseWithheld { get; internal set; }

        /// <summary>
        /// True for a generated 504 because the origin's body is over the transport's limit (the origin itself answered):
        /// fetch it with a streaming download instead (<c>FlashDownloader</c> of HttpCache.Nano.Flash, <c>SocketTransport.Open</c>).
        /// </summary>
        public bool BodyTooLarge { get; internal set; }

        /// <summary>Why the request went to the origin (<see cref="ForwardReason.None"/>: answered from the cache): Cache-Status's <c>fwd</c>.</summary>
        public ForwardReason Forwarded { get; internal set; }

        /// <summary>The status the origin answered when the request was forwarded (a 304 for a revalidation), or 0: Cache-Status's <c>fwd-status</c>.</summary>
        public int ForwardStatus { get; internal set; }

        /// <summary>True when this exchange stored the response (or its renewal): Cache-Status's <c>stored</c>.</summary>
        public bool Stored { get; internal set; }

        /// <summary>For a generated response, what failed underneath (a refused connection, TLS, a malformed answer, ...).</summary>
        public Transport.TransportFailure Failure { get; internal set; }

        /// <summary>True when the body came from the cache (fresh, stale or revalidated).</summary>
        public bool IsFromCache
        {
            get { return Source == CacheSource.Cache || Source == CacheSource.CacheStale || Source == CacheSource.CacheRevalidated; }
        }

        /// <summary>The value of the first field named <paramref name="name"/> (any letter case), or null. Allocates the string.</summary>
        public string GetHeader(string name)
        {
            HeaderFields fields = ParseFields();
            for (int i = 0; i < fields.Count; i++)
            {
                if (Ascii.EqualsIgnoreCase(fields.ReceivedNameToString(i), name))
                {
                    return fields.ValueToString(i);
                }
            }

            return Age >= 0 && Ascii.EqualsIgnoreCase(name, "Age") ? Age.ToString() : null;
        }

        /// <summary>The fields as a list, names as received, with <c>Age</c> added for a response served from the cache. Allocates.</summary>
        public HttpHeaders GetHeaders()
        {
            HttpHeaders headers = new HttpHeaders();
            HeaderFields fields = ParseFields();
            for (int i = 0; i < fields.Count; i++)
            {
                headers.Add(fields.ReceivedNameToString(i), fields.ValueToString(i));
            }

            if (Age >= 0 && !headers.Contains("Age"))
            {
                headers.Add("Age", Age.ToString());
            }

            return headers;
        }

        /// <summary>Sets the age of a response the client reuses for fresh hits.</summary>
        internal void SetAge(long age)
        {
            Age = age;
        }

        /// <summary>Records the stored response's lifetime and the current age it was served at (-1: unknown).</summary>
        internal void SetFreshness(StoredResponseInfo info, long age)
        {
            bool reusable = (info.Directives & CacheDirectives.NoCache) == 0;
            long lifetime = reusable ? info.FreshnessLifetime : 0;
            FreshnessLifetime = lifetime;
            RemainingFreshness = age >= 0 && lifetime > age ? lifetime - age : 0;
        }

        private HeaderFields ParseFields()
        {
            return HeaderFields.Of(HeaderBlock);
        }
    }
}
