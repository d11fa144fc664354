// RequestFields: which request fields travel on to the origin (RFC 9110 7.6.1).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>The end-to-end fields of a request, as a cache or a proxy forwards them.</summary>
    public static class RequestFields
    {
        /// <summary>
        /// A copy of <paramref name="headers"/> without hop-by-hop fields, the fields its <c>Connection</c> names, and
        /// <c>Host</c> and <c>Content-Length</c> (the transport writes its own); with <paramref name="withoutValidators"/>
        /// also without <c>If-None-Match</c> and <c>If-Modified-Since</c> (the cache sends the stored validator instead).
        /// Empty for null. Allocates.
        /// </summary>
        public static HttpHeaders EndToEnd(HttpHeaders headers, bool withoutValidators)
        {
            HttpHeaders forwarded = new HttpHeaders();
            if (headers == null)
            {
                return forwarded;
            }

            string connection = headers.Get("Connection");
            byte[] connectionBytes = connection == null ? null : TextBytes.Of(connection);
            for (int i = 0; i < headers.Count; i++)
            {
                string name = headers.GetName(i);
                HeaderName known = KnownHeaders.Find(name);
                if (KnownHeaders.IsHopByHop(known) || known == HeaderName.Host || known == HeaderName.ContentLength
                    || (connectionBytes != null && IsListed(connectionBytes, name))
                    || (withoutValidators && (known == HeaderName.IfNoneMatch || known == HeaderName.IfModifiedSince)))
                {
                    continue;
                }

                forwarded.Add(name, headers.GetValue(i));
            }

            return forwarded;
        }

        private static bool IsListed(byte[] list, string name)
        {
            byte[] nameBytes = TextBytes.Of(name);
            return KnownHeaders.IsListedIn(list, 0, list.Length, nameBytes, 0, nameBytes.Length);
        }
    }
}
