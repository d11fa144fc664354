// KnownHeaders: field name bytes -> HeaderName without allocation, by length then one character
// (the way Kestrel and System.Net.Http's KnownHeaders do it), and the hop-by-hop set.
// Interpreter cost per name: two switches (~0.1 µs) and one compare of the name's bytes (~0.1 µs per byte).
namespace HttpCache.Nano.Parsing
{
    /// <summary>Finds known field names case-insensitively without allocating, and names them back.</summary>
    public static class KnownHeaders
    {
        // The canonical spellings indexed by HeaderName (1 on), separated by '|'. Every entry must be reachable from Find:
        // a test checks that each finds itself. Held as one lower-case byte blob with offsets, and name strings made on
        // first use: on nanoFramework every object costs heap from boot, and a table of 34 strings and 34 arrays cost 4 KB.
        private const string Spellings = "Age|Authorization|Cache-Control|Connection|Content-Encoding|Content-Length|Content-Location|Content-Range|Content-Type|Cookie|Date|ETag|Expires|Host|If-Match|If-Modified-Since|If-None-Match|If-Range|If-Unmodified-Since|Keep-Alive|Last-Modified|Location|Pragma|Proxy-Authenticate|Proxy-Authorization|Proxy-Connection|Range|Set-Cookie|TE|Trailer|Transfer-Encoding|Upgrade|Vary|Warning";

        // s_lower[s_starts[i] .. s_starts[i + 1] - 1) is the lower-case name of HeaderName i (a separator follows each).
        private static readonly byte[] s_lower = Ascii.LowerBytes("|" + Spellings + "|");
        private static readonly int[] s_starts = Starts(s_lower);
        private static string[] s_names;

        /// <summary>Number of <see cref="HeaderName"/> values, <see cref="HeaderName.Unknown"/> included.</summary>
        public static int Count
        {
            get { return s_starts.Length - 1; }
        }

        /// <summary>The canonical spelling of a known name (made on first use, the same string after), or null for <see cref="HeaderName.Unknown"/>.</summary>
        public static string GetName(HeaderName name)
        {
            int index = (int)name;
            if (index <= 0 || index >= Count)
            {
                return null;
            }

            string[] names = s_names;
            if (names == null)
            {
                names = new string[Count];
                s_names = names;
            }

            // Not yet made: null on desktop, and "" on nanoFramework, whose new string arrays hold empty strings.
            string spelled = names[index];
            if (spelled == null || spelled.Length == 0)
            {
                // The blob's offsets, less the leading separator, index the spelling string too.
                spelled = Spellings.Substring(s_starts[index] - 1, LowerLength(index));
                names[index] = spelled;
            }

            return spelled;
        }

        /// <summary>The lower-case bytes of a known name (a new array), or null for <see cref="HeaderName.Unknown"/>.</summary>
        public static byte[] GetLowerBytes(HeaderName name)
        {
            int index = (int)name;
            if (index <= 0 || index >= Count)
            {
                return null;
            }

            byte[] lower = new byte[LowerLength(index)];
            System.Array.Copy(s_lower, s_starts[index], lower, 0, lower.Length);
            return lower;
        }

        /// <summary>True when the comma-separated <paramref name="list"/> range names the known field <paramref name="name"/> (any letter case).</summary>
        public static bool IsListedIn(byte[] list, int listStart, int listLength, HeaderName name)
        {
            int index = (int)name;
            return index > 0 && index < Count && IsListedIn(list, listStart, listLength, s_lower, s_starts[index], LowerLength(index));
        }

        /// <summary>Finds the known field name spelled by <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="start"/> (any letter case).</summary>
        public static HeaderName Find(byte[] buffer, int start, int length)
        {
            if (length < 2 || length > 19)
            {
                return HeaderName.Unknown;
            }

            HeaderName candidate = Propose(length, buffer[start] | 0x20, length > 8 ? buffer[start + 8] | 0x20 : 0, length > 3 ? buffer[start + 3] | 0x20 : 0);
            return candidate != HeaderName.Unknown && length == LowerLength((int)candidate) && Ascii.MatchesLower(buffer, start, s_lower, s_starts[(int)candidate], length)
                ? candidate : HeaderName.Unknown;
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
            return candidate != HeaderName.Unknown && length == LowerLength((int)candidate) && Ascii.EqualsIgnoreCase(name, s_lower, s_starts[(int)candidate])
                ? candidate : HeaderName.Unknown;
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

        private static int LowerLength(int index)
        {
            return s_starts[index + 1] - 1 - s_starts[index];
        }

        // starts[i] is where name i begins in the blob, one past the i-th separator (name 0, Unknown, is empty), and the
        // last entry is the blob's length, so LowerLength works for the last name too.
        private static int[] Starts(byte[] blob)
        {
            int separators = 0;
            for (int i = 0; i < blob.Length; i++)
            {
                separators += blob[i] == '|' ? 1 : 0;
            }

            int[] starts = new int[separators + 1];
            int next = 1;
            for (int i = 0; i < blob.Length; i++)
            {
                if (blob[i] == '|')
                {
                    starts[next++] = i + 1;
                }
            }

            return starts;
        }
    }
}
