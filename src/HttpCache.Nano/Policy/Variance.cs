// Variance: what a request must match to reuse a stored response — the Vary fields (RFC 9111 4.1) and the credential.
// Interpreter cost of a match: the request's values are normalised as they are read (list walk with native comma
// searches) and compared byte for byte with the captured ones; the stored headers are not re-read, nothing allocated.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// Captures and compares the request values of the fields a response varies on, and the request's credential.
    /// Values are normalised before comparison as RFC 9111 4.1 allows: several field lines are combined into one
    /// list, empty list members are dropped, whitespace around members is removed and runs of whitespace inside a
    /// member become one space. Letter case is kept (only some fields are case-insensitive, and a miss is always
    /// safe), except for the fields <see cref="VaryNormalization"/> names (<c>Accept-Language</c>: case, inner whitespace
    /// and member order set aside). The capture holds the field names too, so matching needs only the capture and
    /// the request; its <see cref="Signature"/> names the variant in its store key.
    /// </summary>
    /// <remarks>Capture format: a version byte, then per Vary member its name (lower case), 0, a presence byte, the normalised value, 0.</remarks>
    public static class Variance
    {
        private const byte Format = 2;
        private const byte Absent = 0;
        private const byte Present = 1;
        private const byte EndOfText = 0;

        /// <summary>
        /// The request's values of every field named in the Vary fields of <paramref name="response"/>, encoded for
        /// <see cref="Matches"/>; null when the response has no Vary member.
        /// </summary>
        public static byte[] Capture(HeaderFields response, HeaderFields request)
        {
            HeaderBlockWriter capture = null;
            byte[] buffer = response.Buffer;
            for (int i = response.IndexOf(HeaderName.Vary); i >= 0; i = response.IndexOf(HeaderName.Vary, i + 1))
            {
                int position = response.ValueStart(i);
                int end = position + response.ValueLength(i);
                int memberStart;
                int memberLength;
                while (HeaderList.Next(buffer, ref position, end, out memberStart, out memberLength))
                {
                    if (capture == null)
                    {
                        capture = new HeaderBlockWriter(64);
                        capture.AppendByte(Format);
                    }

                    int nameAt = capture.Length;
                    capture.AppendBytes(buffer, memberStart, memberLength);
                    ToLower(capture.Buffer, nameAt, memberLength);
                    capture.AppendByte(EndOfText);
                    WriteValue(request, capture.Buffer, nameAt, memberLength, capture);
                }
            }

            return capture == null ? null : capture.ToArray();
        }

        /// <summary>True when <paramref name="request"/> has the same values for the captured fields. Does not allocate.</summary>
        public static bool Matches(byte[] captured, HeaderFields request)
        {
            if (captured == null || captured.Length == 0 || captured[0] != Format)
            {
                return false;
            }

            int position = 1;
            while (position < captured.Length)
            {
                int nameEnd = IndexOfEnd(captured, position);
                if (nameEnd < 0 || nameEnd + 1 >= captured.Length)
                {
                    return false;
                }

                int valueEnd = IndexOfEnd(captured, nameEnd + 2);
                if (valueEnd < 0 || !ValueMatches(request, captured, position, nameEnd - position, nameEnd + 1, valueEnd))
                {
                    return false;
                }

                position = valueEnd + 1;
            }

            return true;
        }

        /// <summary>
        /// The request's values of the fields <paramref name="captured"/> names, in the same form: what a stored variant
        /// of this request would have captured (its <see cref="Signature"/> finds it). Null for an invalid capture.
        /// </summary>
        public static byte[] CaptureFor(byte[] captured, HeaderFields request)
        {
            if (captured == null || captured.Length == 0 || captured[0] != Format)
            {
                return null;
            }

            HeaderBlockWriter capture = new HeaderBlockWriter(captured.Length + 16);
            capture.AppendByte(Format);
            int position = 1;
            while (position < captured.Length)
            {
                int nameEnd = IndexOfEnd(captured, position);
                if (nameEnd < 0 || nameEnd + 1 >= captured.Length)
                {
                    return null;
                }

                capture.AppendBytes(captured, position, nameEnd - position + 1);
                WriteValue(request, captured, position, nameEnd - position, capture);
                int valueEnd = IndexOfEnd(captured, nameEnd + 2);
                if (valueEnd < 0)
                {
                    return null;
                }

                position = valueEnd + 1;
            }

            return capture.ToArray();
        }

        /// <summary>A 64-bit FNV-1a hash of a capture in hexadecimal: the variant's part of its store key.</summary>
        public static string Signature(byte[] captured)
        {
            ulong hash = 14695981039346656037UL;
            for (int i = 0; i < captured.Length; i++)
            {
                hash = (hash ^ captured[i]) * 1099511628211UL;
            }

            char[] hex = new char[16];
            for (int i = 15; i >= 0; i--)
            {
                int digit = (int)(hash & 0xF);
                hex[i] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                hash >>= 4;
            }

            return new string(hex);
        }

        /// <summary>A 64-bit FNV-1a hash of the request's Authorization value (never stored itself), or 0 without one.</summary>
        public static long CredentialHash(HeaderFields request)
        {
            int index = request.IndexOf(HeaderName.Authorization);
            if (index < 0)
            {
                return 0;
            }

            byte[] buffer = request.Buffer;
            int start = request.ValueStart(index);
            int end = start + request.ValueLength(index);
            ulong hash = 14695981039346656037UL;
            for (int i = start; i < end; i++)
            {
                hash = (hash ^ buffer[i]) * 1099511628211UL;
            }

            return hash == 0 ? 1 : (long)hash;
        }

        // Writes the presence byte, the normalised combined value of the request's fields of that name, and the end byte.
        private static void WriteValue(HeaderFields request, byte[] name, int nameStart, int nameLength, HeaderBlockWriter output)
        {
            int presence = output.Length;
            output.AppendByte(Absent);
            if (VaryNormalization.IsNormalized(name, nameStart, nameLength))
            {
                if (VaryNormalization.WriteSorted(request, name, nameStart, nameLength, output))
                {
                    output.Buffer[presence] = Present;
                }

                output.AppendByte(EndOfText);
                return;
            }

            if (FieldMembers.NextLine(request, name, nameStart, nameLength, 0) >= 0)
            {
                output.Buffer[presence] = Present;
            }

            bool wroteMember = false;
            int field = -1;
            int position = 0;
            int end = 0;
            int memberStart;
            int memberLength;
            while (FieldMembers.Next(request, name, nameStart, nameLength, ref field, ref position, ref end, out memberStart, out memberLength))
            {
                if (wroteMember)
                {
                    output.AppendByte(',');
                }

                wroteMember = true;
                AppendCollapsed(request.Buffer, memberStart, memberLength, output);
            }

            output.AppendByte(EndOfText);
        }

        // True when the request's normalised value of the named fields equals captured[presence, end): the presence byte,
        // then the members as WriteValue writes them, compared as they are read.
        private static bool ValueMatches(HeaderFields request, byte[] captured, int nameStart, int nameLength, int presence, int end)
        {
            if (VaryNormalization.IsNormalized(captured, nameStart, nameLength))
            {
                bool found;
                bool same = VaryNormalization.Matches(request, captured, nameStart, nameLength, captured, presence + 1, end, out found);
                return same && captured[presence] == (found ? Present : Absent);
            }

            bool present = FieldMembers.NextLine(request, captured, nameStart, nameLength, 0) >= 0;
            bool wroteMember = false;
            int p = presence + 1;
            byte[] buffer = request.Buffer;
            int field = -1;
            int position = 0;
            int valueEnd = 0;
            int memberStart;
            int memberLength;
            while (FieldMembers.Next(request, captured, nameStart, nameLength, ref field, ref position, ref valueEnd, out memberStart, out memberLength))
            {
                if (wroteMember)
                {
                    if (p >= end || captured[p] != ',')
                    {
                        return false;
                    }

                    p++;
                }

                wroteMember = true;
                int k = memberStart;
                int memberEnd = memberStart + memberLength;
                while (k < memberEnd)
                {
                    int c = buffer[k];
                    if (Ascii.IsWhitespace(c))
                    {
                        c = ' ';
                        k = Ascii.SkipWhitespace(buffer, k, memberEnd);
                    }
                    else
                    {
                        k++;
                    }

                    if (p >= end || captured[p] != c)
                    {
                        return false;
                    }

                    p++;
                }
            }

            return p == end && captured[presence] == (present ? Present : Absent);
        }

        // A member with each run of inner whitespace written as one space (its ends are already trimmed).
        private static void AppendCollapsed(byte[] buffer, int start, int length, HeaderBlockWriter output)
        {
            int end = start + length;
            int run = start;
            for (int i = start; i < end; i++)
            {
                if (!Ascii.IsWhitespace(buffer[i]))
                {
                    continue;
                }

                output.AppendBytes(buffer, run, i - run);
                output.AppendByte(' ');
                i = Ascii.SkipWhitespace(buffer, i, end) - 1;
                run = i + 1;
            }

            output.AppendBytes(buffer, run, end - run);
        }

        private static void ToLower(byte[] buffer, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                buffer[i] = (byte)Ascii.ToLower(buffer[i]);
            }
        }

        private static int IndexOfEnd(byte[] captured, int from)
        {
            return ByteSearch.Nul(captured, from, captured.Length);
        }
    }
}
