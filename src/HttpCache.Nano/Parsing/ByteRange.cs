// ByteRange: the Range request field (RFC 9110 14.1.2, 14.2) read in place, and one range resolved against a length.
// Interpreter cost: the unit is one compare, members are found with native comma searches, digits read once.
namespace HttpCache.Nano.Parsing
{
    /// <summary>What a <c>Range</c> field asks for.</summary>
    public enum RangeKind
    {
        /// <summary>No <c>Range</c> field.</summary>
        None = 0,

        /// <summary>One byte range: the cache can answer it.</summary>
        Single,

        /// <summary>Several ranges (a multipart answer): left to the origin.</summary>
        Multiple,

        /// <summary>Not a valid <c>bytes</c> range set, or another range unit: ignored by a server (RFC 9110 14.2).</summary>
        Invalid,
    }

    /// <summary>
    /// Byte-range specs over byte ranges, with no allocation. A spec is two numbers: <c>first-last</c> (last -1 when
    /// open: <c>first-</c>), or the suffix form <c>-length</c> (first -1, last the suffix length).
    /// </summary>
    public static class ByteRange
    {
        // Larger positions are read as this (beyond any representation the cache holds: unsatisfiable, never an overflow).
        private const long Huge = 1L << 62;

        private static readonly byte[] s_bytes = Ascii.LowerBytes("bytes");

        /// <summary>Reads a <c>Range</c> value: <c>bytes=</c> then one or more comma-separated specs.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="start">The value's first byte.</param>
        /// <param name="length">The value's length.</param>
        /// <param name="first">The first position of the (first) spec, or -1 for a suffix; -1 when invalid.</param>
        /// <param name="last">The last position, -1 when open-ended; for a suffix, its length.</param>
        public static RangeKind Parse(byte[] buffer, int start, int length, out long first, out long last)
        {
            first = -1;
            last = -1;
            int end = Ascii.TrimEnd(buffer, start, start + length);
            int position = Ascii.SkipWhitespace(buffer, start, end);
            int equals = ByteSearch.EqualsSign(buffer, position, end);
            if (equals < 0 || equals - position != s_bytes.Length || !Ascii.MatchesLower(buffer, position, s_bytes.Length, s_bytes))
            {
                return RangeKind.Invalid;
            }

            position = equals + 1;
            int specs = 0;
            int memberStart;
            int memberLength;
            while (HeaderList.Next(buffer, ref position, end, out memberStart, out memberLength))
            {
                long a;
                long b;
                if (!ParseSpec(buffer, memberStart, memberStart + memberLength, out a, out b))
                {
                    first = -1;
                    last = -1;
                    return RangeKind.Invalid;
                }

                if (specs == 0)
                {
                    first = a;
                    last = b;
                }

                specs++;
            }

            if (specs == 0)
            {
                return RangeKind.Invalid;
            }

            return specs == 1 ? RangeKind.Single : RangeKind.Multiple;
        }

        /// <summary>
        /// The positions a spec selects in a representation of <paramref name="length"/> bytes; false when it selects none
        /// (unsatisfiable: a first position at or beyond the end, a zero-length suffix, an empty representation).
        /// </summary>
        public static bool Resolve(long first, long last, long length, out long from, out long to)
        {
            from = -1;
            to = -1;
            if (length <= 0)
            {
                return false;
            }

            if (first < 0)
            {
                if (last <= 0)
                {
                    return false;
                }

                from = last >= length ? 0 : length - last;
                to = length - 1;
                return true;
            }

            if (first >= length)
            {
                return false;
            }

            from = first;
            to = last < 0 || last >= length ? length - 1 : last;
            return true;
        }

        // int-range = first-pos "-" [ last-pos ] ; suffix-range = "-" suffix-length ; last-pos >= first-pos.
        private static bool ParseSpec(byte[] buffer, int start, int end, out long first, out long last)
        {
            first = -1;
            last = -1;
            int dash = -1;
            for (int i = start; i < end; i++)
            {
                if (buffer[i] == '-')
                {
                    dash = i;
                    break;
                }
            }

            if (dash < 0)
            {
                return false;
            }

            if (dash == start)
            {
                return ReadNumber(buffer, dash + 1, end, out last);
            }

            if (!ReadNumber(buffer, start, dash, out first))
            {
                return false;
            }

            if (dash + 1 == end)
            {
                return true;
            }

            return ReadNumber(buffer, dash + 1, end, out last) && last >= first;
        }

        private static bool ReadNumber(byte[] buffer, int start, int end, out long value)
        {
            value = 0;
            if (start >= end)
            {
                return false;
            }

            for (int i = start; i < end; i++)
            {
                int c = buffer[i];
                if (!Ascii.IsDigit(c))
                {
                    return false;
                }

                value = value >= Huge / 10 ? Huge : value * 10 + (c - '0');
            }

            return true;
        }
    }
}
