// HeaderBlockReader: walks the fields of a block the cache wrote itself (no folds, already validated).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Reads the field lines of a header block that <see cref="HeaderBlockWriter"/> produced (or that
    /// <see cref="HeaderParser"/> accepted and that holds no obsolete folds), one at a time, without allocating.
    /// Stops at the empty line or the end of the slice.
    /// </summary>
    public struct HeaderBlockReader
    {
        private readonly TextSlice _block;
        private int _position;

        /// <summary>Starts reading <paramref name="block"/> from its first line.</summary>
        public HeaderBlockReader(TextSlice block)
        {
            _block = block;
            _position = 0;
        }

        /// <summary>Reads the next field; false at the end of the block.</summary>
        public bool TryReadNext(out TextSlice name, out TextSlice value)
        {
            int length = _block.Length;
            while (_position < length)
            {
                int lf = _block.IndexOf(Ascii.LineFeed, _position);
                int lineEnd = lf < 0 ? length : lf;
                int next = lf < 0 ? length : lf + 1;
                if (lineEnd > _position && _block[lineEnd - 1] == Ascii.CarriageReturn)
                {
                    lineEnd--;
                }

                int start = _position;
                _position = next;
                if (lineEnd == start)
                {
                    _position = length;
                    break;
                }

                int colon = _block.IndexOf(Ascii.Colon, start);
                if (colon < 0 || colon >= lineEnd)
                {
                    continue;
                }

                name = _block.Slice(start, colon - start);
                value = _block.Slice(colon + 1, lineEnd - colon - 1).Trim();
                return true;
            }

            name = default(TextSlice);
            value = default(TextSlice);
            return false;
        }

        /// <summary>The value of the first field named <paramref name="name"/> in <paramref name="block"/>; false when absent.</summary>
        public static bool TryFind(TextSlice block, HeaderName name, out TextSlice value)
        {
            HeaderBlockReader reader = new HeaderBlockReader(block);
            TextSlice fieldName;
            while (reader.TryReadNext(out fieldName, out value))
            {
                if (KnownHeaders.Find(fieldName) == name)
                {
                    return true;
                }
            }

            value = default(TextSlice);
            return false;
        }
    }
}
