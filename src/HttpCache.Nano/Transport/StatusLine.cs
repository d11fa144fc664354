// StatusLine: the first line of an HTTP/1.x response (RFC 9112 4), parsed in place.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    /// <summary>Parses <c>HTTP/1.x SP 3DIGIT SP [reason]</c>.</summary>
    public static class StatusLine
    {
        /// <summary>Parses a status line (without its line ending).</summary>
        /// <param name="line">The line.</param>
        /// <param name="statusCode">The status code (100–999), or 0 when invalid.</param>
        /// <param name="reason">The reason phrase (may be empty).</param>
        /// <returns>False when the line is not an HTTP/1.x status line.</returns>
        public static bool TryParse(TextSlice line, out int statusCode, out TextSlice reason)
        {
            statusCode = 0;
            reason = default(TextSlice);
            if (line.Length < 12 || line[0] != 'H' || line[1] != 'T' || line[2] != 'T' || line[3] != 'P' || line[4] != '/' || line[5] != '1' || line[6] != '.'
                || !Ascii.IsDigit(line[7]) || line[8] != ' ' || !Ascii.IsDigit(line[9]) || !Ascii.IsDigit(line[10]) || !Ascii.IsDigit(line[11]))
            {
                return false;
            }

            if (line.Length > 12 && line[12] != ' ')
            {
                return false;
            }

            int code = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
            if (code < 100)
            {
                return false;
            }

            for (int i = 13; i < line.Length; i++)
            {
                int c = line[i];
                if ((c < 0x20 && c != Ascii.Tab) || c == 0x7F)
                {
                    return false;
                }
            }

            statusCode = code;
            reason = line.Length > 13 ? line.Slice(13, line.Length - 13) : default(TextSlice);
            return true;
        }
    }
}
