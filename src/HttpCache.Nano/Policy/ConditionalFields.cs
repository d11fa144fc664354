// ConditionalFields: the validator a revalidation sends (RFC 9111 4.3.1), taken from the stored response verbatim.
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Storage;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// Chooses the request field that validates a stored response: <c>If-None-Match</c> with its entity-tag when it has
    /// one (RFC 9111 4.3.1 asks for it, and an origin ignores a date next to it, so none is sent: its bytes would only
    /// cost metered traffic); otherwise <c>If-Modified-Since</c> with its <c>Last-Modified</c> value, or its
    /// <c>Date</c>, copied byte for byte (RFC 9110 13.1.3: servers that honour only exact matches recognise their own
    /// string). Computed once per stored response and kept on the entry.
    /// </summary>
    public static class ConditionalFields
    {
        /// <summary>Sets <see cref="CacheEntry.ConditionalHeader"/> and <see cref="CacheEntry.ConditionalValue"/> of <paramref name="entry"/> if not done yet (null when it has no validator).</summary>
        public static void Prepare(CacheEntry entry)
        {
            if (entry.ConditionalPrepared)
            {
                return;
            }

            HeaderFields fields = HeaderFields.Of(entry.Headers);
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            string header = null;
            string value = null;
            if (facts.HasETag)
            {
                header = KnownHeaders.GetName(HeaderName.IfNoneMatch);
                value = facts.ETagToString();
            }
            else
            {
                int field = FirstValidDate(fields, HeaderName.LastModified);
                if (field < 0)
                {
                    field = FirstValidDate(fields, HeaderName.Date);
                }

                if (field >= 0)
                {
                    header = KnownHeaders.GetName(HeaderName.IfModifiedSince);
                    value = fields.ValueToString(field);
                }
                else if (entry.Info.LastModified >= 0 || entry.Info.Date >= 0)
                {
                    header = KnownHeaders.GetName(HeaderName.IfModifiedSince);
                    value = HttpDate.ToString(entry.Info.LastModified >= 0 ? entry.Info.LastModified : entry.Info.Date);
                }
            }

            entry.SetConditional(header, value);
        }

        private static int FirstValidDate(HeaderFields fields, HeaderName name)
        {
            long ignored;
            for (int i = fields.IndexOf(name); i >= 0; i = fields.IndexOf(name, i + 1))
            {
                if (HttpDate.TryParse(fields.Buffer, fields.ValueStart(i), fields.ValueLength(i), out ignored))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
