// HeaderParser: splits a header block ("Name: value" lines up to an empty line) into fields, without allocating.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Parses an HTTP/1.1 header block (RFC 9112 5): field lines ending in CRLF (a bare LF is accepted,
    /// RFC 9112 2.2), up to and including the empty line. The block is validated whole before any field
    /// is delivered, so a sink never sees part of an invalid or incomplete block.
    /// </summary>
    /// <remarks>
    /// Rejected as <see cref="HeaderBlockStatus.Invalid"/>: an empty field name, a name holding anything
    /// but token characters (including whitespace before the colon, RFC 9112 5.1), a line without a
    /// colon, a NUL or a bare CR in a value, and a block that starts with a fold. An obsolete line fold
    /// (a line starting with SP or HTAB, RFC 9112 5.2) continues the previous value: the value slice
    /// then spans the fold, and every value parser in this library reads CR and LF as whitespace, which
    /// has the effect of replacing the fold with spaces as RFC 9112 5.2 asks of a user agent.
    /// NUL on the device: a nanoFramework string ends at its first NUL (the runtime keeps strings
    /// NUL-terminated), so string input there never holds one — a value that had a NUL reaches the parser
    /// already cut short, and is judged as what is left. A NUL that arrives from the network arrives as bytes,
    /// and byte input rejects it on both platforms.
    /// </remarks>
    public static class HeaderParser
    {
        /// <summary>Parses the header block at the start of <paramref name="block"/>.</summary>
        /// <param name="block">Input that starts with the first field line (the status or request line already removed).</param>
        /// <param name="sink">Receives each field once the whole block is known to be valid; may be null to validate only.</param>
        /// <param name="maxFields">The most field lines accepted.</param>
        /// <param name="consumed">Characters used, the final empty line included; 0 unless <see cref="HeaderBlockStatus.Complete"/>.</param>
        public static HeaderBlockStatus Parse(TextSlice block, IHeaderSink sink, int maxFields, out int consumed)
        {
            consumed = 0;
            int fields;
            int end;
            HeaderBlockStatus status = Scan(block, maxFields, out fields, out end);
            if (status != HeaderBlockStatus.Complete)
            {
                return status;
            }

            if (sink != null)
            {
                Deliver(block, sink);
            }

            consumed = end;
            return HeaderBlockStatus.Complete;
        }

        // First pass: find the end of the block and check every line, delivering nothing. One loop per line
        // finds its end and checks the name (token characters up to the colon) and the value (no NUL, no bare CR).
        private static HeaderBlockStatus Scan(TextSlice block, int maxFields, out int fields, out int end)
        {
            fields = 0;
            end = 0;
            int position = 0;
            int length = block.Length;
            while (position < length)
            {
                bool invalid;
                int lf = block.IndexOfLineFeed(position, out invalid);
                if (lf < 0)
                {
                    // A bad character already seen cannot be repaired by more input; a trailing CR can.
                    return invalid ? HeaderBlockStatus.Invalid : HeaderBlockStatus.Incomplete;
                }

                if (invalid)
                {
                    return HeaderBlockStatus.Invalid;
                }

                int lineEnd = lf > position && block[lf - 1] == Ascii.CarriageReturn ? lf - 1 : lf;
                if (lineEnd == position)
                {
                    end = lf + 1;
                    return HeaderBlockStatus.Complete;
                }

                int first = block[position];
                if (first == Ascii.Space || first == Ascii.Tab)
                {
                    if (fields == 0)
                    {
                        return HeaderBlockStatus.Invalid;
                    }
                }
                else
                {
                    // The name: one or more token characters up to the colon (no whitespace before it, RFC 9112 5.1).
                    int i = position;
                    while (i < lineEnd && Ascii.IsTokenChar(block[i]))
                    {
                        i++;
                    }

                    if (i == position || i == lineEnd || block[i] != Ascii.Colon)
                    {
                        return HeaderBlockStatus.Invalid;
                    }

                    fields++;
                    if (fields > maxFields)
                    {
                        return HeaderBlockStatus.TooManyFields;
                    }
                }

                position = lf + 1;
            }

            return HeaderBlockStatus.Incomplete;
        }

        // Second pass over a block Scan accepted: one OnHeader per field, folds joined to their field.
        private static void Deliver(TextSlice block, IHeaderSink sink)
        {
            int position = 0;
            int length = block.Length;
            while (true)
            {
                int lf = block.IndexOf(Ascii.LineFeed, position);
                int colon = block.IndexOf(Ascii.Colon, position);
                if (colon < 0 || colon > lf)
                {
                    // The empty line (Scan guarantees every other line has a colon).
                    return;
                }

                int valueEnd = lf;
                int next = lf + 1;

                // Continuation lines (obs-fold) extend the value.
                while (next < length && (block[next] == Ascii.Space || block[next] == Ascii.Tab))
                {
                    lf = block.IndexOf(Ascii.LineFeed, next);
                    valueEnd = lf;
                    next = lf + 1;
                }

                sink.OnHeader(block.Slice(position, colon - position), block.Slice(colon + 1, valueEnd - colon - 1).Trim());
                position = next;
            }
        }
    }
}
