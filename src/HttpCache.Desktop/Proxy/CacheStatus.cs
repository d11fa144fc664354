// CacheStatus: the Cache-Status field (RFC 9211) on every proxy response: this cache's member after upstream ones.
using HttpCache.Nano.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HttpCache.Desktop.Proxy
{
    /// <summary>Adds this cache's member (<see cref="CacheStatusField"/>) to a response the proxy writes.</summary>
    internal static class CacheStatus
    {
        public static string Of(string cache, HttpCache.Nano.CacheResponse response, bool collapsed, string key) => CacheStatusField.Of(cache, response, collapsed, key);

        public static string Streamed(string cache, bool revalidation, int status, string key) => CacheStatusField.Streamed(cache, revalidation, status, key);

        public static string Generated(string cache, string detail, string key) => CacheStatusField.Generated(cache, detail, key);

        /// <summary>Adds <paramref name="member"/> after any Cache-Status the response already carries.</summary>
        public static void Append(HttpResponse response, string member)
        {
            string upstream = response.Headers.TryGetValue("Cache-Status", out StringValues values) && values.Count > 0 ? string.Join(", ", values.ToArray()) : null;
            response.Headers["Cache-Status"] = CacheStatusField.After(upstream, member);
        }
    }
}
