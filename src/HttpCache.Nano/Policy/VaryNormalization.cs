// VaryNormalization: request fields whose values are compared in a normal form when selecting a variant (RFC 9111 4.1).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// The one field normalised beyond the list rules of <see cref="Variance"/>: <c>Accept-Language</c>, whose language
    /// ranges are case-insensitive (RFC 4647) and whose members carry their own weights, so letter case, whitespace
    /// inside a member (<c>en-US ; q=0.8</c>) and the order of the members do not make another variant. Every other
    /// field keeps its letter case and order: a miss is always safe, a false match never is.
    /// </summary>
    public static class VaryNormalization
    {
        private static readonly byte[] s_acceptLanguage = Ascii.LowerBytes("accept-language");

        /// <summary>True when the (lower-case) field name at <paramref name="start"/> is one this class normalises.</summary>
        public static bool IsNormalized(byte[] name, int start, int length)
        {
            return length == s_acceptLanguage.Length && Ascii.SequenceEquals(name, start, s_acceptLanguage, 0, length);
        }

        /// <summary>
        /// Writes the members of every <paramref name="request"/> field named like <c>name[nameStart, +nameLength)</c>,
        /// each lower-cased without whitespace, sorted byte-wise and joined by commas; true when such a field exists.
        /// </summary>
        public static bool WriteSorted(HeaderFields request, byte[] name, int nameStart, int nameLength, HeaderBlockWriter output)
        {
            HeaderBlockWriter members = new HeaderBlockWriter(64);
            int[] starts = new int[8];
            int[] lengths = new int[8];
            int count = 0;
            byte[] buffer = request.Buffer;
            bool present = FieldMembers.NextLine(request, name, nameStart, nameLength, 0) >= 0;
            int field = -1;
            int position = 0;
            int end = 0;
            int memberStart;
            int memberLength;
            while (FieldMembers.Next(request, name, nameStart, nameLength, ref field, ref position, ref end, out memberStart, out memberLength))
            {
                if (count == starts.Length)
                {
                    starts = Grow(starts);
                    lengths = Grow(lengths);
                }

                starts[count] = members.Length;
                for (int k = memberStart; k < memberStart + memberLength; k++)
                {
                    if (!Ascii.IsWhitespace(buffer[k]))
                    {
                        members.AppendByte(Ascii.ToLower(buffer[k]));
                    }
                }

                lengths[count] = members.Length - starts[count];
                Insert(members.Buffer, starts, lengths, count);
                count++;
            }

            for (int m = 0; m < count; m++)
            {
                if (m > 0)
                {
                    output.AppendByte(',');
                }

                output.AppendBytes(members.Buffer, starts[m], lengths[m]);
            }

            return present;
        }

        /// <summary>
        /// True when the request's members of the named fields, normalised, are those written at
        /// <c>captured[start, end)</c> by <see cref="WriteSorted"/> (compared as sets of equal size, in any order), and
        /// <paramref name="present"/> says whether such a field exists. Does not allocate: a fresh hit stays free.
        /// </summary>
        public static bool Matches(HeaderFields request, byte[] name, int nameStart, int nameLength, byte[] captured, int start, int end, out bool present)
        {
            present = FieldMembers.NextLine(request, name, nameStart, nameLength, 0) >= 0;
            int requestMembers = 0;
            int field = -1;
            int position = 0;
            int valueEnd = 0;
            int memberStart;
            int memberLength;
            while (FieldMembers.Next(request, name, nameStart, nameLength, ref field, ref position, ref valueEnd, out memberStart, out memberLength))
            {
                requestMembers++;
                if (!Contains(captured, start, end, request.Buffer, memberStart, memberLength))
                {
                    return false;
                }
            }

            int capturedMembers = 0;
            for (int p = start; p < end; p++)
            {
                if (p == start || captured[p] == ',')
                {
                    capturedMembers++;
                }
            }

            return requestMembers == capturedMembers;
        }

        // True when one comma-separated member of captured[start, end) equals the request member, lower-cased without whitespace.
        private static bool Contains(byte[] captured, int start, int end, byte[] member, int memberStart, int memberLength)
        {
            int memberEnd = memberStart + memberLength;
            int p = start;
            while (p < end)
            {
                int k = memberStart;
                int q = p;
                bool equal = true;
                while (q < end && captured[q] != ',')
                {
                    k = SkipWhitespace(member, k, memberEnd);
                    if (k >= memberEnd || Ascii.ToLower(member[k]) != captured[q])
                    {
                        equal = false;
                    }

                    k++;
                    q++;
                }

                if (equal && SkipWhitespace(member, k, memberEnd) >= memberEnd)
                {
                    return true;
                }

                p = q + 1;
            }

            return false;
        }

        private static int SkipWhitespace(byte[] buffer, int index, int end)
        {
            while (index < end && Ascii.IsWhitespace(buffer[index]))
            {
                index++;
            }

            return index;
        }

        // Moves the member just added at index last to its sorted place among the ones before it (an insertion sort: a
        // request names a handful of languages).
        private static void Insert(byte[] bytes, int[] starts, int[] lengths, int last)
        {
            for (int j = last; j > 0 && Compare(bytes, starts[j - 1], lengths[j - 1], starts[j], lengths[j]) > 0; j--)
            {
                int start = starts[j];
                int length = lengths[j];
                starts[j] = starts[j - 1];
                lengths[j] = lengths[j - 1];
                starts[j - 1] = start;
                lengths[j - 1] = length;
            }
        }

        private static int Compare(byte[] bytes, int aStart, int aLength, int bStart, int bLength)
        {
            int shorter = aLength < bLength ? aLength : bLength;
            for (int i = 0; i < shorter; i++)
            {
                int difference = bytes[aStart + i] - bytes[bStart + i];
                if (difference != 0)
                {
                    return difference;
                }
            }

            return aLength - bLength;
        }

        private static int[] Grow(int[] array)
        {
            int[] grown = new int[array.Length * 2];
            System.Array.Copy(array, grown, array.Length);
            return grown;
        }
    }
}
