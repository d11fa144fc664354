// StatusLine: the first line of an HTTP/1.x response (RFC 9112 4), parsed in place.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    /// <summary>Parses <c>HTTP/1.x SP 3DIGIT SP [reason]</c>.</summary>
    public static class StatusLine
    {
        /// <summary>Parses a status line (without its line ending) held in [<paramref name="start"/>, +<paramref name="length"/>).</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="start">The line's first byte.</param>
        /// <param name="length">The line's length.</param>
        /// <param name="statusCode">The status code (100–999), or 0 when invalid.</param>
        /// <param name="reasonStart">Where the reason phrase starts.</param>
        /// <param name="reasonLength">The reason phrase's length (may be 0).</param>
        /// <returns>False when the line is not an HTTP/1.x status line.</returns>
        public static bool TryParse(byte[] buffer, int start, int length, out int statusCode, out int reasonStart, out int reasonLength)
        {
            statusCode = 0;
            reasonStart = start;
            reasonLength = 0;
            int s = start;
            if (length < 12 || buffer[s] != 'H' || buffer[s + 1] != 'T' || buffer[s + 2] != 'T' || buffer[s + 3] != 'P' || buffer[s + 4] != '/' || buffer[s + 5] != '1'
                || buffer[s + 6] != '.' || !Ascii.IsDigit(buffer[s + 7]) || buffer[s + 8] != ' ' || !Ascii.IsDigit(buffer[s + 9]) || !Ascii.IsDigit(buffer[s + 10])
                || !Ascii.IsDigit(buffer[s + 11]))
            {
                return false;
            }

            if (length > 12 && buffer[s + 12] != ' ')
            {
                return false;
            }

            int code = (buffer[s + 9] - '0') * 100 + (buffer[s + 10] - '0') * 10 + (buffer[s + 11] - '0');
            if (code < 100)
            {
                return false;
            }

            for (int i = s + 13; i < s + length; i++)
            {
                int c = buffer[i];
                if ((c < 0x20 && c != Ascii.Tab) || c == 0x7F)
                {
                    return false;
                }
            }

            statusCode = code;
            if (length > 13)
            {
                reasonStart = s + 13;
                reasonLength = length - 13;
            }

            return true;
        }
    }
}
