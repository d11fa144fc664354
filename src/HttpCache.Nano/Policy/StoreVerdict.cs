// StoreVerdict: whether a response may be stored, and if not, why (for stats and logs).
namespace HttpCache.Nano.Policy
{
    /// <summary>The outcome of <see cref="Storability.Check"/>.</summary>
    public enum StoreVerdict
    {
        /// <summary>The response may be stored.</summary>
        Store,

        /// <summary>The request method is not GET.</summary>
        Method,

        /// <summary>The status code is not final, or not one the cache stores (206, 304, 1xx).</summary>
        Status,

        /// <summary><c>no-store</c> on the request or the response (RFC 9111 5.2.1.5, 5.2.2.5).</summary>
        NoStore,

        /// <summary><c>Vary: *</c>: the response can never be reused (RFC 9111 4.1).</summary>
        VaryAny,

        /// <summary>Neither explicit freshness, a validator-friendly heuristic status, nor a storable marker (RFC 9111 3).</summary>
        NotCacheable,

        /// <summary>The response framing or headers are unusable (invalid Content-Length, too many fields).</summary>
        Malformed,

        /// <summary>Shared cache: <c>Cache-Control: private</c> (RFC 9111 5.2.2.7).</summary>
        Private,

        /// <summary>Shared cache: the request carried <c>Authorization</c> and the response does not allow sharing it (RFC 9111 3.5).</summary>
        Authorization,

        /// <summary>Shared cache: the response sets a cookie and <c>private="Set-Cookie"</c> does not ask for it to be withheld.</summary>
        SetCookie,
    }
}
