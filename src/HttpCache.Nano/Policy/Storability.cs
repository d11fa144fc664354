// Storability: may this response be stored? RFC 9111 3, for a private cache.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>The storage rules of RFC 9111 3, as a private cache applies them.</summary>
    public static class Storability
    {
        /// <summary>Checks whether a response to a request may be stored.</summary>
        /// <param name="method">The request method (only GET responses are stored; HEAD is answered from them).</param>
        /// <param name="statusCode">The response status.</param>
        /// <param name="request">The request's header facts.</param>
        /// <param name="response">The response's header facts.</param>
        /// <remarks>
        /// <c>private</c> responses are stored (this is a private cache). Responses to requests with
        /// <c>Authorization</c> are stored too, bound to that credential (RFC 9111 3.5 restricts shared caches
        /// only; see <see cref="HttpCacheClient"/>). <c>must-understand</c> lets a response of a status this cache
        /// implements be stored despite <c>no-store</c> (RFC 9111 5.2.2.3). A response is storable when it has
        /// explicit freshness (max-age, Expires), is marked public or private, or has a heuristically cacheable
        /// status (RFC 9110 15.1) — the last case covers <c>200</c> with only an ETag, stored to be revalidated.
        /// </remarks>
        public static StoreVerdict Check(string method, int statusCode, HeaderFacts request, HeaderFacts response)
        {
            if (method != "GET")
            {
                return StoreVerdict.Method;
            }

            if (!HeuristicStatus.IsStorable(statusCode))
            {
                return StoreVerdict.Status;
            }

            CacheControl responseCc = response.CacheControl;
            bool mustUnderstand = responseCc.Has(CacheDirectives.MustUnderstand);
            if (request.CacheControl.Has(CacheDirectives.NoStore) || (responseCc.Has(CacheDirectives.NoStore) && !mustUnderstand))
            {
                return StoreVerdict.NoStore;
            }

            if (response.VaryAny)
            {
                return StoreVerdict.VaryAny;
            }

            if (response.ContentLengthInvalid)
            {
                return StoreVerdict.Malformed;
            }

            bool marked = (responseCc.Flags & (CacheDirectives.Public | CacheDirectives.Private)) != 0;
            if (Freshness.HasExplicitExpiration(response) || marked || HeuristicStatus.IsHeuristicallyCacheable(statusCode))
            {
                return StoreVerdict.Store;
            }

            return StoreVerdict.NotCacheable;
        }
    }
}
