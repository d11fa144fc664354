// CacheStatusField: this cache's member of the Cache-Status field (RFC 9211) — what it did with a response — for the
// proxy and the CachingHandler, appended after whatever caches upstream said.
using System.Globalization;
using System.Text;

namespace HttpCache.Nano.Http
{
    /// <summary>Builds this cache's Cache-Status member from what the engine reports of a response.</summary>
    public static class CacheStatusField
    {
        /// <summary>The member for <paramref name="response"/>: <c>hit</c> or <c>fwd=…</c>, <c>fwd-status</c>, <c>ttl</c>, <c>stored</c>, <c>collapsed</c>, <c>key</c>.</summary>
        public static string Of(string cache, CacheResponse response, bool collapsed, string key)
        {
            StringBuilder member = new StringBuilder(cache);
            bool hit = response.Forwarded == ForwardReason.None && (response.Source == CacheSource.Cache || response.Source == CacheSource.CacheStale);
            if (hit)
            {
                member.Append("; hit");
            }
            else
            {
                member.Append("; fwd=").Append(Token(response.Forwarded == ForwardReason.None ? ForwardReason.UriMiss : response.Forwarded));
                if (response.ForwardStatus > 0)
                {
                    member.Append("; fwd-status=").Append(response.ForwardStatus.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (hit || response.Stored)
            {
                // Seconds of freshness left (negative: stale by that much), as this cache sees them.
                long ttl = response.RemainingFreshness > 0 ? response.RemainingFreshness : response.FreshnessLifetime - response.Age;
                member.Append("; ttl=").Append(ttl.ToString(CultureInfo.InvariantCulture));
            }

            if (response.Stored)
            {
                member.Append("; stored");
            }

            if (collapsed)
            {
                member.Append("; collapsed");
            }

            if (response.Source == CacheSource.CacheStale)
            {
                member.Append("; detail=stale-").Append(response.StaleReason.ToString().ToLowerInvariant());
            }

            return member.Append("; key=").Append(Quoted(key)).ToString();
        }

        /// <summary>The member for a response forwarded and streamed as it arrived (not stored yet when its head left).</summary>
        public static string Streamed(string cache, bool revalidation, int status, string key) =>
            cache + "; fwd=" + (revalidation ? "stale" : "uri-miss") + "; fwd-status=" + status.ToString(CultureInfo.InvariantCulture) + "; key=" + Quoted(key);

        /// <summary>The member for a response the proxy made itself: no usable answer from the origin.</summary>
        public static string Generated(string cache, string detail, string key) => cache + "; fwd=uri-miss; detail=" + detail + "; key=" + Quoted(key);

        /// <summary>The field value with <paramref name="member"/> after the members already there (RFC 9211 2: one member per cache, in order).</summary>
        public static string After(string upstream, string member) => string.IsNullOrEmpty(upstream) ? member : upstream + ", " + member;

        private static string Token(ForwardReason reason) => reason switch
        {
            ForwardReason.Stale => "stale",
            ForwardReason.Request => "request",
            ForwardReason.Method => "method",
            ForwardReason.Partial => "partial",
            _ => "uri-miss",
        };

        // An sf-string (RFC 8941 3.3.3): quotes and backslashes escaped.
        private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
