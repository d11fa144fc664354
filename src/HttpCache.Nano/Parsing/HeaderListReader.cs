// HeaderListReader: walks the elements of a comma-separated field value (RFC 9110 5.6.1).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Reads the elements of a list-based field value one at a time, without allocating. Elements are
    /// returned trimmed of whitespace; empty elements (<c>a, ,b</c>) are skipped, as RFC 9110 5.6.1
    /// requires of recipients; commas inside a quoted-string (with quoted-pairs) do not split.
    /// </summary>
    /// <remarks>
    /// All state is the position in the value: copying the struct copies the reading position.
    /// An unterminated quoted-string runs to the end of the value.
    /// </remarks>
    public struct HeaderListReader
    {
        private readonly TextSlice _value;
        private int _position;

        /// <summary>Starts reading <paramref name="value"/> from its first element.</summary>
        public HeaderListReader(TextSlice value)
        {
            _value = value;
            _position = 0;
        }

        /// <summary>Reads the next non-empty element.</summary>
        /// <param name="element">The element, trimmed; default when the list is exhausted.</param>
        /// <returns>False when no elements remain.</returns>
        public bool TryReadNext(out TextSlice element)
        {
            int length = _value.Length;
            while (_position < length)
            {
                int start = _position;
                bool quoted = false;
                int i = start;
                while (i < length)
                {
                    int c = _value[i];
                    if (quoted)
                    {
                        if (c == Ascii.Backslash)
                        {
                            i++;
                        }
                        else if (c == Ascii.Quote)
                        {
                            quoted = false;
                        }
                    }
                    else if (c == Ascii.Quote)
                    {
                        quoted = true;
                    }
                    else if (c == Ascii.Comma)
                    {
                        break;
                    }

                    i++;
                }

                if (i > length)
                {
                    i = length;
                }

                _position = i + 1;
                TextSlice candidate = _value.Slice(start, i - start).Trim();
                if (!candidate.IsEmpty)
                {
                    element = candidate;
                    return true;
                }
            }

            element = default(TextSlice);
            return false;
        }
    }
}
