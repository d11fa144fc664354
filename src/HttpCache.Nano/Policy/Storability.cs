// Storability: may this response be stored? RFC 9111 3, for a private or a shared cache.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>The storage rules of RFC 9111 3, as a private or a shared cache applies them.</summary>
    public static class Storability
    {
        /// <summary>Checks whether a response to a request may be stored.</summary>
        /// <param name="method">The request method (only GET responses are stored; HEAD is answered from them).</param>
        /// <param name="statusCode">The response status.</param>
        /// <param name="request">The request's header facts.</param>
        /// <param name="response">The response's header facts.</param>
        /// <param name="mode">Which cache is storing.</param>
        /// <remarks>
        /// <para>Both modes: with <c>must-understand</c> only a status this cache understands is stored
        /// (<see cref="HeuristicStatus.IsUnderstood"/>), and its <c>no-store</c> is set aside (RFC 9111 5.2.2.3); otherwise
        /// <c>no-store</c> forbids storing; <c>Vary: *</c> can never be reused (4.1). A response is storable when it
        /// has explicit freshness, is marked <c>public</c> (or, in a private cache, <c>private</c>), or has a
        /// heuristically cacheable status (RFC 9110 15.1) — the last case covers <c>200</c> with only an ETag,
        /// stored to be revalidated.</para>
        /// <para>Private: <c>private</c> responses and responses to requests with <c>Authorization</c> are stored (the
        /// latter bound to that credential; see <see cref="HttpCacheClient"/>).</para>
        /// <para>Shared: <c>private</c> without a field list is never stored (5.2.2.7); a response to a request with
        /// <c>Authorization</c> only with <c>public</c>, <c>s-maxage</c> or <c>must-revalidate</c> (3.5); a response with
        /// <c>Set-Cookie</c> only when <c>private="…"</c> names that field (then it is stored without it:
        /// <see cref="SharedFields"/>); <c>s-maxage</c> counts as explicit freshness (3).</para>
        /// </remarks>
        public static StoreVerdict Check(string method, int statusCode, HeaderFacts request, HeaderFacts response, CacheMode mode)
        {
            if (method != HttpMethods.Get)
            {
                return StoreVerdict.Method;
            }

            // RFC 9111 5.2.2.3: with must-understand only a status whose semantics the cache implements is stored, and
            // then no-store (sent for caches that do not know must-understand) is set aside.
            CacheControl responseCc = response.CacheControl;
            bool mustUnderstand = responseCc.Has(CacheDirectives.MustUnderstand);
            if (mustUnderstand ? !HeuristicStatus.IsUnderstood(statusCode) : !HeuristicStatus.IsStorable(statusCode))
            {
                return StoreVerdict.Status;
            }

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

            bool shared = mode == CacheMode.Shared;
            if (shared)
            {
                StoreVerdict sharedVerdict = CheckShared(request, response);
                if (sharedVerdict != StoreVerdict.Store)
                {
                    return sharedVerdict;
                }
            }

            CacheDirectives markers = shared ? CacheDirectives.Public : CacheDirectives.Public | CacheDirectives.Private;
            bool marked = (responseCc.Flags & markers) != 0;
            if (Freshness.HasExplicitExpiration(response, mode) || marked || HeuristicStatus.IsHeuristicallyCacheable(statusCode))
            {
                return StoreVerdict.Store;
            }

            return StoreVerdict.NotCacheable;
        }

        // The rules only a shared cache applies: one user's response must never reach another.
        private static StoreVerdict CheckShared(HeaderFacts request, HeaderFacts response)
        {
            CacheControl cc = response.CacheControl;

            // RFC 9111 5.2.2.7: unqualified private means "for one user"; the qualified form only withholds its fields.
            if (cc.Has(CacheDirectives.Private) && !cc.Has(CacheDirectives.PrivateWithFields))
            {
                return StoreVerdict.Private;
            }

            // RFC 9111 3.5: a response to an authenticated request is shared only where the response allows it.
            if (request.HasAuthorization && !cc.Has(CacheDirectives.Public) && !cc.Has(CacheDirectives.MustRevalidate) && cc.SharedMaxAge < 0)
            {
                return StoreVerdict.Authorization;
            }

            // A cookie set for one user is never stored for others; the origin may ask for the rest to be kept.
            if (response.HasSetCookie && !SharedFields.NamesPrivately(response, HeaderName.SetCookie))
            {
                return StoreVerdict.SetCookie;
            }

            return StoreVerdict.Store;
        }
    }
}
