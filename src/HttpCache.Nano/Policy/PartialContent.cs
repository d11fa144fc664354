// PartialContent: the header blocks of ranges — a 206 or 416 served from a stored response, and a stored partial
// response's own Content-Range (RFC 9110 14.4, 15.3.7, 15.5.17; RFC 9111 3.3-3.4).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// Rewrites a stored response's fields for a part of its body: <c>Content-Length</c> and <c>Content-Range</c> of the
    /// stored response are replaced by those of the part; every other field is kept (a 206 carries what a 200 would).
    /// </summary>
    public static class PartialContent
    {
        /// <summary>
        /// The fields of <paramref name="stored"/> with <c>Content-Range: bytes first-last/complete</c> (or the
        /// unsatisfied form when <paramref name="first"/> is -1) and <c>Content-Length</c> of the part; a
        /// <paramref name="complete"/> representation (<paramref name="asComplete"/>) gets its length and no range.
        /// </summary>
        public static byte[] Fields(HeaderFields stored, long first, long last, long complete, bool asComplete)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(stored.Count * 32 + 64);
            for (int i = 0; i < stored.Count; i++)
            {
                HeaderName name = stored.Name(i);
                if (name != HeaderName.ContentLength && name != HeaderName.ContentRange)
                {
                    writer.Append(stored, i);
                }
            }

            if (asComplete)
            {
                writer.Append("Content-Length", complete);
            }
            else
            {
                ContentRange.Write(writer, first, last, complete);
                writer.Append("Content-Length", first < 0 ? 0 : last - first + 1);
            }

            writer.End();
            return writer.ToArray();
        }

        /// <summary>
        /// The range a stored 206 holds, from its <c>Content-Range</c>; false when it has none that is valid and satisfied.
        /// </summary>
        public static bool StoredRange(HeaderFields stored, out long first, out long last, out long complete)
        {
            int field = stored.IndexOf(HeaderName.ContentRange);
            if (field < 0 || stored.IndexOf(HeaderName.ContentRange, field + 1) >= 0)
            {
                first = -1;
                last = -1;
                complete = -1;
                return false;
            }

            return ContentRange.TryParse(stored.Buffer, stored.ValueStart(field), stored.ValueLength(field), out first, out last, out complete) && first >= 0;
        }
    }
}
