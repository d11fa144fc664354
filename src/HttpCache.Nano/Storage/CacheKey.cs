// CacheKey: method + normalised absolute URI, hashed and compared without building the normalised string.
using System;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// The key of a stored response: the method and the absolute URI, normalised (scheme and host lower-cased,
    /// the default port dropped, an empty path written as <c>/</c>, the fragment removed). A key over the
    /// caller's raw strings computes its hash and compares against stored keys without allocating; only
    /// <see cref="ToString"/> builds the normalised string (done once, when an entry is stored).
    /// </summary>
    public readonly struct CacheKey
    {
        private const uint Prime = 16777619;

        private readonly string _method;
        private readonly string _url;
        private readonly int _schemeLength;
        private readonly int _authorityStart;
        private readonly int _authorityLength;
        private readonly int _pathStart;
        private readonly int _pathEnd;
        private readonly int _hash;

        private CacheKey(string method, string url, int schemeLength, int authorityStart, int authorityLength, int pathStart, int pathEnd, int hash)
        {
            _method = method;
            _url = url;
            _schemeLength = schemeLength;
            _authorityStart = authorityStart;
            _authorityLength = authorityLength;
            _pathStart = pathStart;
            _pathEnd = pathEnd;
            _hash = hash;
        }

        /// <summary>The 32-bit FNV-1a hash of the normalised key.</summary>
        public int Hash
        {
            get { return _hash; }
        }

        /// <summary>Length of the normalised key.</summary>
        public int Length
        {
            get
            {
                int pathLength = _pathEnd - _pathStart + (NeedsSlash ? 1 : 0);
                return _method.Length + 1 + _schemeLength + 3 + _authorityLength + pathLength;
            }
        }

        // An empty path ("http://h" or "http://h?q") is written as "/" (RFC 9110 4.2.3).
        private bool NeedsSlash
        {
            get { return _pathStart == _pathEnd || _url[_pathStart] == '?'; }
        }

        /// <summary>The method as given.</summary>
        public string Method
        {
            get { return _method; }
        }

        /// <summary>The URL as given.</summary>
        public string Url
        {
            get { return _url; }
        }

        /// <summary>Creates the key of <paramref name="method"/> on <paramref name="url"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The method is empty, or the URL is not an absolute http or https URL with a host.</exception>
        public static CacheKey Of(string method, string url)
        {
            return Parse(method, url, false, 0);
        }

        /// <summary>Creates a key whose hash is <paramref name="hash"/> instead of the computed one: for collision tests.</summary>
        public static CacheKey WithHash(string method, string url, int hash)
        {
            return Parse(method, url, true, hash);
        }

        /// <summary>True when this key, normalised, equals <paramref name="normalizedKey"/> (a stored key).</summary>
        public bool Matches(string normalizedKey)
        {
            if (normalizedKey == null || normalizedKey.Length != Length)
            {
                return false;
            }

            // Segment by segment (method, ' ', scheme, "://", authority, path): no per-character dispatch.
            int p = 0;
            if (!SameRange(normalizedKey, ref p, _method, 0, _method.Length, false) || normalizedKey[p++] != ' ')
            {
                return false;
            }

            if (!SameRange(normalizedKey, ref p, _url, 0, _schemeLength, true) || normalizedKey[p++] != ':' || normalizedKey[p++] != '/' || normalizedKey[p++] != '/')
            {
                return false;
            }

            if (!SameRange(normalizedKey, ref p, _url, _authorityStart, _authorityLength, true) || (NeedsSlash && normalizedKey[p++] != '/'))
            {
                return false;
            }

            return SameRange(normalizedKey, ref p, _url, _pathStart, _pathEnd - _pathStart, false);
        }

        private static bool SameRange(string key, ref int p, string source, int start, int count, bool lower)
        {
            for (int i = start; i < start + count; i++)
            {
                int c = source[i];
                if (lower && c >= 'A' && c <= 'Z')
                {
                    c |= 0x20;
                }

                if (key[p++] != c)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when both keys name the same origin (scheme, host and port).</summary>
        public bool IsSameOrigin(CacheKey other)
        {
            if (other._schemeLength != _schemeLength || other._authorityLength != _authorityLength)
            {
                return false;
            }

            int start = _method.Length + 1;
            int otherStart = other._method.Length + 1;
            int length = _schemeLength + 3 + _authorityLength;
            for (int i = 0; i < length; i++)
            {
                if (CharAt(start + i) != other.CharAt(otherStart + i))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The normalised key, e.g. <c>GET http://example.com/config</c>. Allocates.</summary>
        public override string ToString()
        {
            int length = Length;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)CharAt(i);
            }

            return new string(chars);
        }

        /// <summary>The character at <paramref name="index"/> of the normalised key.</summary>
        public int CharAt(int index)
        {
            int i = index;
            if (i < _method.Length)
            {
                return _method[i];
            }

            i -= _method.Length;
            if (i == 0)
            {
                return ' ';
            }

            i--;
            if (i < _schemeLength)
            {
                return ToLower(_url[i]);
            }

            i -= _schemeLength;
            if (i < 3)
            {
                return i == 0 ? ':' : '/';
            }

            i -= 3;
            if (i < _authorityLength)
            {
                return ToLower(_url[_authorityStart + i]);
            }

            i -= _authorityLength;
            if (NeedsSlash)
            {
                if (i == 0)
                {
                    return '/';
                }

                i--;
            }

            return _url[_pathStart + i];
        }

        // FNV-1a over a range of source characters, optionally lower-casing ASCII letters.
        private static uint HashRange(uint hash, string source, int start, int count, bool lower)
        {
            for (int i = start; i < start + count; i++)
            {
                uint c = source[i];
                if (lower && c >= 'A' && c <= 'Z')
                {
                    c |= 0x20;
                }

                hash = (hash ^ c) * Prime;
            }

            return hash;
        }

        private static int ToLower(int c)
        {
            return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
        }

        // Validates and splits the URL and computes the FNV-1a hash of the normalised key in the same walk:
        // the scheme and authority are read twice (to find their ends, then to hash), the path once.
        private static CacheKey Parse(string method, string url, bool forced, int forcedHash)
        {
            if (method == null)
            {
                throw new ArgumentNullException("method");
            }

            if (url == null)
            {
                throw new ArgumentNullException("url");
            }

            if (method.Length == 0)
            {
                throw new ArgumentException("The method must not be empty.");
            }

            int colon = url.IndexOf(':');
            bool http = colon == 4 && IsScheme(url, "http");
            bool https = colon == 5 && IsScheme(url, "https");
            if (!(http || https) || url.Length < colon + 3 || url[colon + 1] != '/' || url[colon + 2] != '/')
            {
                throw new ArgumentException("Not an absolute http or https URL: '" + url + "'.");
            }

            int authorityStart = colon + 3;
            int pathStart = authorityStart;
            while (pathStart < url.Length)
            {
                char c = url[pathStart];
                if (c == '/' || c == '?' || c == '#')
                {
                    break;
                }

                if (c <= ' ' || c == 0x7F)
                {
                    throw new ArgumentException("The URL contains whitespace or control characters: '" + url + "'.");
                }

                pathStart++;
            }

            int authorityLength = pathStart - authorityStart;
            if (authorityLength == 0 || url[authorityStart] == ':')
            {
                throw new ArgumentException("The URL has no host: '" + url + "'.");
            }

            // Drop the default port (":80" for http, ":443" for https) and an empty port (":").
            string defaultPort = http ? ":80" : ":443";
            if (EndsWith(url, authorityStart, authorityLength, defaultPort))
            {
                authorityLength -= defaultPort.Length;
            }
            else if (url[authorityStart + authorityLength - 1] == ':')
            {
                authorityLength--;
            }

            uint hash = HashRange(2166136261, method, 0, method.Length, false);
            hash = (hash ^ ' ') * Prime;
            hash = HashRange(hash, url, 0, colon, true);
            hash = (((((hash ^ ':') * Prime) ^ '/') * Prime) ^ '/') * Prime;
            hash = HashRange(hash, url, authorityStart, authorityLength, true);

            // Path and query: validated, hashed and ended at the fragment in one walk.
            bool needsSlash = pathStart == url.Length || url[pathStart] == '?' || url[pathStart] == '#';
            if (needsSlash)
            {
                hash = (hash ^ '/') * Prime;
            }

            int end = pathStart;
            while (end < url.Length)
            {
                uint c = url[end];
                if (c == '#')
                {
                    break;
                }

                if (c <= ' ' || c == 0x7F)
                {
                    throw new ArgumentException("The URL contains whitespace or control characters: '" + url + "'.");
                }

                hash = (hash ^ c) * Prime;
                end++;
            }

            return new CacheKey(method, url, colon, authorityStart, authorityLength, pathStart, end, forced ? forcedHash : (int)hash);
        }

        private static bool IsScheme(string url, string scheme)
        {
            for (int i = 0; i < scheme.Length; i++)
            {
                if (ToLower(url[i]) != scheme[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EndsWith(string s, int start, int length, string suffix)
        {
            if (length <= suffix.Length)
            {
                return false;
            }

            int offset = start + length - suffix.Length;
            for (int i = 0; i < suffix.Length; i++)
            {
                if (s[offset + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
