// HeaderFields: a header block split into its field lines, as positions into the caller's bytes.
// Interpreter cost per line: three native searches (LF, CR, colon; ~1 µs together) and, for a known name, one
// switch and a compare of its bytes; a per-byte loop only over unknown names (the token check). Per block: one
// native NUL search. No strings, no structs; the position table is allocated once, for the most fields accepted.
using System;

namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Parses an HTTP/1.1 header block (RFC 9112 5): field lines ending in CRLF (a bare LF is accepted, RFC 9112 2.2),
    /// up to and including the empty line, and keeps each field as positions into the parsed bytes: the known name
    /// (<see cref="HeaderName"/>, found once here), the name, and the value without surrounding whitespace. Reuse one
    /// instance per message source: parsing never allocates. The table takes 16 bytes per field it can hold
    /// (<see cref="MaxFields"/>), allocated by the constructor.
    /// </summary>
    /// <remarks>
    /// <para>Invariants after a <see cref="HeaderBlockStatus.Complete"/> parse: <see cref="Count"/> fields, each with a
    /// non-empty token name and a value range that lies inside <see cref="Buffer"/>; the positions stay valid until the
    /// next <see cref="Parse(byte[], int, int)"/> or <see cref="Reset"/>, and only while the caller leaves the bytes as
    /// they are. After any other status <see cref="Count"/> is 0: nothing of an invalid or incomplete block is kept.</para>
    /// <para>Rejected as <see cref="HeaderBlockStatus.Invalid"/>: an empty field name, a name holding anything but token
    /// characters (whitespace before the colon included, RFC 9112 5.1), a line without a colon, a NUL or a bare CR
    /// anywhere, and a block that starts with a fold. An obsolete line fold (a line starting with SP or HTAB,
    /// RFC 9112 5.2) continues the previous value: its range then spans the fold (<see cref="IsFolded"/>), and every value
    /// parser here reads CR and LF as whitespace, which has the effect RFC 9112 5.2 asks of a user agent (each fold
    /// replaced by spaces); <see cref="HeaderBlockWriter"/> writes them as spaces.</para>
    /// <para>NUL on the device: a nanoFramework string ends at its first NUL, so text parsed from a string there never
    /// holds one (a value that had one arrives cut short). A NUL from the network arrives as bytes, and byte input
    /// rejects it on both platforms.</para>
    /// <para>Not thread-safe.</para>
    /// </remarks>
    public sealed class HeaderFields
    {
        private const int Fields = 4;
        private const int InitialFields = 16;
        private const int NameStartSlot = 0;
        private const int NameSlot = 1;
        private const int ValueStartSlot = 2;
        private const int ValueLengthSlot = 3;
        private const int MaxNameLength = 0xFFFFFF;

        private readonly int _maxFields;

        // Four ints per field: name start, name length << 8 | known name, value start, value length (negative: a fold).
        // Sized for InitialFields and grown up to the maximum when a block has more: a device's responses have about ten
        // fields, and a table sized for 100 would hold 1.6 KB of heap for nothing.
        private int[] _table;
        private byte[] _buffer;
        private byte[] _ownBuffer;
        private int _count;
        private int _consumed;

        /// <summary>Creates an empty field table that accepts blocks of at most <paramref name="maxFields"/> field lines.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFields"/> is below 1.</exception>
        public HeaderFields(int maxFields)
        {
            if (maxFields < 1)
            {
                throw new ArgumentOutOfRangeException("maxFields");
            }

            _maxFields = maxFields;
            _table = new int[Fields * (maxFields < InitialFields ? maxFields : InitialFields)];
        }

        /// <summary>The fields of a whole header block (one the cache wrote, or any complete one) in a new table sized to its lines. Allocates.</summary>
        public static HeaderFields Of(byte[] block)
        {
            HeaderFields fields = new HeaderFields(LineCount(block, 0, block.Length));
            fields.Parse(block, 0, block.Length);
            return fields;
        }

        /// <summary>The number of LF bytes in the range, at least 1: an upper bound of the field lines a block there can hold.</summary>
        public static int LineCount(byte[] buffer, int start, int length)
        {
            int count = 0;
            int end = start + length;
            for (int lf = ByteSearch.LineFeed(buffer, start, end); lf >= 0; lf = ByteSearch.LineFeed(buffer, lf + 1, end))
            {
                count++;
            }

            return count < 1 ? 1 : count;
        }

        /// <summary>The most field lines a block may have (<see cref="HeaderBlockStatus.TooManyFields"/> beyond).</summary>
        public int MaxFields
        {
            get { return _maxFields; }
        }

        /// <summary>The bytes the positions point into (the last parsed input), or null before the first parse.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Number of fields of the last complete block (a folded field counts once).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Bytes of the last complete block, its final empty line included; 0 unless it was complete.</summary>
        public int Consumed
        {
            get { return _consumed; }
        }

        /// <summary>Forgets the fields (the tables are kept).</summary>
        public void Reset()
        {
            _count = 0;
            _consumed = 0;
        }

        /// <summary>The known name of field <paramref name="index"/> (<see cref="HeaderName.Unknown"/> for any other).</summary>
        public HeaderName Name(int index)
        {
            return (HeaderName)(_table[index * Fields + NameSlot] & 0xFF);
        }

        /// <summary>The position of the name of field <paramref name="index"/> in <see cref="Buffer"/>.</summary>
        public int NameStart(int index)
        {
            return _table[index * Fields + NameStartSlot];
        }

        /// <summary>The length of the name of field <paramref name="index"/>.</summary>
        public int NameLength(int index)
        {
            return _table[index * Fields + NameSlot] >> 8;
        }

        /// <summary>The position of the value of field <paramref name="index"/> in <see cref="Buffer"/>.</summary>
        public int ValueStart(int index)
        {
            return _table[index * Fields + ValueStartSlot];
        }

        /// <summary>The length of the value of field <paramref name="index"/> (0 for an empty value).</summary>
        public int ValueLength(int index)
        {
            int length = _table[index * Fields + ValueLengthSlot];
            return length < 0 ? -length - 1 : length;
        }

        /// <summary>True when the value of field <paramref name="index"/> spans an obsolete line fold (it holds CR LF).</summary>
        public bool IsFolded(int index)
        {
            return _table[index * Fields + ValueLengthSlot] < 0;
        }

        /// <summary>The first field at or after <paramref name="from"/> named <paramref name="name"/> (a known name), or -1.</summary>
        public int IndexOf(HeaderName name, int from)
        {
            int[] table = _table;
            for (int i = from; i < _count; i++)
            {
                if ((table[i * Fields + NameSlot] & 0xFF) == (int)name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The first field named <paramref name="name"/> (a known name), or -1.</summary>
        public int IndexOf(HeaderName name)
        {
            return IndexOf(name, 0);
        }

        /// <summary>The first field at or after <paramref name="from"/> with the same name (any letter case) as field <paramref name="index"/> of <paramref name="other"/>, or -1.</summary>
        public int IndexOfNameOf(HeaderFields other, int index, int from)
        {
            HeaderName known = other.Name(index);
            if (known != HeaderName.Unknown)
            {
                return IndexOf(known, from);
            }

            byte[] otherBuffer = other._buffer;
            int start = other.NameStart(index);
            int length = other.NameLength(index);
            for (int i = from; i < _count; i++)
            {
                if (Name(i) == HeaderName.Unknown && NameLength(i) == length && Ascii.EqualsIgnoreCase(_buffer, NameStart(i), otherBuffer, start, length))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True when the values of field <paramref name="index"/> and field <paramref name="otherIndex"/> of <paramref name="other"/> are the same bytes.</summary>
        public bool ValueEquals(int index, HeaderFields other, int otherIndex)
        {
            int length = ValueLength(index);
            return length == other.ValueLength(otherIndex) && Ascii.SequenceEquals(_buffer, ValueStart(index), other._buffer, other.ValueStart(otherIndex), length);
        }

        /// <summary>The name of field <paramref name="index"/> as a string (the canonical spelling of a known name). Allocates for unknown names.</summary>
        public string NameToString(int index)
        {
            HeaderName known = Name(index);
            return known == HeaderName.Unknown ? TextBytes.ToString(_buffer, NameStart(index), NameLength(index)) : KnownHeaders.GetName(known);
        }

        /// <summary>The name of field <paramref name="index"/> as it was received. Allocates.</summary>
        public string ReceivedNameToString(int index)
        {
            return TextBytes.ToString(_buffer, NameStart(index), NameLength(index));
        }

        /// <summary>The value of field <paramref name="index"/> as a string, each fold turned into spaces. Allocates.</summary>
        public string ValueToString(int index)
        {
            int length = ValueLength(index);
            if (!IsFolded(index))
            {
                return TextBytes.ToString(_buffer, ValueStart(index), length);
            }

            byte[] unfolded = new byte[length];
            Array.Copy(_buffer, ValueStart(index), unfolded, 0, length);
            HeaderBlockWriter.Unfold(unfolded, 0, length);
            return TextBytes.ToString(unfolded, 0, length);
        }

        /// <summary>
        /// Parses the header block that starts at <paramref name="start"/> (its first field line; the status or request line
        /// already removed). Incomplete input is not an error: <see cref="HeaderBlockStatus.Incomplete"/> asks for more bytes.
        /// </summary>
        /// <param name="buffer">The bytes; kept by reference as <see cref="Buffer"/>.</param>
        /// <param name="start">The first byte of the block.</param>
        /// <param name="length">Bytes available from <paramref name="start"/> (the block may be followed by a body).</param>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie within <paramref name="buffer"/>.</exception>
        public HeaderBlockStatus Parse(byte[] buffer, int start, int length)
        {
            if (buffer == null || start < 0 || length < 0 || start > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            _buffer = buffer;
            _count = 0;
            _consumed = 0;
            HeaderBlockStatus status = Scan(buffer, start, start + length);
            if (status != HeaderBlockStatus.Complete)
            {
                _count = 0;
                _consumed = 0;
            }

            return status;
        }

        /// <summary>Parses a header block held in a string (converted to bytes as <see cref="TextBytes"/> says: one allocation).</summary>
        public HeaderBlockStatus Parse(string block)
        {
            int size = TextBytes.MaxByteCount(block);
            if (_ownBuffer == null || _ownBuffer.Length < size)
            {
                _ownBuffer = new byte[size];
            }

            return Parse(_ownBuffer, 0, TextBytes.Write(block, _ownBuffer, 0));
        }

        private HeaderBlockStatus Scan(byte[] buffer, int start, int end)
        {
            int position = start;
            while (position < end)
            {
                int lf = ByteSearch.LineFeed(buffer, position, end);
                if (lf < 0)
                {
                    return HeaderBlockStatus.Incomplete;
                }

                // The only CR a line may hold is the one right before its LF.
                int cr = ByteSearch.CarriageReturn(buffer, position, lf);
                if (cr >= 0 && cr != lf - 1)
                {
                    return HeaderBlockStatus.Invalid;
                }

                int lineEnd = cr >= 0 ? cr : lf;
                if (lineEnd == position)
                {
                    _consumed = lf + 1 - start;
                    return ByteSearch.Nul(buffer, start, lf) >= 0 ? HeaderBlockStatus.Invalid : HeaderBlockStatus.Complete;
                }

                int first = buffer[position];
                if (first == Ascii.Space || first == Ascii.Tab)
                {
                    if (_count == 0)
                    {
                        return HeaderBlockStatus.Invalid;
                    }

                    ExtendLast(buffer, lineEnd);
                }
                else
                {
                    if (_count * Fields == _table.Length)
                    {
                        if (_count == _maxFields)
                        {
                            return HeaderBlockStatus.TooManyFields;
                        }

                        Grow();
                    }

                    if (!AddField(buffer, position, lineEnd))
                    {
                        return HeaderBlockStatus.Invalid;
                    }
                }

                position = lf + 1;
            }

            return HeaderBlockStatus.Incomplete;
        }

        // Doubles the table, up to the maximum: once per client for a larger block, kept for the next ones.
        private void Grow()
        {
            int fields = _table.Length / Fields * 2;
            int[] grown = new int[Fields * (fields < _maxFields ? fields : _maxFields)];
            Array.Copy(_table, grown, _table.Length);
            _table = grown;
        }

        // One "name: value" line in [start, lineEnd); false when it breaks the grammar.
        private bool AddField(byte[] buffer, int start, int lineEnd)
        {
            int colon = ByteSearch.Colon(buffer, start, lineEnd);
            int nameLength = colon - start;
            if (nameLength <= 0 || nameLength > MaxNameLength)
            {
                return false;
            }

            // A known name is a token by construction; any other is checked byte by byte (RFC 9112 5.1).
            HeaderName known = KnownHeaders.Find(buffer, start, nameLength);
            if (known == HeaderName.Unknown && !Ascii.IsToken(buffer, start, nameLength))
            {
                return false;
            }

            int valueStart = colon + 1;
            while (valueStart < lineEnd && (buffer[valueStart] == Ascii.Space || buffer[valueStart] == Ascii.Tab))
            {
                valueStart++;
            }

            int valueEnd = lineEnd;
            while (valueEnd > valueStart && (buffer[valueEnd - 1] == Ascii.Space || buffer[valueEnd - 1] == Ascii.Tab))
            {
                valueEnd--;
            }

            int at = _count * Fields;
            int[] table = _table;
            table[at + NameStartSlot] = start;
            table[at + NameSlot] = (nameLength << 8) | (int)known;
            table[at + ValueStartSlot] = valueStart;
            table[at + ValueLengthSlot] = valueEnd - valueStart;
            _count++;
            return true;
        }

        // A continuation line (obs-fold): the previous value now runs to this line's end, trailing whitespace removed.
        private void ExtendLast(byte[] buffer, int lineEnd)
        {
            int at = (_count - 1) * Fields;
            int valueStart = Ascii.SkipWhitespace(buffer, _table[at + ValueStartSlot], lineEnd);
            int valueEnd = Ascii.TrimEnd(buffer, valueStart, lineEnd);
            _table[at + ValueStartSlot] = valueStart;

            // A value that now spans a line break is stored negated (minus one) to mark the fold; ValueLength undoes it.
            int length = valueEnd - valueStart;
            _table[at + ValueLengthSlot] = ByteSearch.LineFeed(buffer, valueStart, valueEnd) >= 0 ? -length - 1 : length;
        }
    }
}
