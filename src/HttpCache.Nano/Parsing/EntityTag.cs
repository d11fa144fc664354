// EntityTag: entity-tags (RFC 9110 8.8.3) read in place, and their two comparisons, over byte ranges.
// Interpreter cost: the opaque-tag is found with one native quote search and checked byte by byte once (etagc);
// comparisons compare bytes. No struct: a tag is (buffer, start, length, weak) kept by its owner.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Entity-tags as byte ranges. The "opaque-tag" range includes the two double quotes (<c>"v1"</c>); the weak flag
    /// tells whether it had the <c>W/</c> prefix.
    /// </summary>
    public static class EntityTag
    {
        /// <summary>
        /// Parses a field value holding exactly one entity-tag (an <c>ETag</c> field), ignoring surrounding whitespace.
        /// An unquoted value (<c>ETag: abc</c>) is not an entity-tag.
        /// </summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="start">The value's first byte.</param>
        /// <param name="length">The value's length.</param>
        /// <param name="tagStart">The opening quote of the opaque-tag; -1 when invalid.</param>
        /// <param name="tagLength">The opaque-tag's length, quotes included; 0 when invalid.</param>
        /// <param name="weak">True for <c>W/"…"</c>.</param>
        /// <returns>False when the value is not exactly one valid entity-tag.</returns>
        public static bool TryParse(byte[] buffer, int start, int length, out int tagStart, out int tagLength, out bool weak)
        {
            int end = Ascii.TrimEnd(buffer, start, start + length);
            int s = Ascii.SkipWhitespace(buffer, start, end);
            int next = ReadAt(buffer, s, end, out tagStart, out tagLength, out weak);
            if (next != end)
            {
                tagStart = -1;
                tagLength = 0;
                weak = false;
                return false;
            }

            return true;
        }

        /// <summary>
        /// Reads a value that is not an entity-tag but what some origins send instead (<c>ETag: 0x8D5AB12</c>): one run of
        /// visible characters without quotes, commas or whitespace. Kept as an opaque validator: sent back byte for byte
        /// and compared exactly (<see cref="OpaqueEquals"/>), never where a strong comparison is required.
        /// </summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="start">The value's first byte.</param>
        /// <param name="length">The value's length.</param>
        /// <param name="tagStart">The value's first byte after whitespace; -1 when it is not such a value.</param>
        /// <param name="tagLength">The value's length without surrounding whitespace; 0 when it is not such a value.</param>
        public static bool TryParseOpaque(byte[] buffer, int start, int length, out int tagStart, out int tagLength)
        {
            int end = Ascii.TrimEnd(buffer, start, start + length);
            int s = Ascii.SkipWhitespace(buffer, start, end);
            tagStart = -1;
            tagLength = 0;
            if (s >= end || ByteSearch.Quote(buffer, s, end) >= 0 || ByteSearch.Comma(buffer, s, end) >= 0 || !AreEtagChars(buffer, s, end))
            {
                return false;
            }

            tagStart = s;
            tagLength = end - s;
            return true;
        }

        /// <summary>Exact comparison of two opaque validators (<see cref="TryParseOpaque"/>).</summary>
        public static bool OpaqueEquals(byte[] a, int aStart, int aLength, byte[] b, int bStart, int bLength)
        {
            return aLength > 0 && aLength == bLength && Ascii.SequenceEquals(a, aStart, b, bStart, aLength);
        }

        /// <summary>Strong comparison (RFC 9110 8.8.3.2): both strong and the same opaque-tag.</summary>
        public static bool StrongEquals(byte[] a, int aStart, int aLength, bool aWeak, byte[] b, int bStart, int bLength, bool bWeak)
        {
            return !aWeak && !bWeak && WeakEquals(a, aStart, aLength, b, bStart, bLength);
        }

        /// <summary>Weak comparison (RFC 9110 8.8.3.2): the same opaque-tag, weak or not.</summary>
        public static bool WeakEquals(byte[] a, int aStart, int aLength, byte[] b, int bStart, int bLength)
        {
            return aLength >= 2 && aLength == bLength && Ascii.SequenceEquals(a, aStart, b, bStart, aLength);
        }

        /// <summary>The length of a tag as written in a header: the opaque-tag plus 2 for a weak prefix.</summary>
        public static int WrittenLength(int tagLength, bool weak)
        {
            return tagLength + (weak ? 2 : 0);
        }

        /// <summary>
        /// Reads one entity-tag starting exactly at <paramref name="index"/> (before <paramref name="end"/>); returns the
        /// index after it, or -1 when no valid entity-tag starts there.
        /// </summary>
        public static int ReadAt(byte[] buffer, int index, int end, out int tagStart, out int tagLength, out bool weak)
        {
            tagStart = -1;
            tagLength = 0;
            weak = false;
            int i = index;
            if (i + 1 < end && buffer[i] == 'W' && buffer[i + 1] == Ascii.Slash)
            {
                weak = true;
                i += 2;
            }

            if (i >= end || buffer[i] != Ascii.Quote)
            {
                weak = false;
                return -1;
            }

            int close = ByteSearch.Quote(buffer, i + 1, end);
            if (close < 0 || !AreEtagChars(buffer, i + 1, close))
            {
                weak = false;
                return -1;
            }

            tagStart = i;
            tagLength = close - i + 1;
            return close + 1;
        }

        // etagc = %x21 / %x23-7E / obs-text
        private static bool AreEtagChars(byte[] buffer, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int c = buffer[i];
                if (c < 0x21 || c == 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
