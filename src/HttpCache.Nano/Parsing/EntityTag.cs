// EntityTag: one entity-tag (RFC 9110 8.8.3) as a slice of its field value, and its two comparisons.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// An entity-tag: <see cref="OpaqueTag"/> is the quoted part (quotes included) inside the field value
    /// it was parsed from, <see cref="IsWeak"/> tells whether it had the <c>W/</c> prefix.
    /// The <c>default</c> value is "no entity-tag" (<see cref="IsValid"/> is false).
    /// </summary>
    public readonly struct EntityTag
    {
        private readonly TextSlice _opaqueTag;
        private readonly bool _isWeak;

        /// <summary>Creates an entity-tag from its quoted opaque-tag.</summary>
        public EntityTag(TextSlice opaqueTag, bool isWeak)
        {
            _opaqueTag = opaqueTag;
            _isWeak = isWeak;
        }

        /// <summary>The opaque-tag including its two double quotes, e.g. <c>"v1"</c>.</summary>
        public TextSlice OpaqueTag
        {
            get { return _opaqueTag; }
        }

        /// <summary>True for a weak validator (<c>W/"v1"</c>).</summary>
        public bool IsWeak
        {
            get { return _isWeak; }
        }

        /// <summary>True when this holds an entity-tag (false for <c>default</c>).</summary>
        public bool IsValid
        {
            get { return _opaqueTag.Length >= 2; }
        }

        /// <summary>Length of the tag as written in a header: the opaque-tag plus 2 for a weak prefix.</summary>
        public int WrittenLength
        {
            get { return _opaqueTag.Length + (_isWeak ? 2 : 0); }
        }

        /// <summary>
        /// Parses a field value holding exactly one entity-tag (an <c>ETag</c> field), ignoring surrounding
        /// whitespace. An unquoted value (<c>ETag: abc</c>) is invalid: it is not a usable validator.
        /// </summary>
        /// <returns>False when the value is not exactly one valid entity-tag.</returns>
        public static bool TryParse(TextSlice value, out EntityTag tag)
        {
            TextSlice s = value.Trim();
            int end = ReadAt(s, 0, out tag);
            if (end != s.Length)
            {
                tag = default(EntityTag);
                return false;
            }

            return true;
        }

        /// <summary>Strong comparison (RFC 9110 8.8.3.2): both strong and the same opaque-tag.</summary>
        public static bool StrongEquals(EntityTag a, EntityTag b)
        {
            return a.IsValid && b.IsValid && !a._isWeak && !b._isWeak && a._opaqueTag.SequenceEquals(b._opaqueTag);
        }

        /// <summary>Weak comparison (RFC 9110 8.8.3.2): the same opaque-tag, weak or not.</summary>
        public static bool WeakEquals(EntityTag a, EntityTag b)
        {
            return a.IsValid && b.IsValid && a._opaqueTag.SequenceEquals(b._opaqueTag);
        }

        /// <summary>Writes the tag as it appears in a header (<c>W/"x"</c> or <c>"x"</c>) into <paramref name="buffer"/>.</summary>
        /// <returns>The number of bytes written, <see cref="WrittenLength"/>.</returns>
        public int CopyTo(byte[] buffer, int offset)
        {
            int p = offset;
            if (_isWeak)
            {
                buffer[p++] = (byte)'W';
                buffer[p++] = (byte)'/';
            }

            _opaqueTag.CopyTo(buffer, p);
            return WrittenLength;
        }

        /// <summary>The tag as written in a header. Allocates.</summary>
        public override string ToString()
        {
            return _isWeak ? "W/" + _opaqueTag.ToString() : _opaqueTag.ToString();
        }

        /// <summary>
        /// Reads one entity-tag starting exactly at <paramref name="index"/>; returns the index after it,
        /// or -1 (and a default tag) when no valid entity-tag starts there.
        /// </summary>
        internal static int ReadAt(TextSlice s, int index, out EntityTag tag)
        {
            tag = default(EntityTag);
            int i = index;
            bool weak = false;
            if (i + 1 < s.Length && s[i] == 'W' && s[i + 1] == '/')
            {
                weak = true;
                i += 2;
            }

            if (i >= s.Length || s[i] != Ascii.Quote)
            {
                return -1;
            }

            int open = i;
            i++;
            while (i < s.Length && s[i] != Ascii.Quote)
            {
                if (!IsEtagChar(s[i]))
                {
                    return -1;
                }

                i++;
            }

            if (i >= s.Length)
            {
                return -1;
            }

            tag = new EntityTag(s.Slice(open, i - open + 1), weak);
            return i + 1;
        }

        // etagc = %x21 / %x23-7E / obs-text
        private static bool IsEtagChar(int c)
        {
            return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
        }
    }
}
