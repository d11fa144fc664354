// CacheMode: whether the cache serves one user (private) or many (shared), the distinction RFC 9111 draws throughout.
namespace HttpCache.Nano
{
    /// <summary>Which RFC 9111 cache the engine is: the rules differ in storing, freshness and reuse.</summary>
    public enum CacheMode
    {
        /// <summary>
        /// A private cache (RFC 9111 1): one user's, like a browser's or a device's own. Stores <c>private</c> responses
        /// and those to requests with credentials (bound to that credential); ignores <c>s-maxage</c> and
        /// <c>proxy-revalidate</c>. The default, and what a device is by nature.
        /// </summary>
        Private,

        /// <summary>
        /// A shared cache (RFC 9111 1): one that answers many users, like the proxy. Never stores <c>private</c> responses
        /// nor the fields a <c>private="…"</c> names (5.2.2.7); honours <c>s-maxage</c> (5.2.2.10) and
        /// <c>proxy-revalidate</c> (5.2.2.8); stores a response to a request with <c>Authorization</c> only when
        /// <c>public</c>, <c>s-maxage</c> or <c>must-revalidate</c> allows it (3.5); never hands a stored
        /// <c>Set-Cookie</c> to another request (a response that sets a cookie is not stored unless
        /// <c>private="Set-Cookie"</c> names it, and then it is stored without it); gives no heuristic freshness to a
        /// response to a request that carried <c>Cookie</c> (it may be one user's page).
        /// </summary>
        Shared,
    }
}
