// NotModifiedMerge: selecting and freshening a stored response with a 304 (RFC 9111 4.3.3-4.3.4).
// Interpreter cost: both blocks are walked as parsed field tables; names compare by HeaderName, bytes only for
// unknown names of equal length; lines are copied with the native Array.Copy.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>Applies a 304 Not Modified to the stored response it validates.</summary>
    public static class NotModifiedMerge
    {
        /// <summary>
        /// Whether a 304 selects the stored response (RFC 9111 4.3.3): an entity-tag in the 304 must equal the
        /// stored one (strongly when the 304's is strong, weakly otherwise; an unquoted one exactly); without one, a Last-Modified in the
        /// 304 must equal the stored one; a 304 with no validator at all selects the response the cache
        /// validated (this cache keeps one response per URI).
        /// </summary>
        /// <param name="notModified">The 304's facts.</param>
        /// <param name="stored">The stored response's facts.</param>
        public static bool Selects(HeaderFacts notModified, HeaderFacts stored)
        {
            if (notModified.HasETag)
            {
                if (!stored.HasETag)
                {
                    return false;
                }

                if (notModified.ETagIsOpaque || stored.ETagIsOpaque)
                {
                    // An unquoted validator matches only itself, byte for byte.
                    return notModified.ETagIsOpaque && stored.ETagIsOpaque
                        && EntityTag.OpaqueEquals(notModified.Buffer, notModified.ETagStart, notModified.ETagLength, stored.Buffer, stored.ETagStart, stored.ETagLength);
                }

                return notModified.ETagIsWeak
                    ? EntityTag.WeakEquals(notModified.Buffer, notModified.ETagStart, notModified.ETagLength, stored.Buffer, stored.ETagStart, stored.ETagLength)
                    : EntityTag.StrongEquals(notModified.Buffer, notModified.ETagStart, notModified.ETagLength, false, stored.Buffer, stored.ETagStart, stored.ETagLength, stored.ETagIsWeak);
            }

            if (notModified.LastModified >= 0)
            {
                return notModified.LastModified == stored.LastModified;
            }

            return true;
        }

        /// <summary>
        /// Writes the stored header block updated with the 304's fields (RFC 9111 3.2, 4.3.4): each field the
        /// 304 carries replaces the stored lines of that name, in place, except hop-by-hop fields, fields named
        /// in its Connection, Content-Length and Age (the cache keeps Age apart). Fields new to the stored block
        /// are appended. The result ends with the empty line.
        /// </summary>
        /// <param name="stored">The stored block's fields.</param>
        /// <param name="notModified">The 304's fields, as received.</param>
        /// <param name="notModifiedFacts">The 304's facts (for its Connection field).</param>
        /// <param name="output">Receives the merged block (cleared first).</param>
        /// <returns>True when the merge changed a validator (ETag or Last-Modified), which is worth persisting.</returns>
        public static bool Merge(HeaderFields stored, HeaderFields notModified, HeaderFacts notModifiedFacts, HeaderBlockWriter output)
        {
            output.Clear();
            int connection = notModifiedFacts.ConnectionField;
            bool validatorsChanged = false;
            for (int i = 0; i < stored.Count; i++)
            {
                int fresh = notModified.IndexOfNameOf(stored, i, 0);
                if (fresh < 0 || !IsUpdatable(notModified, fresh, connection))
                {
                    output.Append(stored, i);
                    continue;
                }

                if (stored.IndexOfNameOf(stored, i, 0) < i)
                {
                    // Replaced already, at the first stored line of this name.
                    continue;
                }

                bool validator = IsValidator(stored.Name(i));
                for (int k = fresh; k >= 0; k = notModified.IndexOfNameOf(stored, i, k + 1))
                {
                    output.Append(notModified, k);
                    validatorsChanged |= validator && !notModified.ValueEquals(k, stored, i);
                }
            }

            for (int j = 0; j < notModified.Count; j++)
            {
                if (IsUpdatable(notModified, j, connection) && stored.IndexOfNameOf(notModified, j, 0) < 0 && notModified.IndexOfNameOf(notModified, j, 0) == j)
                {
                    for (int k = j; k >= 0; k = notModified.IndexOfNameOf(notModified, j, k + 1))
                    {
                        output.Append(notModified, k);
                    }

                    validatorsChanged |= IsValidator(notModified.Name(j));
                }
            }

            output.End();
            return validatorsChanged;
        }

        private static bool IsUpdatable(HeaderFields fields, int index, int connection)
        {
            HeaderName known = fields.Name(index);
            if (KnownHeaders.IsHopByHop(known) || known == HeaderName.ContentLength || known == HeaderName.Age)
            {
                return false;
            }

            return connection < 0 || !KnownHeaders.IsListedIn(fields.Buffer, fields.ValueStart(connection), fields.ValueLength(connection), fields.Buffer, fields.NameStart(index), fields.NameLength(index));
        }

        private static bool IsValidator(HeaderName name)
        {
            return name == HeaderName.ETag || name == HeaderName.LastModified;
        }
    }
}
