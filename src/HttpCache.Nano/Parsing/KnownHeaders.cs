// KnownHeaders: field name bytes -> HeaderName without allocation, by length then one character
// (the way Kestrel and System.Net.Http's KnownHeaders do it), and the hop-by-hop set.
// Interpreter cost per name: two switches (~0.1 µs) and one compare of the name's bytes (~0.1 µs per byte).
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
            "Content-Range",
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

        // The same names in lower case, for the byte compare that confirms a candidate.
        private static readonly byte[][] s_lower = BuildLower();

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

        /// <summary>The lower-case bytes of a known name (a preallocated array), or null for <see cref="HeaderName.Unknown"/>.</summary>
        public static byte[] GetLowerBytes(HeaderName name)
        {
            int index = (int)name;
            return index > 0 && index < s_lower.Length ? s_lower[index] : null;
        }

        /// <summary>Finds the known field name spelled by <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="start"/> (any letter case).</summary>
        public static HeaderName Find(byte[] buffer, int start, int length)
        {
            if (length < 2 || length > 19)
            {
                return HeaderName.Unknown;
            }

            HeaderName candidate = Propose(length, buffer[start] | 0x20, length > 8 ? buffer[start + 8] | 0x20 : 0, length > 3 ? buffer[start + 3] | 0x20 : 0);
            return candidate != HeaderName.Unknown && Ascii.MatchesLower(buffer, start, length, s_lower[(int)candidate]) ? candidate : HeaderName.Unknown;
        }

        /// <summary>Finds the known field name spelled by <paramref name="name"/> (any letter case); for names held as strings (request fields).</summary>
        public static HeaderName Find(string name)
        {
            int length = name == null ? 0 : name.Length;
            if (length < 2 || length > 19)
            {
                return HeaderName.Unknown;
            }

            HeaderName candidate = Propose(length, name[0] | 0x20, length > 8 ? name[8] | 0x20 : 0, length > 3 ? name[3] | 0x20 : 0);
            return candidate != HeaderName.Unknown && Ascii.EqualsIgnoreCase(name, s_names[(int)candidate]) ? candidate : HeaderName.Unknown;
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
        /// True when the field name [<paramref name="nameStart"/>, +<paramref name="nameLength"/>) of <paramref name="name"/> is
        /// named (any letter case) in the comma-separated list [<paramref name="listStart"/>, +<paramref name="listLength"/>)
        /// of <paramref name="list"/>: the connection options of a <c>Connection</c> value, which are hop-by-hop too
        /// (RFC 9110 7.6.1), or the fields of a qualified <c>private="…"</c> (RFC 9111 5.2.2.7).
        /// </summary>
        public static bool IsListedIn(byte[] list, int listStart, int listLength, byte[] name, int nameStart, int nameLength)
        {
            int position = listStart;
            int end = listStart + listLength;
            int elementStart;
            int elementLength;
            while (HeaderList.Next(list, ref position, end, out elementStart, out elementLength))
            {
                if (elementLength == nameLength && Ascii.EqualsIgnoreCase(list, elementStart, name, nameStart, nameLength))
                {
                    return true;
                }
            }

            return false;
        }

        // Proposes a candidate from the length and one telling character (each folded with | 0x20); Find confirms it.
        private static HeaderName Propose(int length, int first, int ninth, int fourth)
        {
            switch (length)
            {
                case 2:
                    return HeaderName.TE;
                case 3:
                    return HeaderName.Age;
                case 4:
                    switch (first)
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
                    switch (first)
                    {
                        case 'c': return HeaderName.Cookie; // [C]ookie
                        case 'p': return HeaderName.Pragma; // [P]ragma
                    }

                    break;
                case 7:
                    switch (first)
                    {
                        case 'e': return HeaderName.Expires; // [E]xpires
                        case 't': return HeaderName.Trailer; // [T]railer
                        case 'u': return HeaderName.Upgrade; // [U]pgrade
                        case 'w': return HeaderName.Warning; // [W]arning
                    }

                    break;
                case 8:
                    switch (fourth)
                    {
                        case 'm': return HeaderName.IfMatch; // If-[M]atch
                        case 'r': return HeaderName.IfRange; // If-[R]ange
                        case 'a': return HeaderName.Location; // Loc[a]tion
                    }

                    break;
                case 10:
                    switch (first)
                    {
                        case 'c': return HeaderName.Connection; // [C]onnection
                        case 'k': return HeaderName.KeepAlive; // [K]eep-Alive
                        case 's': return HeaderName.SetCookie; // [S]et-Cookie
                    }

                    break;
                case 12:
                    return HeaderName.ContentType;
                case 13:
                    switch (first)
                    {
                        case 'a': return HeaderName.Authorization; // [A]uthorization
                        case 'c': return ninth == 'r' ? HeaderName.ContentRange : HeaderName.CacheControl; // Content-[R]ange, [C]ache-Control
                        case 'i': return HeaderName.IfNoneMatch; // [I]f-None-Match
                        case 'l': return HeaderName.LastModified; // [L]ast-Modified
                    }

                    break;
                case 14:
                    return HeaderName.ContentLength;
                case 16:
                    switch (ninth)
                    {
                        case 'e': return HeaderName.ContentEncoding; // Content-[E]ncoding
                        case 'l': return HeaderName.ContentLocation; // Content-[L]ocation
                        case 'n': return HeaderName.ProxyConnection; // Proxy-Co[n]nection
                    }

                    break;
                case 17:
                    switch (first)
                    {
                        case 'i': return HeaderName.IfModifiedSince; // [I]f-Modified-Since
                        case 't': return HeaderName.TransferEncoding; // [T]ransfer-Encoding
                    }

                    break;
                case 18:
                    return HeaderName.ProxyAuthenticate;
                case 19:
                    switch (first)
                    {
                        case 'i': return HeaderName.IfUnmodifiedSince; // [I]f-Unmodified-Since
                        case 'p': return HeaderName.ProxyAuthorization; // [P]roxy-Authorization
                    }

                    break;
            }

            return HeaderName.Unknown;
        }

        private static byte[][] BuildLower()
        {
            byte[][] lower = new byte[s_names.Length][];
            for (int i = 1; i < s_names.Length; i++)
            {
                lower[i] = Ascii.LowerBytes(s_names[i]);
            }

            return lower;
        }
    }
}
