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

        // First pass: find the end of the block and check every line, delivering nothing.
        private static HeaderBlockStatus Scan(TextSlice block, int maxFields, out int fields, out int end)
        {
            fields = 0;
            end = 0;
            int position = 0;
            int length = block.Length;
            while (true)
            {
                int lineEnd;
                int next;
                if (!FindLineEnd(block, position, out lineEnd, out next))
                {
                    return HeaderBlockStatus.Incomplete;
                }

                if (lineEnd == position)
                {
                    end = next;
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
                    int colon = block.IndexOf(Ascii.Colon, position);
                    if (colon < 0 || colon >= lineEnd || colon == position)
                    {
                        return HeaderBlockStatus.Invalid;
                    }

                    for (int i = position; i < colon; i++)
                    {
                        if (!Ascii.IsTokenChar(block[i]))
                        {
                            return HeaderBlockStatus.Invalid;
                        }
                    }

                    fields++;
                    if (fields > maxFields)
                    {
                        return HeaderBlockStatus.TooManyFields;
                    }
                }

                for (int i = position; i < lineEnd; i++)
                {
                    int c = block[i];
                    if (c == 0 || c == Ascii.CarriageReturn)
                    {
                        return HeaderBlockStatus.Invalid;
                    }
                }

                position = next;
                if (position >= length)
                {
                    return HeaderBlockStatus.Incomplete;
                }
            }
        }

        // Second pass over a block Scan accepted: one OnHeader per field, folds joined to their field.
        private static void Deliver(TextSlice block, IHeaderSink sink)
        {
            int position = 0;
            while (true)
            {
                int lineEnd;
                int next;
                FindLineEnd(block, position, out lineEnd, out next);
                if (lineEnd == position)
                {
                    return;
                }

                int colon = block.IndexOf(Ascii.Colon, position);
                int valueStart = colon + 1;
                int valueEnd = lineEnd;

                // Continuation lines (obs-fold) extend the value.
                while (next < block.Length && (block[next] == Ascii.Space || block[next] == Ascii.Tab))
                {
                    int foldEnd;
                    int afterFold;
                    FindLineEnd(block, next, out foldEnd, out afterFold);
                    valueEnd = foldEnd;
                    next = afterFold;
                }

                sink.OnHeader(block.Slice(position, colon - position), block.Slice(valueStart, valueEnd - valueStart).Trim());
                position = next;
            }
        }

        // Finds the LF ending the line at position; lineEnd excludes a CR before it.
        private static bool FindLineEnd(TextSlice block, int position, out int lineEnd, out int next)
        {
            int lf = block.IndexOf(Ascii.LineFeed, position);
            if (lf < 0)
            {
                lineEnd = -1;
                next = -1;
                return false;
            }

            lineEnd = lf > position && block[lf - 1] == Ascii.CarriageReturn ? lf - 1 : lf;
            next = lf + 1;
            return true;
        }
    }
}
