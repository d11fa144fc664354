// CacheDecision: the policy's verdict for one request, a plain value the client carries out.
namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// The policy's decision for one request against one stored response (or none). A class the caller owns and
    /// reuses: <see cref="CachePolicy.Decide(Parsing.HeaderFacts, StoredResponseInfo, bool, CacheNow, CacheOptions, CacheDecision)"/> overwrites every field.
    /// </summary>
    public sealed class CacheDecision
    {
        /// <summary>What to do.</summary>
        public CacheAction Action;

        /// <summary>Why a stale response is served (with <see cref="CacheAction.ServeStale"/>).</summary>
        public StaleReason StaleReason;

        /// <summary>The stored response's current age in seconds; -1 when there is none or it is unknown.</summary>
        public long Age;

        /// <summary>Seconds past the freshness lifetime (0 when fresh); <see cref="Parsing.CacheControl.Unbounded"/> when the age is unknown.</summary>
        public long Staleness;

        /// <summary>
        /// When revalidation fails with a 5xx or an unreachable origin, <c>stale-if-error</c> (of the response or
        /// the request) allows serving the stored response (RFC 5861 4).
        /// </summary>
        public bool StaleIfErrorAllowed;

        /// <summary>When the origin is unreachable, <see cref="CacheOptions.MaxStaleWhenOffline"/> allows serving the stored response.</summary>
        public bool StaleWhenOfflineAllowed;

        /// <summary>Sets every field to "fetch, nothing known".</summary>
        public void Reset()
        {
            Action = CacheAction.Fetch;
            StaleReason = StaleReason.None;
            Age = -1;
            Staleness = 0;
            StaleIfErrorAllowed = false;
            StaleWhenOfflineAllowed = false;
        }
    }
}
