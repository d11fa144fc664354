// HttpUrl: the parts of an absolute http(s) URL a client connection needs.
using System;

namespace HttpCache.Nano.Transport
{
    /// <summary>An absolute http or https URL split into host, port and request target.</summary>
    public sealed class HttpUrl
    {
        private HttpUrl(bool isHttps, string host, int port, string target, string authority)
        {
            IsHttps = isHttps;
            Host = host;
            Port = port;
            Target = target;
            Authority = authority;
        }

        /// <summary>True for https.</summary>
        public bool IsHttps { get; private set; }

        /// <summary>The host name or address (without brackets for IPv6).</summary>
        public string Host { get; private set; }

        /// <summary>The port (80 or 443 by default).</summary>
        public int Port { get; private set; }

        /// <summary>The request target: path and query (at least <c>/</c>), without the fragment.</summary>
        public string Target { get; private set; }

        /// <summary>The value of the Host field: host, plus the port when it is not the default.</summary>
        public string Authority { get; private set; }

        /// <summary>Parses <paramref name="url"/>.</summary>
        /// <exception cref="ArgumentException">Not an absolute http or https URL with a host and a valid port.</exception>
        public static HttpUrl Parse(string url)
        {
            if (url == null)
            {
                throw new ArgumentNullException("url");
            }

            bool https;
            int authorityStart;
            if (StartsWithIgnoreCase(url, "http://"))
            {
                https = false;
                authorityStart = 7;
            }
            else if (StartsWithIgnoreCase(url, "https://"))
            {
                https = true;
                authorityStart = 8;
            }
            else
            {
                throw new ArgumentException("Not an absolute http or https URL: '" + url + "'.");
            }

            int end = url.IndexOf('#');
            if (end < 0)
            {
                end = url.Length;
            }

            int pathStart = authorityStart;
            while (pathStart < end && url[pathStart] != '/' && url[pathStart] != '?')
            {
                pathStart++;
            }

            string authority = url.Substring(authorityStart, pathStart - authorityStart);
            if (authority.IndexOf('@') >= 0)
            {
                throw new ArgumentException("Credentials in the URL are not supported: '" + url + "'.");
            }

            int defaultPort = https ? 443 : 80;
            int port = defaultPort;
            string host = authority;
            int bracket = authority.LastIndexOf(']');
            int colon = authority.LastIndexOf(':');
            if (colon > bracket)
            {
                host = authority.Substring(0, colon);
                string portText = authority.Substring(colon + 1);
                if (portText.Length > 0)
                {
                    port = 0;
                    for (int i = 0; i < portText.Length; i++)
                    {
                        char c = portText[i];
                        if (c < '0' || c > '9' || port > 6553)
                        {
                            throw new ArgumentException("Invalid port in '" + url + "'.");
                        }

                        port = port * 10 + (c - '0');
                    }

                    if (port < 1 || port > 65535)
                    {
                        throw new ArgumentException("Invalid port in '" + url + "'.");
                    }
                }
            }

            if (host.Length > 1 && host[0] == '[' && host[host.Length - 1] == ']')
            {
                host = host.Substring(1, host.Length - 2);
            }

            if (host.Length == 0)
            {
                throw new ArgumentException("The URL has no host: '" + url + "'.");
            }

            string target = pathStart == end ? "/" : url.Substring(pathStart, end - pathStart);
            if (target[0] == '?')
            {
                target = "/" + target;
            }

            for (int i = 0; i < target.Length; i++)
            {
                if (target[i] <= ' ' || target[i] == 0x7F)
                {
                    throw new ArgumentException("The URL contains whitespace or control characters: '" + url + "'.");
                }
            }

            string hostField = port == defaultPort ? authority.Substring(0, colon > bracket ? colon : authority.Length) : authority;
            return new HttpUrl(https, host, port, target, hostField);
        }

        private static bool StartsWithIgnoreCase(string s, string prefix)
        {
            if (s.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                char c = s[i];
                if ((c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c) != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
