// Invalidation: which stored responses an unsafe request invalidates (RFC 9111 4.4).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>The invalidation rules of RFC 9111 4.4.</summary>
    public static class Invalidation
    {
        /// <summary>True for the methods RFC 9110 9.2.1 defines as safe (GET, HEAD, OPTIONS, TRACE).</summary>
        public static bool IsSafe(string method)
        {
            return method == HttpMethods.Get || method == HttpMethods.Head || method == HttpMethods.Options || method == HttpMethods.Trace;
        }

        /// <summary>True when a response to an unsafe request invalidates: a non-error status (2xx or 3xx).</summary>
        public static bool Invalidates(string method, int statusCode)
        {
            return !IsSafe(method) && statusCode >= 200 && statusCode < 400;
        }

        /// <summary>
        /// Resolves a <c>Location</c> or <c>Content-Location</c> value against the request URL, returning an
        /// absolute URL on the same origin, or null when it is on another origin or cannot be resolved.
        /// Allocates (unsafe requests only).
        /// </summary>
        public static string ResolveSameOrigin(string requestUrl, string reference)
        {
            string target = reference == null ? string.Empty : reference.Trim();
            if (target.Length == 0)
            {
                return null;
            }

            int schemeEnd = requestUrl.IndexOf("://");
            int pathStart = requestUrl.IndexOf('/', schemeEnd + 3);
            string origin = pathStart < 0 ? requestUrl : requestUrl.Substring(0, pathStart);
            if (target.IndexOf("://") > 0)
            {
                // Absolute: same origin only (compared case-insensitively for scheme and host).
                return target.Length >= origin.Length && Ascii.EqualsIgnoreCase(target.Substring(0, origin.Length), origin)
                    && (target.Length == origin.Length || target[origin.Length] == '/' || target[origin.Length] == '?') ? target : null;
            }

            if (target.Length > 1 && target[0] == '/' && target[1] == '/')
            {
                // Network-path reference: another authority unless it names the same one.
                string absolute = requestUrl.Substring(0, schemeEnd + 1) + target;
                return ResolveSameOrigin(requestUrl, absolute);
            }

            if (target[0] == '/')
            {
                return origin + target;
            }

            // Relative path: resolve against the request path's directory.
            string path = pathStart < 0 ? "/" : requestUrl.Substring(pathStart);
            int query = path.IndexOf('?');
            if (query >= 0)
            {
                path = path.Substring(0, query);
            }

            return origin + path.Substring(0, path.LastIndexOf('/') + 1) + target;
        }
    }
}
