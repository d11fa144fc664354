// HeaderBlockWriter: builds a header block ("Name: value\r\n" lines and the final empty line) as bytes.
// Interpreter cost: bytes are moved with the native Array.Copy and strings converted with TextBytes (one native call
// on the device); the buffer is reused across blocks and grows by doubling.
using System;

namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Builds a header block in a growing byte buffer: the form the cache stores, the transports hand over and
    /// <see cref="HeaderFields"/> reads. Reuse one writer with <see cref="Clear"/> to avoid garbage.
    /// </summary>
    public sealed class HeaderBlockWriter
    {
        private byte[] _buffer;
        private int _length;

        /// <summary>Creates a writer with an initial capacity in bytes.</summary>
        public HeaderBlockWriter(int capacity)
        {
            _buffer = new byte[capacity < 16 ? 16 : capacity];
        }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The buffer; bytes [0, <see cref="Length"/>) are the block.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Forgets the content, keeping the buffer.</summary>
        public void Clear()
        {
            _length = 0;
        }

        /// <summary>Appends <c>name: value\r\n</c> from two ranges of <paramref name="source"/>; a value spanning an obsolete fold is written with its line breaks as spaces (RFC 9112 5.2).</summary>
        public void Append(byte[] source, int nameStart, int nameLength, int valueStart, int valueLength)
        {
            Ensure(nameLength + valueLength + 4);
            Array.Copy(source, nameStart, _buffer, _length, nameLength);
            _length += nameLength;
            _buffer[_length++] = (byte)':';
            _buffer[_length++] = (byte)' ';
            Array.Copy(source, valueStart, _buffer, _length, valueLength);
            if (ByteSearch.LineFeed(_buffer, _length, _length + valueLength) >= 0)
            {
                Unfold(_buffer, _length, valueLength);
            }

            _length += valueLength;
            _buffer[_length++] = (byte)'\r';
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>Appends field <paramref name="index"/> of <paramref name="fields"/>, its name as received.</summary>
        public void Append(HeaderFields fields, int index)
        {
            Append(fields.Buffer, fields.NameStart(index), fields.NameLength(index), fields.ValueStart(index), fields.ValueLength(index));
        }

        /// <summary>Appends <c>name: value\r\n</c> with the value taken from a range of <paramref name="source"/>.</summary>
        public void Append(string name, byte[] source, int valueStart, int valueLength)
        {
            AppendText(name);
            Ensure(valueLength + 4);
            _buffer[_length++] = (byte)':';
            _buffer[_length++] = (byte)' ';
            Array.Copy(source, valueStart, _buffer, _length, valueLength);
            _length += valueLength;
            _buffer[_length++] = (byte)'\r';
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>Appends <c>name: value\r\n</c> from strings (converted as <see cref="TextBytes"/> says).</summary>
        public void Append(string name, string value)
        {
            AppendText(name);
            AppendByte(':');
            AppendByte(' ');
            AppendText(value);
            AppendByte('\r');
            AppendByte('\n');
        }

        /// <summary>Appends <c>name: N\r\n</c> for a non-negative number without allocating.</summary>
        public void Append(string name, long number)
        {
            AppendText(name);
            Ensure(24);
            _buffer[_length++] = (byte)':';
            _buffer[_length++] = (byte)' ';
            _length += WriteNumber(number, _buffer, _length);
            _buffer[_length++] = (byte)'\r';
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>Appends a string's bytes (as <see cref="TextBytes"/> converts them).</summary>
        public void AppendText(string text)
        {
            Ensure(TextBytes.MaxByteCount(text));
            _length += TextBytes.Write(text, _buffer, _length);
        }

        /// <summary>Appends a range of bytes.</summary>
        public void AppendBytes(byte[] source, int start, int length)
        {
            Ensure(length);
            Array.Copy(source, start, _buffer, _length, length);
            _length += length;
        }

        /// <summary>Appends a non-negative decimal number.</summary>
        public void AppendNumber(long number)
        {
            Ensure(20);
            _length += WriteNumber(number, _buffer, _length);
        }

        /// <summary>Appends one raw byte.</summary>
        public void AppendByte(int value)
        {
            Ensure(1);
            _buffer[_length++] = (byte)value;
        }

        /// <summary>Appends the empty line that ends a block.</summary>
        public void End()
        {
            Ensure(2);
            _buffer[_length++] = (byte)'\r';
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>A new array holding exactly the bytes written.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_buffer, copy, _length);
            return copy;
        }

        /// <summary>Writes a non-negative decimal number; returns the digits written.</summary>
        public static int WriteNumber(long number, byte[] buffer, int offset)
        {
            if (number < 0)
            {
                number = 0;
            }

            int digits = 1;
            for (long n = number; n >= 10; n /= 10)
            {
                digits++;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)('0' + number % 10);
                number /= 10;
            }

            return digits;
        }

        /// <summary>Turns every CR and LF of the range into a space: an obsolete fold read as RFC 9112 5.2 asks.</summary>
        public static void Unfold(byte[] buffer, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (buffer[i] == Ascii.CarriageReturn || buffer[i] == Ascii.LineFeed)
                {
                    buffer[i] = (byte)' ';
                }
            }
        }

        private void Ensure(int extra)
        {
            if (_length + extra <= _buffer.Length)
            {
                return;
            }

            int size = _buffer.Length * 2;
            while (size < _length + extra)
            {
                size *= 2;
            }

            byte[] grown = new byte[size];
            Array.Copy(_buffer, grown, _length);
            _buffer = grown;
        }
    }
}
