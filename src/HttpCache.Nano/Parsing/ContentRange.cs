// ContentRange: the Content-Range field of a 206 or 416 (RFC 9110 14.4) read in place, and written.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// <c>Content-Range: bytes first-last/complete</c> (complete <c>*</c> when unknown) and the unsatisfied form
    /// <c>bytes */complete</c>, over byte ranges, with no allocation.
    /// </summary>
    public static class ContentRange
    {
        private static readonly byte[] s_bytes = Ascii.LowerBytes("bytes");

        /// <summary>Reads a <c>Content-Range</c> value.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="start">The value's first byte.</param>
        /// <param name="length">The value's length.</param>
        /// <param name="first">The first position, or -1 for the unsatisfied form.</param>
        /// <param name="last">The last position, or -1 for the unsatisfied form.</param>
        /// <param name="complete">The complete length, or -1 when <c>*</c>.</param>
        /// <returns>False when the value is not a valid byte content range (then every out value is -1).</returns>
        public static bool TryParse(byte[] buffer, int start, int length, out long first, out long last, out long complete)
        {
            first = -1;
            last = -1;
            complete = -1;
            int end = Ascii.TrimEnd(buffer, start, start + length);
            int p = Ascii.SkipWhitespace(buffer, start, end);
            if (end - p < s_bytes.Length + 2 || !Ascii.MatchesLower(buffer, p, s_bytes.Length, s_bytes) || buffer[p + s_bytes.Length] != ' ')
            {
                return false;
            }

            p = Ascii.SkipWhitespace(buffer, p + s_bytes.Length, end);
            long a = -1;
            long b = -1;
            long total = -1;
            if (p < end && buffer[p] == '*')
            {
                // Unsatisfied: "*/complete", the complete length required.
                p++;
                if (p >= end || buffer[p] != '/' || !ReadNumber(buffer, p + 1, end, out total))
                {
                    return false;
                }
            }
            else
            {
                int dash = Find(buffer, p, end, '-');
                int slash = dash < 0 ? -1 : Find(buffer, dash + 1, end, '/');
                if (slash < 0 || !ReadNumber(buffer, p, dash, out a) || !ReadNumber(buffer, dash + 1, slash, out b) || b < a)
                {
                    return false;
                }

                if (!(slash + 2 == end && buffer[slash + 1] == '*'))
                {
                    if (!ReadNumber(buffer, slash + 1, end, out total) || b >= total)
                    {
                        return false;
                    }
                }
            }

            first = a;
            last = b;
            complete = total;
            return true;
        }

        /// <summary>Writes the field for a satisfied range (<paramref name="first"/> ≥ 0) or the unsatisfied form (-1).</summary>
        public static void Write(HeaderBlockWriter writer, long first, long last, long complete)
        {
            writer.AppendText("Content-Range: bytes ");
            if (first < 0)
            {
                writer.AppendByte('*');
            }
            else
            {
                writer.AppendNumber(first);
                writer.AppendByte('-');
                writer.AppendNumber(last);
            }

            writer.AppendByte('/');
            if (complete < 0)
            {
                writer.AppendByte('*');
            }
            else
            {
                writer.AppendNumber(complete);
            }

            writer.AppendByte('\r');
            writer.AppendByte('\n');
        }

        private static int Find(byte[] buffer, int start, int end, char c)
        {
            for (int i = start; i < end; i++)
            {
                if (buffer[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool ReadNumber(byte[] buffer, int start, int end, out long value)
        {
            value = 0;
            if (start >= end || end - start > 18)
            {
                return false;
            }

            for (int i = start; i < end; i++)
            {
                if (!Ascii.IsDigit(buffer[i]))
                {
                    return false;
                }

                value = value * 10 + (buffer[i] - '0');
            }

            return true;
        }
    }
}
