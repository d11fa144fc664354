// StoredFields: which fields of a response travel on and are stored (RFC 9111 3.1, RFC 9110 7.6.1).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// The end-to-end fields of a response, the ones a cache forwards and stores: hop-by-hop fields (RFC 9110 7.6.1)
    /// and the fields the response's own <c>Connection</c> names are dropped, and so is <c>Age</c>, which the cache
    /// keeps apart and recomputes (RFC 9111 5.1). A shared cache also withholds what one user alone may see
    /// (<see cref="SharedFields"/>) from what it stores.
    /// </summary>
    public static class StoredFields
    {
        /// <summary>Writes the end-to-end fields of <paramref name="fields"/> and the final empty line.</summary>
        /// <param name="fields">The response's fields.</param>
        /// <param name="facts">The response's facts (for its Connection field and its private="…" list).</param>
        /// <param name="withholdShared">True to drop the fields a shared cache must not store as well.</param>
        /// <param name="output">Receives the block (appended to).</param>
        public static void Write(HeaderFields fields, HeaderFacts facts, bool withholdShared, HeaderBlockWriter output)
        {
            int connection = facts.ConnectionField;
            byte[] buffer = fields.Buffer;
            for (int i = 0; i < fields.Count; i++)
            {
                HeaderName known = fields.Name(i);
                if (KnownHeaders.IsHopByHop(known) || known == HeaderName.Age
                    || (connection >= 0 && KnownHeaders.IsListedIn(buffer, fields.ValueStart(connection), fields.ValueLength(connection), buffer, fields.NameStart(i), fields.NameLength(i)))
                    || (withholdShared && SharedFields.IsWithheld(fields, i, facts)))
                {
                    continue;
                }

                output.Append(fields, i);
            }

            output.End();
        }
    }
}
