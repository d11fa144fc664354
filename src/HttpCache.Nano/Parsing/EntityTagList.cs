// EntityTagList: If-None-Match / If-Match field values, "*" or a list of entity-tags (RFC 9110 13.1.1-2), in place.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Reads the value of <c>If-None-Match</c> or <c>If-Match</c>: either <c>*</c> or a comma-separated list of
    /// entity-tags. Entity-tags are read by their grammar, not split on commas, because an opaque-tag may itself
    /// contain commas. Elements that are not valid entity-tags are skipped.
    /// </summary>
    public static class EntityTagList
    {
        /// <summary>True when the value is <c>*</c> (any current representation).</summary>
        public static bool IsAny(byte[] buffer, int start, int length)
        {
            int end = Ascii.TrimEnd(buffer, start, start + length);
            int s = Ascii.SkipWhitespace(buffer, start, end);
            return end - s == 1 && buffer[s] == Ascii.Star;
        }

        /// <summary>
        /// True when the list holds an entity-tag matching the tag (<paramref name="tag"/>, opaque-tag range, weak flag),
        /// compared weakly (If-None-Match, RFC 9110 13.1.2) or strongly (If-Match, 13.1.1). <c>*</c> is not handled here:
        /// test it with <see cref="IsAny"/>. A tag range of length 0 (no entity-tag) matches nothing.
        /// </summary>
        public static bool Contains(byte[] list, int listStart, int listLength, byte[] tag, int tagStart, int tagLength, bool tagWeak, bool weakComparison)
        {
            if (tagLength < 2)
            {
                return false;
            }

            int position = listStart;
            int end = listStart + listLength;
            while (position < end)
            {
                int c = list[position];
                if (c == Ascii.Comma || Ascii.IsWhitespace(c))
                {
                    position++;
                    continue;
                }

                int candidateStart;
                int candidateLength;
                bool candidateWeak;
                int next = EntityTag.ReadAt(list, position, end, out candidateStart, out candidateLength, out candidateWeak);
                if (next >= 0)
                {
                    bool match = weakComparison
                        ? EntityTag.WeakEquals(list, candidateStart, candidateLength, tag, tagStart, tagLength)
                        : EntityTag.StrongEquals(list, candidateStart, candidateLength, candidateWeak, tag, tagStart, tagLength, tagWeak);
                    if (match)
                    {
                        return true;
                    }

                    position = next;
                    continue;
                }

                // Not an entity-tag: skip this element up to the next comma.
                next = ByteSearch.Comma(list, position, end);
                position = next < 0 ? end : next + 1;
            }

            return false;
        }
    }
}
