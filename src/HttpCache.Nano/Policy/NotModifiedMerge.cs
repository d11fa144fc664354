// NotModifiedMerge: selecting and freshening a stored response with a 304 (RFC 9111 4.3.3-4.3.4).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>Applies a 304 Not Modified to the stored response it validates.</summary>
    public static class NotModifiedMerge
    {
        /// <summary>
        /// Whether a 304 selects the stored response (RFC 9111 4.3.3): an entity-tag in the 304 must equal the
        /// stored one (strongly when the 304's is strong, weakly otherwise); without one, a Last-Modified in the
        /// 304 must equal the stored one; a 304 with no validator at all selects the response the cache
        /// validated (this cache keeps one response per URI).
        /// </summary>
        public static bool Selects(HeaderFacts notModified, TextSlice storedHeaders, long storedLastModified)
        {
            EntityTag fresh = notModified.ETag;
            if (fresh.IsValid)
            {
                TextSlice storedValue;
                EntityTag stored;
                if (!HeaderBlockReader.TryFind(storedHeaders, HeaderName.ETag, out storedValue) || !EntityTag.TryParse(storedValue, out stored))
                {
                    return false;
                }

                return fresh.IsWeak ? EntityTag.WeakEquals(fresh, stored) : EntityTag.StrongEquals(fresh, stored);
            }

            if (notModified.LastModified >= 0)
            {
                return notModified.LastModified == storedLastModified;
            }

            return true;
        }

        /// <summary>
        /// Writes the stored header block updated with the 304's fields (RFC 9111 3.2, 4.3.4): each field the
        /// 304 carries replaces the stored lines of that name, in place, except hop-by-hop fields, fields named
        /// in its Connection, Content-Length and Age (the cache keeps Age apart). Fields new to the stored block
        /// are appended. The result ends with the empty line.
        /// </summary>
        /// <param name="stored">The stored block.</param>
        /// <param name="notModified">The 304's header block, as received.</param>
        /// <param name="output">Receives the merged block (cleared first).</param>
        /// <returns>True when the merge changed a validator (ETag or Last-Modified), which is worth persisting.</returns>
        public static bool Merge(TextSlice stored, TextSlice notModified, HeaderBlockWriter output)
        {
            output.Clear();
            TextSlice connection;
            bool hasConnection = HeaderBlockReader.TryFind(notModified, HeaderName.Connection, out connection);
            bool validatorsChanged = false;
            HeaderBlockReader reader = new HeaderBlockReader(stored);
            TextSlice name;
            TextSlice value;
            while (reader.TryReadNext(out name, out value))
            {
                if (!IsUpdatedBy(notModified, name, hasConnection, connection))
                {
                    output.Append(name, value);
                    continue;
                }

                if (FirstIndexOf(stored, name) < name.Start)
                {
                    // Replaced already, at the first stored line of this name.
                    continue;
                }

                HeaderBlockReader fresh = new HeaderBlockReader(notModified);
                TextSlice freshName;
                TextSlice freshValue;
                while (fresh.TryReadNext(out freshName, out freshValue))
                {
                    if (freshName.EqualsIgnoreCase(name))
                    {
                        output.Append(name, freshValue);
                        validatorsChanged |= IsValidator(name) && !freshValue.SequenceEquals(value);
                    }
                }
            }

            HeaderBlockReader added = new HeaderBlockReader(notModified);
            while (added.TryReadNext(out name, out value))
            {
                if (IsUpdatable(name, hasConnection, connection) && FirstIndexOf(stored, name) < 0 && FirstIndexOf(notModified, name) == name.Start)
                {
                    HeaderBlockReader same = new HeaderBlockReader(notModified);
                    TextSlice sameName;
                    TextSlice sameValue;
                    while (same.TryReadNext(out sameName, out sameValue))
                    {
                        if (sameName.EqualsIgnoreCase(name))
                        {
                            output.Append(sameName, sameValue);
                        }
                    }

                    validatorsChanged |= IsValidator(name);
                }
            }

            output.End();
            return validatorsChanged;
        }

        private static bool IsUpdatedBy(TextSlice notModified, TextSlice name, bool hasConnection, TextSlice connection)
        {
            return IsUpdatable(name, hasConnection, connection) && FirstIndexOf(notModified, name) >= 0;
        }

        private static bool IsUpdatable(TextSlice name, bool hasConnection, TextSlice connection)
        {
            HeaderName known = KnownHeaders.Find(name);
            if (KnownHeaders.IsHopByHop(known) || known == HeaderName.ContentLength || known == HeaderName.Age)
            {
                return false;
            }

            return !(hasConnection && KnownHeaders.IsListedIn(connection, name));
        }

        private static bool IsValidator(TextSlice name)
        {
            HeaderName known = KnownHeaders.Find(name);
            return known == HeaderName.ETag || known == HeaderName.LastModified;
        }

        // Source position (TextSlice.Start) of the first field named name in block, or -1.
        private static int FirstIndexOf(TextSlice block, TextSlice name)
        {
            HeaderBlockReader reader = new HeaderBlockReader(block);
            TextSlice fieldName;
            TextSlice value;
            while (reader.TryReadNext(out fieldName, out value))
            {
                if (fieldName.EqualsIgnoreCase(name))
                {
                    return fieldName.Start;
                }
            }

            return -1;
        }
    }
}
