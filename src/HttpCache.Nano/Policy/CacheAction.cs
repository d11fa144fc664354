// CacheAction and StaleReason: what the policy decided, as values.
namespace HttpCache.Nano.Policy
{
    /// <summary>The action a <see cref="CacheDecision"/> asks the caller to carry out.</summary>
    public enum CacheAction
    {
        /// <summary>Send the request to the origin unconditionally (no usable stored response).</summary>
        Fetch,

        /// <summary>Serve the stored response: it is fresh enough for this request.</summary>
        ServeFresh,

        /// <summary>Serve the stored response although stale; <see cref="CacheDecision.StaleReason"/> says why it is allowed.</summary>
        ServeStale,

        /// <summary>Send a conditional request built from the stored validators.</summary>
        Revalidate,

        /// <summary>Answer 504 Gateway Timeout without contacting the origin (<c>only-if-cached</c> that cannot be satisfied).</summary>
        GatewayTimeout,
    }

    /// <summary>Why a stale response may be served.</summary>
    public enum StaleReason
    {
        /// <summary>Not stale, or not served stale.</summary>
        None,

        /// <summary>The request's <c>max-stale</c> accepts it (RFC 9111 5.2.1.2).</summary>
        MaxStale,

        /// <summary>The response's <c>stale-while-revalidate</c> window (RFC 5861 3); the cache revalidates on this entry's next use.</summary>
        WhileRevalidate,

        /// <summary>Revalidation failed and <c>stale-if-error</c> (RFC 5861 4) covers the staleness.</summary>
        Error,

        /// <summary>The origin was unreachable and <see cref="CacheOptions.MaxStaleWhenOffline"/> covers the staleness.</summary>
        Offline,
    }
}
