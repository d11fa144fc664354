// Freshness: freshness lifetime (RFC 9111 4.2.1-4.2.2) and age (4.2.3) as pure arithmetic on seconds.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>The freshness computations of RFC 9111 4.2. Pure functions of their arguments.</summary>
    public static class Freshness
    {
        /// <summary>
        /// The freshness lifetime of a response (RFC 9111 4.2.1): in a shared cache <c>s-maxage</c> first
        /// (5.2.2.10; a private cache ignores it), then <c>max-age</c>, else <c>Expires</c> − <c>Date</c> (an invalid
        /// Expires means 0), else, when <paramref name="heuristicAllowed"/> and the status is heuristically
        /// cacheable (or the response is marked <c>public</c>), 10% of <c>Date</c> − <c>Last-Modified</c> capped at <paramref name="heuristicCap"/> (4.2.2), else 0.
        /// </summary>
        /// <param name="statusCode">The response status.</param>
        /// <param name="response">The response's header facts.</param>
        /// <param name="responseTime">Wall-clock time of receipt, used when the response has no Date; -1 when unknown.</param>
        /// <param name="heuristicCap">The longest heuristic lifetime, in seconds.</param>
        /// <param name="mode">Which cache computes it.</param>
        /// <param name="heuristicAllowed">False to give no heuristic lifetime (see <see cref="HeuristicAllowed"/>).</param>
        /// <param name="isHeuristic">True when the result is a heuristic.</param>
        public static long Lifetime(int statusCode, HeaderFacts response, long responseTime, long heuristicCap, CacheMode mode, bool heuristicAllowed, out bool isHeuristic)
        {
            isHeuristic = false;
            CacheControl cc = response.CacheControl;
            if (mode == CacheMode.Shared && cc.SharedMaxAge >= 0)
            {
                return cc.SharedMaxAge;
            }

            if (cc.MaxAge >= 0)
            {
                return cc.MaxAge;
            }

            long date = response.Date >= 0 ? response.Date : responseTime;
            if (response.ExpiresInvalid)
            {
                return 0;
            }

            if (response.Expires >= 0)
            {
                if (date < 0)
                {
                    // No Date and no clock: Expires cannot be related to anything, so treat as stale.
                    return 0;
                }

                long lifetime = response.Expires - date;
                return lifetime > 0 ? lifetime : 0;
            }

            // RFC 9111 4.2.2: heuristics for a heuristically cacheable status, or for any other one marked public.
            bool heuristicStatus = HeuristicStatus.IsHeuristicallyCacheable(statusCode) || cc.Has(CacheDirectives.Public);
            if (heuristicAllowed && heuristicStatus && response.LastModified >= 0 && date >= 0 && date > response.LastModified)
            {
                isHeuristic = true;
                long heuristic = (date - response.LastModified) / 10;
                return heuristic > heuristicCap ? heuristicCap : heuristic;
            }

            return 0;
        }

        /// <summary>
        /// Whether a heuristic lifetime may be given (RFC 9111 4.2.2 allows, never requires it). A shared cache gives
        /// none to a response to a request that carried <c>Cookie</c>: without explicit freshness such a response may
        /// be one user's page, so it is stored to be revalidated (with each requester's own cookies) on every reuse.
        /// </summary>
        public static bool HeuristicAllowed(CacheMode mode, HeaderFacts request)
        {
            return mode != CacheMode.Shared || request == null || !request.HasCookie;
        }

        /// <summary>True when the response states its own expiration (<c>max-age</c>, <c>Expires</c> valid or not, and for a shared cache <c>s-maxage</c>).</summary>
        public static bool HasExplicitExpiration(HeaderFacts response, CacheMode mode)
        {
            return response.CacheControl.MaxAge >= 0 || response.Expires >= 0 || response.ExpiresInvalid || (mode == CacheMode.Shared && response.CacheControl.SharedMaxAge >= 0);
        }

        /// <summary>
        /// corrected_initial_age of RFC 9111 4.2.3: the larger of the apparent age (receipt time − Date, when
        /// the wall clock was set) and the Age field plus the response delay.
        /// </summary>
        /// <param name="ageValue">The Age field in seconds, or -1.</param>
        /// <param name="date">The Date field, or -1.</param>
        /// <param name="responseTime">Wall-clock receipt time, or -1 when the clock was not set.</param>
        /// <param name="responseDelay">Seconds between sending the request and receiving the response (measured on the monotonic clock).</param>
        public static long InitialAge(long ageValue, long date, long responseTime, long responseDelay)
        {
            return InitialAgeMilliseconds(ageValue, date, responseTime, responseDelay * 1000) / 1000;
        }

        /// <summary>
        /// corrected_initial_age of RFC 9111 4.2.3 in milliseconds: the apparent age (receipt − Date, whole seconds as both
        /// are) against the Age field plus the response delay measured to the millisecond.
        /// </summary>
        /// <param name="ageValue">The Age field in seconds, or -1.</param>
        /// <param name="date">The Date field, or -1.</param>
        /// <param name="responseTime">Wall-clock receipt time, or -1 when the clock was not set.</param>
        /// <param name="responseDelayMilliseconds">Milliseconds between sending the request and receiving the response (monotonic clock).</param>
        public static long InitialAgeMilliseconds(long ageValue, long date, long responseTime, long responseDelayMilliseconds)
        {
            long apparentAge = 0;
            if (responseTime >= 0 && date >= 0 && responseTime > date)
            {
                apparentAge = (responseTime - date) * 1000;
            }

            long correctedAgeValue = (ageValue > 0 ? ageValue * 1000 : 0) + (responseDelayMilliseconds > 0 ? responseDelayMilliseconds : 0);
            return apparentAge > correctedAgeValue ? apparentAge : correctedAgeValue;
        }

        /// <summary>
        /// current_age of RFC 9111 4.2.3: the initial age plus the resident time. The resident time comes
        /// from the monotonic clock when the entry was stored in the current epoch; otherwise from the wall
        /// clock when both readings are known and ordered. Returns -1 when the age cannot be trusted (stored
        /// in another epoch with no usable wall clock): such an entry is stale.
        /// </summary>
        public static long CurrentAge(StoredResponseInfo info, CacheNow now)
        {
            // Whole seconds, rounded down: the Age a response carries, and the age compared with whole-second lifetimes.
            long milliseconds = CurrentAgeMilliseconds(info, now);
            return milliseconds < 0 ? -1 : milliseconds / 1000;
        }

        /// <summary><see cref="CurrentAge"/> in milliseconds; -1 when the age cannot be trusted.</summary>
        public static long CurrentAgeMilliseconds(StoredResponseInfo info, CacheNow now)
        {
            long resident;
            if (info.ReceivedEpoch == now.Epoch && info.ReceivedEpoch >= 0 && now.Ticks >= info.ReceivedTicks)
            {
                resident = now.Ticks - info.ReceivedTicks;
            }
            else if (info.ReceivedAt >= 0 && now.WallSeconds >= info.ReceivedAt)
            {
                resident = (now.WallSeconds - info.ReceivedAt) * 1000;
            }
            else
            {
                return -1;
            }

            return info.InitialAgeMilliseconds + resident;
        }
    }
}
