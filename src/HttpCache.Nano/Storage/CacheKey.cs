// CacheKey: method + normalised absolute URI, built once per URL and compared with native string equality.
// Interpreter cost of a lookup for a URL seen before (a device polls the same string): one lock and one Hashtable
// lookup by the URL string (native hashing and compare, no character read in IL); a new URL is copied to a char[]
// natively and normalised in one walk.
using System;
using System.Collections;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// The key of a stored response: the method and the absolute URI, normalised (scheme and host lower-cased, the
    /// default port dropped, an empty path written as <c>/</c>, the fragment removed), as one string
    /// (<see cref="Normalized"/>) with its 32-bit FNV-1a hash (<see cref="Hash"/>, which also names flash files).
    /// Immutable. <see cref="Of"/> remembers the GET keys of recently used URLs (up to <see cref="MemoCapacity"/>, then it
    /// starts over), so polling a URL again costs no normalisation and allocates nothing; stores compare
    /// <see cref="Normalized"/> with native string equality. Thread-safe.
    /// </summary>
    public sealed class CacheKey
    {
#if NANOFRAMEWORK_1_0
        /// <summary>The most URLs remembered: a device polls a handful, and each costs a few hundred bytes of heap.</summary>
        public const int MemoCapacity = 16;
#else
        /// <summary>The most URLs remembered: a desktop proxy or client sees many.</summary>
        public const int MemoCapacity = 4096;
#endif

        private const uint Prime = 16777619;

        // URL string -> its GET key. Equal strings hit, whatever their instance (a proxy's targets are new strings).
        private static readonly Hashtable s_memo = new Hashtable();
        private static readonly object s_memoLock = new object();

        private readonly string _method;
        private readonly string _url;
        private readonly string _normalized;
        private readonly int _hash;
        private readonly int _originLength;

        private CacheKey(string method, string url, string normalized, int hash, int originLength)
        {
            _method = method;
            _url = url;
            _normalized = normalized;
            _hash = hash;
            _originLength = originLength;
        }

        /// <summary>The 32-bit FNV-1a hash of <see cref="Normalized"/>.</summary>
        public int Hash
        {
            get { return _hash; }
        }

        /// <summary>The normalised key, e.g. <c>GET http://example.com/config</c>.</summary>
        public string Normalized
        {
            get { return _normalized; }
        }

        /// <summary>Length of the normalised key.</summary>
        public int Length
        {
            get { return _normalized.Length; }
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

        /// <summary>The key of <paramref name="method"/> on <paramref name="url"/>; the same instance again for the same two string instances while they are remembered.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The method is empty, or the URL is not an absolute http or https URL with a host.</exception>
        public static CacheKey Of(string method, string url)
        {
            CacheKey remembered = Remembered(method, url);
            if (remembered != null)
            {
                return remembered;
            }

            CacheKey created = Create(method, url, false, 0);
            if (method == HttpMethods.Get)
            {
                lock (s_memoLock)
                {
                    if (s_memo.Count >= MemoCapacity)
                    {
                        s_memo.Clear();
                    }

                    s_memo[url] = created;
                }
            }

            return created;
        }

        /// <summary>The key <see cref="Of"/> made for a GET of <paramref name="url"/>, while remembered; otherwise null.</summary>
        public static CacheKey Remembered(string method, string url)
        {
            // An empty URL never reaches the Hashtable: nanoFramework's native lookup dereferences a null key when it
            // meets a key whose hash is 0 ("") after a Remove or Clear, and crashes the runtime.
            if (url == null || url.Length == 0 || method != HttpMethods.Get)
            {
                return null;
            }

            lock (s_memoLock)
            {
                return (CacheKey)s_memo[url];
            }
        }

        /// <summary>Creates a key whose hash is <paramref name="hash"/> instead of the computed one: for collision tests (never remembered).</summary>
        public static CacheKey WithHash(string method, string url, int hash)
        {
            return Create(method, url, true, hash);
        }

        /// <summary>
        /// The key under which a further variant of <paramref name="primary"/>'s URI is stored (RFC 9111 4.1): the primary
        /// key, a line feed (never part of a URI) and <paramref name="signature"/>, which names the variant's request values.
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static CacheKey Variant(CacheKey primary, string signature)
        {
            if (primary == null || signature == null)
            {
                throw new ArgumentNullException(primary == null ? "primary" : "signature");
            }

            string normalized = VariantPrefix(primary) + signature;
            return new CacheKey(primary._method, primary._url, normalized, HashOf(normalized), primary._originLength);
        }

        /// <summary>What every <see cref="Variant"/> key of <paramref name="primary"/> starts with.</summary>
        public static string VariantPrefix(CacheKey primary)
        {
            return primary._normalized + "\n";
        }

        /// <summary>The hash a key with this normalised string has (as <see cref="Hash"/>).</summary>
        public static int HashOf(string normalizedKey)
        {
            char[] chars = normalizedKey.ToCharArray();
            uint hash = 2166136261;
            for (int i = 0; i < chars.Length; i++)
            {
                hash = (hash ^ chars[i]) * Prime;
            }

            return (int)hash;
        }

        /// <summary>True when this key's normalised form is <paramref name="normalizedKey"/> (a stored key); native string equality.</summary>
        public bool Matches(string normalizedKey)
        {
            return (object)normalizedKey == (object)_normalized || normalizedKey == _normalized;
        }

        /// <summary>True when both keys name the same origin (scheme, host and port).</summary>
        public bool IsSameOrigin(CacheKey other)
        {
            if (other._originLength != _originLength || other._method.Length != _method.Length)
            {
                return false;
            }

            int start = _method.Length + 1;
            return _normalized.Substring(start, _originLength) == other._normalized.Substring(start, _originLength);
        }

        /// <summary>The normalised key (<see cref="Normalized"/>).</summary>
        public override string ToString()
        {
            return _normalized;
        }

        // Validates the URL and writes the normalised key into a char array in one walk (the URL copied out natively first:
        // indexing a string is slow on the device), then makes the string and its hash from that array.
        private static CacheKey Create(string method, string url, bool forced, int forcedHash)
        {
            if (method == null)
            {
                throw new ArgumentNullException("method");
            }

            if (url == null)
            {
                throw new ArgumentNullException("url");
            }

            int methodLength = method.Length;
            if (methodLength == 0)
            {
                throw new ArgumentException("The method must not be empty.");
            }

            char[] source = url.ToCharArray();
            int length = source.Length;
            int colon = url.IndexOf(':');
            bool http = colon == 4 && IsScheme(source, "http");
            bool https = colon == 5 && IsScheme(source, "https");
            if (!(http || https) || length < colon + 3 || source[colon + 1] != '/' || source[colon + 2] != '/')
            {
                throw new ArgumentException("Not an absolute http or https URL: '" + url + "'.");
            }

            int authorityStart = colon + 3;
            int pathStart = authorityStart;
            while (pathStart < length)
            {
                char c = source[pathStart];
                if (c == '/' || c == '?' || c == '#')
                {
                    break;
                }

                CheckUrlChar(c, url);
                pathStart++;
            }

            int authorityLength = pathStart - authorityStart;
            if (authorityLength == 0 || source[authorityStart] == ':')
            {
                throw new ArgumentException("The URL has no host: '" + url + "'.");
            }

            // Drop the default port (":80" for http, ":443" for https) and an empty port (":").
            string defaultPort = http ? ":80" : ":443";
            if (EndsWith(source, authorityStart, authorityLength, defaultPort))
            {
                authorityLength -= defaultPort.Length;
            }
            else if (source[authorityStart + authorityLength - 1] == ':')
            {
                authorityLength--;
            }

            int end = pathStart;
            while (end < length && source[end] != '#')
            {
                CheckUrlChar(source[end], url);
                end++;
            }

            // An empty path ("http://h" or "http://h?q") is written as "/" (RFC 9110 4.2.3).
            bool needsSlash = pathStart == end || source[pathStart] == '?';
            char[] key = new char[methodLength + 1 + colon + 3 + authorityLength + (needsSlash ? 1 : 0) + (end - pathStart)];
            method.ToCharArray().CopyTo(key, 0);
            int p = methodLength;
            key[p++] = ' ';
            p = CopyLower(source, 0, colon, key, p);
            key[p++] = ':';
            key[p++] = '/';
            key[p++] = '/';
            p = CopyLower(source, authorityStart, authorityLength, key, p);
            int originLength = p - methodLength - 1;
            if (needsSlash)
            {
                key[p++] = '/';
            }

            Array.Copy(source, pathStart, key, p, end - pathStart);
            uint hash = 2166136261;
            for (int i = 0; i < key.Length; i++)
            {
                hash = (hash ^ key[i]) * Prime;
            }

            return new CacheKey(method, url, new string(key), forced ? forcedHash : (int)hash, originLength);
        }

        private static void CheckUrlChar(char c, string url)
        {
            if (c <= ' ' || c == 0x7F)
            {
                throw new ArgumentException("The URL contains whitespace or control characters: '" + url + "'.");
            }
        }

        private static int CopyLower(char[] source, int start, int count, char[] destination, int p)
        {
            for (int i = start; i < start + count; i++)
            {
                char c = source[i];
                destination[p++] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
            }

            return p;
        }

        private static bool IsScheme(char[] url, string scheme)
        {
            for (int i = 0; i < scheme.Length; i++)
            {
                char c = url[i];
                if ((c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c) != scheme[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EndsWith(char[] s, int start, int length, string suffix)
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
