// HeaderList: walks the elements of a comma-separated field value (RFC 9110 5.6.1) in place.
// Interpreter cost per element: one native comma search, a few byte reads to trim, plus one native quote search
// only for an element that holds a quoted-string; state is one int the caller keeps (no struct, no allocation).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Reads the elements of a list-based field value one at a time. Elements are returned trimmed of whitespace
    /// (SP, HTAB, and the CR LF of an obsolete fold); empty elements (<c>a, ,b</c>) are skipped, as RFC 9110 5.6.1
    /// requires of recipients; commas inside a quoted-string (with quoted-pairs) do not split. An unterminated
    /// quoted-string runs to the end of the value.
    /// </summary>
    public static class HeaderList
    {
        /// <summary>Reads the next non-empty element of the list ending at <paramref name="end"/>.</summary>
        /// <param name="buffer">The bytes holding the value.</param>
        /// <param name="position">Where to read from; advanced past the element (start it at the value's first byte).</param>
        /// <param name="end">The end of the value (exclusive).</param>
        /// <param name="elementStart">The element's first byte.</param>
        /// <param name="elementLength">The element's length, at least 1; 0 when the list is exhausted.</param>
        /// <returns>False when no elements remain.</returns>
        public static bool Next(byte[] buffer, ref int position, int end, out int elementStart, out int elementLength)
        {
            while (position < end)
            {
                int start = Ascii.SkipWhitespace(buffer, position, end);
                int comma = ElementEnd(buffer, start, end);
                position = comma + 1;
                int last = Ascii.TrimEnd(buffer, start, comma);
                if (last > start)
                {
                    elementStart = start;
                    elementLength = last - start;
                    return true;
                }
            }

            elementStart = end;
            elementLength = 0;
            return false;
        }

        /// <summary>The index of the comma that ends the element starting at <paramref name="start"/> (quoted commas skipped), or <paramref name="end"/>.</summary>
        public static int ElementEnd(byte[] buffer, int start, int end)
        {
            int comma = ByteSearch.Comma(buffer, start, end);
            int limit = comma < 0 ? end : comma;
            int quote = ByteSearch.Quote(buffer, start, limit);
            while (quote >= 0)
            {
                // Inside a quoted-string until its closing quote (a backslash escapes the next byte).
                int close = ClosingQuote(buffer, quote + 1, end);
                if (close < 0)
                {
                    return end;
                }

                comma = ByteSearch.Comma(buffer, close + 1, end);
                limit = comma < 0 ? end : comma;
                quote = ByteSearch.Quote(buffer, close + 1, limit);
            }

            return limit;
        }

        /// <summary>The index of the quote closing a quoted-string whose content starts at <paramref name="start"/>, or -1.</summary>
        public static int ClosingQuote(byte[] buffer, int start, int end)
        {
            while (true)
            {
                int quote = ByteSearch.Quote(buffer, start, end);
                if (quote < 0)
                {
                    return -1;
                }

                int escape = ByteSearch.Backslash(buffer, start, quote);
                if (escape < 0)
                {
                    return quote;
                }

                // A quoted-pair: the byte after the backslash is literal, even a quote.
                start = escape + 2;
            }
        }
    }
}
