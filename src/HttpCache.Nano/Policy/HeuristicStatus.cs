// HeuristicStatus: which status codes the cache stores, understands (must-understand) and may give heuristic freshness.
namespace HttpCache.Nano.Policy
{
    /// <summary>Status code classes of RFC 9110 15.1 as the cache uses them.</summary>
    public static class HeuristicStatus
    {
        /// <summary>
        /// The status codes defined as heuristically cacheable (RFC 9110 15.1): 200, 203, 204, 206, 300, 301,
        /// 308, 404, 405, 410, 414 and 501. (206 is listed by the RFC, but this cache never stores partial content.)
        /// </summary>
        public static bool IsHeuristicallyCacheable(int statusCode)
        {
            switch (statusCode)
            {
                case 200:
                case 203:
                case 204:
                case 206:
                case 300:
                case 301:
                case 308:
                case 404:
                case 405:
                case 410:
                case 414:
                case 501:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Final status codes this cache may store without <c>must-understand</c> (RFC 9111 3): every final code except
        /// 206 (partial content is not stored) and 304 (only ever a validation answer).
        /// </summary>
        public static bool IsStorable(int statusCode)
        {
            return statusCode >= 200 && statusCode <= 599 && statusCode != 206 && statusCode != 304;
        }

        /// <summary>
        /// The status codes whose caching semantics this cache implements (RFC 9111 5.2.2.3 "understands"): those
        /// RFC 9110 defines, less 206 (partial content is not stored) and 304 (a validation answer, never stored).
        /// With <c>must-understand</c> only these are stored; any other final code, registered later or private to
        /// one origin (299, 599), is not, whatever else the response says.
        /// </summary>
        public static bool IsUnderstood(int statusCode)
        {
            if (statusCode >= 200 && statusCode <= 205)
            {
                return true;
            }

            if (statusCode >= 300 && statusCode <= 308)
            {
                return statusCode != 304 && statusCode != 306;
            }

            if (statusCode >= 400 && statusCode <= 417)
            {
                return true;
            }

            if (statusCode >= 500 && statusCode <= 505)
            {
                return true;
            }

            return statusCode == 421 || statusCode == 422 || statusCode == 426;
        }
    }
}
