// HeuristicStatus: which status codes the cache understands and which are heuristically cacheable.
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
        /// Final status codes whose semantics this cache implements and may store: every final code except
        /// 206 (no range support) and 304 (only ever a validation answer).
        /// </summary>
        public static bool IsStorable(int statusCode)
        {
            return statusCode >= 200 && statusCode <= 599 && statusCode != 206 && statusCode != 304;
        }
    }
}
