// EntityTagList: If-None-Match / If-Match field values, "*" or a list of entity-tags (RFC 9110 13.1.1-2).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Reads the value of <c>If-None-Match</c> or <c>If-Match</c>: either <c>*</c> or a comma-separated
    /// list of entity-tags. Entity-tags are scanned by their grammar, not split on commas, because an
    /// opaque-tag may itself contain commas and backslashes. Elements that are not valid entity-tags
    /// are skipped.
    /// </summary>
    /// <remarks>All state is the reading position: copying the struct copies it.</remarks>
    public struct EntityTagList
    {
        private readonly TextSlice _list;
        private int _position;

        /// <summary>Starts reading the entity-tags of <paramref name="list"/>.</summary>
        public EntityTagList(TextSlice list)
        {
            _list = list;
            _position = 0;
        }

        /// <summary>Reads the next valid entity-tag; false when none remain.</summary>
        public bool TryReadNext(out EntityTag tag)
        {
            int length = _list.Length;
            while (_position < length)
            {
                int c = _list[_position];
                if (c == Ascii.Comma || Ascii.IsWhitespace(c))
                {
                    _position++;
                    continue;
                }

                int next = EntityTag.ReadAt(_list, _position, out tag);
                if (next >= 0)
                {
                    _position = next;
                    return true;
                }

                // Not an entity-tag: skip this element up to the next comma.
                next = _list.IndexOf(Ascii.Comma, _position);
                _position = next < 0 ? length : next + 1;
            }

            tag = default(EntityTag);
            return false;
        }

        /// <summary>True when the value is <c>*</c> (any current representation).</summary>
        public static bool IsAny(TextSlice value)
        {
            TextSlice s = value.Trim();
            return s.Length == 1 && s[0] == '*';
        }

        /// <summary>
        /// True when the list holds an entity-tag matching <paramref name="tag"/>, compared weakly
        /// (If-None-Match, RFC 9110 13.1.2) or strongly (If-Match, 13.1.1). <c>*</c> is not handled
        /// here: test it with <see cref="IsAny"/>.
        /// </summary>
        public static bool Contains(TextSlice list, EntityTag tag, bool weakComparison)
        {
            EntityTagList reader = new EntityTagList(list);
            EntityTag candidate;
            while (reader.TryReadNext(out candidate))
            {
                if (weakComparison ? EntityTag.WeakEquals(candidate, tag) : EntityTag.StrongEquals(candidate, tag))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
