// CacheOptions: the cache-wide settings a firmware author may change.
namespace HttpCache.Nano
{
    /// <summary>Cache-wide settings. The defaults follow RFC 9111 strictly.</summary>
    public sealed class CacheOptions
    {
        private int _maxVariantsPerUri;

        /// <summary>Creates the default options.</summary>
        public CacheOptions()
        {
            MaxStaleWhenOffline = -1;
            MaxVariantsPerUri = DefaultMaxVariantsPerUri;
            MaxHeuristicLifetime = 86400;
            MaxResponseHeaderFields = 100;
        }

        /// <summary>
        /// Offline use: when the origin cannot be reached (a transport failure, not an HTTP error status), serve
        /// a stored response that is stale by at most this many seconds instead of answering 504.
        /// <see cref="Parsing.CacheControl.Unbounded"/> accepts any staleness, including entries whose age is
        /// unknown (stored before a reboot with no wall clock). -1 (the default) turns it off. Responses marked
        /// <c>no-cache</c> or <c>must-revalidate</c> (in a shared cache also <c>proxy-revalidate</c>) are never served stale (RFC 9111 4.2.4).
        /// </summary>
        public long MaxStaleWhenOffline { get; set; }

#if NANOFRAMEWORK_1_0
        /// <summary>The default of <see cref="MaxVariantsPerUri"/> on the device: a device seldom varies its own requests.</summary>
        public const int DefaultMaxVariantsPerUri = 2;
#else
        /// <summary>The default of <see cref="MaxVariantsPerUri"/> on desktop: a proxy's clients alternate languages and encodings.</summary>
        public const int DefaultMaxVariantsPerUri = 4;
#endif

        /// <summary>
        /// Responses kept per URI when it varies (RFC 9111 4.1: <c>Vary</c>): the most recent at the URI's own key, older
        /// ones under variant keys, the least recently stored dropped beyond this; 1 keeps only the latest. Always within
        /// the store's entry and byte budgets. Default 4 on desktop, 2 on the device.
        /// </summary>
        public int MaxVariantsPerUri
        {
            get { return _maxVariantsPerUri; }
            set
            {
                if (value < 1)
                {
                    throw new System.ArgumentOutOfRangeException("value");
                }

                _maxVariantsPerUri = value;
            }
        }

        /// <summary>The longest heuristic freshness lifetime (10% of Date − Last-Modified), in seconds; default one day.</summary>
        public long MaxHeuristicLifetime { get; set; }

        /// <summary>Responses with more header fields than this are passed through uncached; default 100.</summary>
        public int MaxResponseHeaderFields { get; set; }

        /// <summary>
        /// A private cache (the default: a device, one user's client) or a shared one (a proxy, a server-side client
        /// acting for many users). See <see cref="CacheMode"/> for what differs.
        /// </summary>
        public CacheMode Mode { get; set; }

        /// <summary>
        /// A shared cache's targeted cache-control field (RFC 9213), e.g. <c>CDN-Cache-Control</c>: when a response carries
        /// it with a value, its directives decide this cache's storing and freshness instead of Cache-Control and Expires
        /// (the field itself is passed on unchanged). Null (the default): none. Ignored by a private cache.
        /// </summary>
        public string TargetedField { get; set; }
    }
}
