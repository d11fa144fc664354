// StoredResponseInfo: the facts the policy needs about a stored response, computed once when it is stored.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// What the policy needs to know about a stored response, derived from its headers when it was stored
    /// or freshened, so that deciding on a hit parses nothing. Times follow the library convention
    /// (Unix seconds, -1 = absent). A class (no struct copies on the device); treat a stored one as read-only.
    /// </summary>
    public sealed class StoredResponseInfo
    {
        /// <summary>The stored status code.</summary>
        public int StatusCode;

        /// <summary>The response's <c>Date</c>, or -1.</summary>
        public long Date;

        /// <summary>The response's <c>Last-Modified</c>, or -1.</summary>
        public long LastModified;

        /// <summary>True when the response has an entity-tag.</summary>
        public bool HasETag;

        /// <summary>Freshness lifetime in seconds (RFC 9111 4.2.1), 0 or more.</summary>
        public long FreshnessLifetime;

        /// <summary>True when the lifetime is heuristic (RFC 9111 4.2.2).</summary>
        public bool IsHeuristic;

        /// <summary>
        /// corrected_initial_age of RFC 9111 4.2.3 at the time of receipt, in milliseconds: the response delay is measured
        /// to the millisecond, so a sub-second exchange does not age a response by a whole second.
        /// </summary>
        public long InitialAgeMilliseconds;

        /// <summary>The corrected initial age in whole seconds (rounded down); setting it sets <see cref="InitialAgeMilliseconds"/>.</summary>
        public long InitialAge
        {
            get { return InitialAgeMilliseconds / 1000; }
            set { InitialAgeMilliseconds = value * 1000; }
        }

        /// <summary>Wall-clock time of receipt, or -1 when the wall clock was not set.</summary>
        public long ReceivedAt;

        /// <summary>Monotonic milliseconds at receipt.</summary>
        public long ReceivedTicks;

        /// <summary>Monotonic epoch at receipt; -1 when unknown (e.g. loaded from flash).</summary>
        public int ReceivedEpoch;

        /// <summary>The response's flag directives.</summary>
        public CacheDirectives Directives;

        /// <summary><c>stale-while-revalidate</c> seconds, or -1.</summary>
        public long StaleWhileRevalidate;

        /// <summary><c>stale-if-error</c> seconds, or -1.</summary>
        public long StaleIfError;

        /// <summary>True when the response varies on request fields (<c>Vary</c>).</summary>
        public bool HasVary;

        /// <summary>
        /// True when the response was stored under shared-cache rules (<see cref="CacheMode.Shared"/>). A cache reuses
        /// only entries stored under its own mode: a private entry may hold what one user alone may see.
        /// </summary>
        public bool Shared;

        /// <summary>Derives the facts of a response, for a private cache, received at <paramref name="received"/> for a request sent at <paramref name="sent"/>.</summary>
        /// <param name="statusCode">The response status.</param>
        /// <param name="facts">The response's header facts.</param>
        /// <param name="sent">Clock reading when the request was sent.</param>
        /// <param name="received">Clock reading when the response was received.</param>
        /// <param name="heuristicCap">The longest heuristic lifetime in seconds.</param>
        public static StoredResponseInfo Describe(int statusCode, HeaderFacts facts, CacheNow sent, CacheNow received, long heuristicCap)
        {
            return Describe(statusCode, facts, null, sent, received, CacheMode.Private, heuristicCap);
        }

        /// <summary>Derives the facts of a response received at <paramref name="received"/> for a request sent at <paramref name="sent"/>.</summary>
        /// <param name="statusCode">The response status.</param>
        /// <param name="facts">The response's header facts.</param>
        /// <param name="request">The request's header facts (its Cookie matters to a shared cache), or null.</param>
        /// <param name="sent">Clock reading when the request was sent.</param>
        /// <param name="received">Clock reading when the response was received.</param>
        /// <param name="mode">Which cache stores it.</param>
        /// <param name="heuristicCap">The longest heuristic lifetime in seconds.</param>
        public static StoredResponseInfo Describe(int statusCode, HeaderFacts facts, HeaderFacts request, CacheNow sent, CacheNow received, CacheMode mode, long heuristicCap)
        {
            StoredResponseInfo info = new StoredResponseInfo();
            bool heuristic;
            bool shared = mode == CacheMode.Shared;
            info.StatusCode = statusCode;
            info.Date = facts.Date;
            info.LastModified = facts.LastModified;
            info.HasETag = facts.HasETag;
            info.FreshnessLifetime = Freshness.Lifetime(statusCode, facts, received.WallSeconds, heuristicCap, mode, Freshness.HeuristicAllowed(mode, request), out heuristic);
            info.IsHeuristic = heuristic;
            info.InitialAgeMilliseconds = Freshness.InitialAgeMilliseconds(facts.Age, facts.Date, received.WallSeconds, ResponseDelayMilliseconds(sent, received));
            info.ReceivedAt = received.WallSeconds;
            info.ReceivedTicks = received.Ticks;
            info.ReceivedEpoch = received.Epoch;
            info.Directives = facts.CacheControl.Flags;

            // RFC 9111 5.2.2.10: for a shared cache, s-maxage also implies proxy-revalidate.
            if (shared && facts.CacheControl.SharedMaxAge >= 0)
            {
                info.Directives |= CacheDirectives.ProxyRevalidate;
            }

            info.StaleWhileRevalidate = facts.CacheControl.StaleWhileRevalidate;
            info.StaleIfError = facts.CacheControl.StaleIfError;
            info.HasVary = facts.HasVary;
            info.Shared = shared;
            return info;
        }

        /// <summary>Milliseconds between two readings of the same epoch (response_time − request_time); 0 across epochs.</summary>
        public static long ResponseDelayMilliseconds(CacheNow sent, CacheNow received)
        {
            return sent.Epoch == received.Epoch && received.Ticks > sent.Ticks ? received.Ticks - sent.Ticks : 0;
        }

        /// <summary>True when the response has a validator the cache can send: an entity-tag or Last-Modified/Date.</summary>
        public bool CanRevalidate
        {
            get { return HasETag || LastModified >= 0 || Date >= 0; }
        }
    }
}
