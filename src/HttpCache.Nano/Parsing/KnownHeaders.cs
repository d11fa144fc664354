// KnownHeaders: field name text -> HeaderName without allocation, by length then one character
// (the way Kestrel and System.Net.Http's KnownHeaders do it), and the hop-by-hop set.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Finds known field names case-insensitively without allocating, and names them back.</summary>
    public static class KnownHeaders
    {
        // Indexed by HeaderName. Every entry must be reachable from Find: a test checks that each finds itself.
        private static readonly string[] s_names = new string[]
        {
            null,
            "Age",
            "Authorization",
            "Cache-Control",
            "Connection",
            "Content-Encoding",
            "Content-Length",
            "Content-Location",
            "Content-Type",
            "Cookie",
            "Date",
            "ETag",
            "Expires",
            "Host",
            "If-Match",
            "If-Modified-Since",
            "If-None-Match",
            "If-Range",
            "If-Unmodified-Since",
            "Keep-Alive",
            "Last-Modified",
            "Location",
            "Pragma",
            "Proxy-Authenticate",
            "Proxy-Authorization",
            "Proxy-Connection",
            "Range",
            "Set-Cookie",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade",
            "Vary",
            "Warning",
        };

        /// <summary>Number of <see cref="HeaderName"/> values, <see cref="HeaderName.Unknown"/> included.</summary>
        public static int Count
        {
            get { return s_names.Length; }
        }

        /// <summary>The canonical spelling of a known name (a preallocated string), or null for <see cref="HeaderName.Unknown"/>.</summary>
        public static string GetName(HeaderName name)
        {
            int index = (int)name;
            return index > 0 && index < s_names.Length ? s_names[index] : null;
        }

        /// <summary>Finds the known field name spelled by <paramref name="name"/> (any letter case).</summary>
        public static HeaderName Find(TextSlice name)
        {
            HeaderName candidate = Propose(name);
            return candidate != HeaderName.Unknown && name.EqualsIgnoreCase(s_names[(int)candidate]) ? candidate : HeaderName.Unknown;
        }

        /// <summary>Finds the known field name in <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
        public static HeaderName Find(string text, int start, int length)
        {
            return Find(new TextSlice(text, start, length));
        }

        /// <summary>Finds the known field name in <paramref name="count"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>.</summary>
        public static HeaderName Find(byte[] bytes, int offset, int count)
        {
            return Find(new TextSlice(bytes, offset, count));
        }

        /// <summary>
        /// True for the hop-by-hop fields of RFC 9110 7.6.1 (and the common <c>Proxy-Connection</c>):
        /// meaningful for one connection only, never stored nor forwarded.
        /// </summary>
        public static bool IsHopByHop(HeaderName name)
        {
            switch (name)
            {
                case HeaderName.Connection:
                case HeaderName.KeepAlive:
                case HeaderName.ProxyConnection:
                case HeaderName.TE:
                case HeaderName.TransferEncoding:
                case HeaderName.Upgrade:
                case HeaderName.ProxyAuthenticate:
                case HeaderName.ProxyAuthorization:
                case HeaderName.Trailer:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when <paramref name="fieldName"/> is named (any letter case) in a comma-separated list of field names: the
        /// connection options of a <c>Connection</c> value, which are hop-by-hop too (RFC 9110 7.6.1), or the fields of a
        /// qualified <c>private="…"</c> (RFC 9111 5.2.2.7).
        /// </summary>
        public static bool IsListedIn(TextSlice connectionValue, TextSlice fieldName)
        {
            HeaderListReader reader = new HeaderListReader(connectionValue);
            TextSlice option;
            while (reader.TryReadNext(out option))
            {
                if (option.EqualsIgnoreCase(fieldName))
                {
                    return true;
                }
            }

            return false;
        }

        // Proposes a candidate from the length and one telling character; Find confirms it.
        private static HeaderName Propose(TextSlice name)
        {
            switch (name.Length)
            {
                case 2:
                    return HeaderName.TE;
                case 3:
                    return HeaderName.Age;
                case 4:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'd': return HeaderName.Date; // [D]ate
                        case 'e': return HeaderName.ETag; // [E]Tag
                        case 'h': return HeaderName.Host; // [H]ost
                        case 'v': return HeaderName.Vary; // [V]ary
                    }

                    break;
                case 5:
                    return HeaderName.Range;
                case 6:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'c': return HeaderName.Cookie; // [C]ookie
                        case 'p': return HeaderName.Pragma; // [P]ragma
                    }

                    break;
                case 7:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'e': return HeaderName.Expires; // [E]xpires
                        case 't': return HeaderName.Trailer; // [T]railer
                        case 'u': return HeaderName.Upgrade; // [U]pgrade
                        case 'w': return HeaderName.Warning; // [W]arning
                    }

                    break;
                case 8:
                    switch (Ascii.ToLower(name[3]))
                    {
                        case 'm': return HeaderName.IfMatch; // If-[M]atch
                        case 'r': return HeaderName.IfRange; // If-[R]ange
                        case 'a': return HeaderName.Location; // Loc[a]tion
                    }

                    break;
                case 10:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'c': return HeaderName.Connection; // [C]onnection
                        case 'k': return HeaderName.KeepAlive; // [K]eep-Alive
                        case 's': return HeaderName.SetCookie; // [S]et-Cookie
                    }

                    break;
                case 12:
                    return HeaderName.ContentType;
                case 13:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'a': return HeaderName.Authorization; // [A]uthorization
                        case 'c': return HeaderName.CacheControl; // [C]ache-Control
                        case 'i': return HeaderName.IfNoneMatch; // [I]f-None-Match
                        case 'l': return HeaderName.LastModified; // [L]ast-Modified
                    }

                    break;
                case 14:
                    return HeaderName.ContentLength;
                case 16:
                    switch (Ascii.ToLower(name[8]))
                    {
                        case 'e': return HeaderName.ContentEncoding; // Content-[E]ncoding
                        case 'l': return HeaderName.ContentLocation; // Content-[L]ocation
                        case 'n': return HeaderName.ProxyConnection; // Proxy-Co[n]nection
                    }

                    break;
                case 17:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'i': return HeaderName.IfModifiedSince; // [I]f-Modified-Since
                        case 't': return HeaderName.TransferEncoding; // [T]ransfer-Encoding
                    }

                    break;
                case 18:
                    return HeaderName.ProxyAuthenticate;
                case 19:
                    switch (Ascii.ToLower(name[0]))
                    {
                        case 'i': return HeaderName.IfUnmodifiedSince; // [I]f-Unmodified-Since
                        case 'p': return HeaderName.ProxyAuthorization; // [P]roxy-Authorization
                    }

                    break;
            }

            return HeaderName.Unknown;
        }
    }
}
