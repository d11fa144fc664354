// FieldMembers: the list members of every line of one field name in a parsed block, walked as one list (RFC 9110 5.3).
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Walks the members of all the field lines named like <c>name[nameStart, +nameLength)</c> (any letter case), in
    /// order, as if combined into one list. State is three ints the caller keeps (start <c>field</c> at -1): no
    /// allocation, no struct.
    /// </summary>
    public static class FieldMembers
    {
        /// <summary>The index of the first line at or after <paramref name="from"/> with that name, or -1.</summary>
        public static int NextLine(HeaderFields fields, byte[] name, int nameStart, int nameLength, int from)
        {
            byte[] buffer = fields.Buffer;
            for (int i = from; i < fields.Count; i++)
            {
                if (fields.NameLength(i) == nameLength && Ascii.EqualsIgnoreCase(buffer, fields.NameStart(i), name, nameStart, nameLength))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Reads the next member (trimmed, non-empty) of those lines; false when none remain.</summary>
        public static bool Next(HeaderFields fields, byte[] name, int nameStart, int nameLength, ref int field, ref int position, ref int end, out int memberStart, out int memberLength)
        {
            while (true)
            {
                if (field >= 0 && HeaderList.Next(fields.Buffer, ref position, end, out memberStart, out memberLength))
                {
                    return true;
                }

                field = NextLine(fields, name, nameStart, nameLength, field + 1);
                if (field < 0)
                {
                    memberStart = 0;
                    memberLength = 0;
                    return false;
                }

                position = fields.ValueStart(field);
                end = position + fields.ValueLength(field);
            }
        }
    }
}
