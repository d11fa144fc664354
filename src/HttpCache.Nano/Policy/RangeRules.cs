// RangeRules: when a range may be served or combined (RFC 9110 13.1.5, 8.8.2.2; RFC 9111 3.3-3.4), as pure functions.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// The validator rules of ranges: <c>If-Range</c> is satisfied only by a strong match (an entity-tag compared
    /// strongly, or a <c>Last-Modified</c> date that is a strong validator and equal to it), and parts of a
    /// representation are combined only when both carry the same strong validator. An unquoted (opaque) value is
    /// never strong.
    /// </summary>
    public static class RangeRules
    {
        /// <summary>
        /// True when the request's <c>If-Range</c> allows a range of the stored response (<paramref name="stored"/>):
        /// absent, or a strong match (RFC 9110 13.1.5). Otherwise the whole representation is the answer.
        /// </summary>
        public static bool IfRangeAllows(HeaderFacts request, HeaderFacts stored)
        {
            int field = request.IfRangeField;
            if (field < 0)
            {
                return true;
            }

            HeaderFields fields = request.Fields;
            byte[] buffer = fields.Buffer;
            int start = fields.ValueStart(field);
            int length = fields.ValueLength(field);
            int tagStart;
            int tagLength;
            bool weak;
            if (EntityTag.TryParse(buffer, start, length, out tagStart, out tagLength, out weak))
            {
                return HasStrongETag(stored) && EntityTag.StrongEquals(buffer, tagStart, tagLength, weak, stored.Buffer, stored.ETagStart, stored.ETagLength, stored.ETagIsWeak);
            }

            long date;
            return HttpDate.TryParse(buffer, start, length, out date) && HasStrongLastModified(stored) && date == stored.LastModified;
        }

        /// <summary>True when the response has a validator strong enough to combine its parts (RFC 9111 3.4).</summary>
        public static bool HasStrongValidator(HeaderFacts response)
        {
            return HasStrongETag(response) || (!response.HasETag && HasStrongLastModified(response));
        }

        /// <summary>
        /// The <c>If-Range</c> value that asks for the rest of this representation: its strong entity-tag, else its
        /// strong <c>Last-Modified</c> date; null when it has no strong validator (then it cannot be completed).
        /// </summary>
        public static string IfRangeValue(HeaderFacts response)
        {
            if (HasStrongETag(response))
            {
                return response.ETagToString();
            }

            return HasStrongValidator(response) ? HttpDate.ToString(response.LastModified) : null;
        }

        /// <summary>True when two responses name the same representation by a strong validator (RFC 9111 3.4).</summary>
        public static bool SameStrongValidator(HeaderFacts a, HeaderFacts b)
        {
            if (HasStrongETag(a) || HasStrongETag(b))
            {
                return HasStrongETag(a) && HasStrongETag(b) && EntityTag.StrongEquals(a.Buffer, a.ETagStart, a.ETagLength, false, b.Buffer, b.ETagStart, b.ETagLength, false);
            }

            return HasStrongLastModified(a) && HasStrongLastModified(b) && a.LastModified == b.LastModified;
        }

        private static bool HasStrongETag(HeaderFacts facts)
        {
            return facts.HasETag && !facts.ETagIsWeak && !facts.ETagIsOpaque;
        }

        // RFC 9110 8.8.2.2: a Last-Modified at least a second before the response's Date cannot hide two versions.
        private static bool HasStrongLastModified(HeaderFacts facts)
        {
            return facts.LastModified >= 0 && facts.Date >= 0 && facts.LastModified <= facts.Date - 1;
        }
    }
}
