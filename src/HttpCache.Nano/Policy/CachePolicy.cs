// CachePolicy: serve / serve stale / revalidate / fetch / 504, a pure function of (request, stored response, now).
// Interpreter cost: arithmetic on longs and flag tests over class fields; the result goes into a caller-owned object.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// Decides how to answer a GET or HEAD request from a stored response (RFC 9111 4), in the manner of
    /// OkHttp's CacheStrategy: no I/O, no clock; the caller carries the decision out.
    /// </summary>
    public static class CachePolicy
    {
        /// <summary>Decides how to satisfy a request, into a new decision (allocates; the client reuses one instead).</summary>
        public static CacheDecision Decide(HeaderFacts request, StoredResponseInfo stored, bool revalidatePending, CacheNow now, CacheOptions options)
        {
            CacheDecision decision = new CacheDecision();
            Decide(request, stored, revalidatePending, now, options, decision);
            return decision;
        }

        /// <summary>Decides how to satisfy a request.</summary>
        /// <param name="request">The request's header facts.</param>
        /// <param name="stored">The facts of the stored response that matches the request (key, Vary, credentials), or null; an entry stored under the other <see cref="CacheMode"/> counts as none.</param>
        /// <param name="revalidatePending">True when a stale-while-revalidate serve left this entry to be revalidated on its next use.</param>
        /// <param name="now">The current time.</param>
        /// <param name="options">Cache-wide options.</param>
        /// <param name="decision">Receives the decision (every field is set).</param>
        public static void Decide(HeaderFacts request, StoredResponseInfo stored, bool revalidatePending, CacheNow now, CacheOptions options, CacheDecision decision)
        {
            decision.Reset();
            CacheControl requestCc = request.CacheControl;
            bool onlyIfCached = requestCc.Has(CacheDirectives.OnlyIfCached);
            bool shared = options.Mode == CacheMode.Shared;

            // An entry stored under the other mode's rules is not reused: a private one may be one user's alone.
            if (stored == null || stored.Shared != shared)
            {
                decision.Action = onlyIfCached ? CacheAction.GatewayTimeout : CacheAction.Fetch;
                return;
            }

            long age = Freshness.CurrentAge(stored, now);
            long lifetime = stored.FreshnessLifetime;
            bool fresh = age >= 0 && lifetime > age;
            long staleness = age < 0 ? CacheControl.Unbounded : (age > lifetime ? age - lifetime : 0);
            decision.Age = age;
            decision.Staleness = staleness;

            // RFC 9111 5.2.1.4 / 5.4: a request no-cache (or Pragma: no-cache without Cache-Control) forbids unvalidated reuse.
            bool requestNoCache = requestCc.Has(CacheDirectives.NoCache) || (!requestCc.IsPresent && request.PragmaNoCache);
            bool responseNoCache = (stored.Directives & CacheDirectives.NoCache) != 0;
            // RFC 9111 5.2.2.8: proxy-revalidate binds shared caches only (s-maxage implies it there, 5.2.2.10).
            CacheDirectives revalidate = shared ? CacheDirectives.MustRevalidate | CacheDirectives.ProxyRevalidate : CacheDirectives.MustRevalidate;
            bool mustRevalidate = (stored.Directives & revalidate) != 0;

            // RFC 9111 4.2.4: never serve stale against no-cache or must-revalidate, whatever else allows it.
            bool staleForbidden = responseNoCache || mustRevalidate;
            if (!staleForbidden && !requestNoCache)
            {
                long staleIfError = stored.StaleIfError > requestCc.StaleIfError ? stored.StaleIfError : requestCc.StaleIfError;
                decision.StaleIfErrorAllowed = Within(staleness, staleIfError);
                decision.StaleWhenOfflineAllowed = Within(staleness, options.MaxStaleWhenOffline);
            }

            if (!responseNoCache && !(requestNoCache && !onlyIfCached) && !(revalidatePending && !onlyIfCached) && IsAcceptableFresh(fresh, age, lifetime, requestCc, stored))
            {
                decision.Action = CacheAction.ServeFresh;
                return;
            }

            if (!staleForbidden && !fresh)
            {
                // RFC 9111 5.2.1.2: the client accepts this much staleness.
                if (requestCc.MaxStale >= 0 && Within(staleness, requestCc.MaxStale))
                {
                    decision.Action = CacheAction.ServeStale;
                    decision.StaleReason = StaleReason.MaxStale;
                    return;
                }

                // RFC 5861 3: serve now, revalidate on the next use (no background threads on a device).
                if (!requestNoCache && !revalidatePending && !onlyIfCached && Within(staleness, stored.StaleWhileRevalidate))
                {
                    decision.Action = CacheAction.ServeStale;
                    decision.StaleReason = StaleReason.WhileRevalidate;
                    return;
                }
            }

            if (onlyIfCached)
            {
                // RFC 9111 5.2.1.7: nothing stored satisfies the request, and the network may not be used.
                decision.Action = CacheAction.GatewayTimeout;
                return;
            }

            decision.Action = stored.CanRevalidate ? CacheAction.Revalidate : CacheAction.Fetch;
        }

        /// <summary>True when <paramref name="staleness"/> fits a window of <paramref name="window"/> seconds (-1 = no window).</summary>
        public static bool Within(long staleness, long window)
        {
            if (window < 0)
            {
                return false;
            }

            if (window == CacheControl.Unbounded)
            {
                return true;
            }

            return staleness != CacheControl.Unbounded && staleness <= window;
        }

        private static bool IsAcceptableFresh(bool fresh, long age, long lifetime, CacheControl requestCc, StoredResponseInfo stored)
        {
            if (!fresh)
            {
                return false;
            }

            // RFC 8246: a fresh immutable response is not revalidated for a reload-style max-age=0.
            bool immutable = (stored.Directives & CacheDirectives.Immutable) != 0;
            if (requestCc.MaxAge >= 0 && age > requestCc.MaxAge && !(immutable && requestCc.MaxAge == 0))
            {
                return false;
            }

            // RFC 9111 5.2.1.3: the response must stay fresh for at least min-fresh more seconds.
            return requestCc.MinFresh < 0 || lifetime - age >= requestCc.MinFresh;
        }
    }
}
