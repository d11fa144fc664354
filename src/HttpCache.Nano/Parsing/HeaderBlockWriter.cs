// HeaderBlockWriter: builds a header block ("Name: value\r\n" lines and the final empty line) as Latin-1 bytes.
using System;

namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Builds a header block in a growing byte buffer: the form the cache stores, the transports hand over
    /// and <see cref="HeaderParser"/> reads. Reuse one writer with <see cref="Clear"/> to avoid garbage.
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

        /// <summary>Appends <c>name: value\r\n</c>.</summary>
        public void Append(TextSlice name, TextSlice value)
        {
            Ensure(name.Length + value.Length + 4);
            name.CopyTo(_buffer, _length);
            _length += name.Length;
            _buffer[_length++] = (byte)':';
            _buffer[_length++] = (byte)' ';
            value.CopyTo(_buffer, _length);

            // A value spanning an obsolete fold keeps its meaning with the line breaks turned into spaces (RFC 9112 5.2).
            for (int i = _length; i < _length + value.Length; i++)
            {
                if (_buffer[i] == Ascii.CarriageReturn || _buffer[i] == Ascii.LineFeed)
                {
                    _buffer[i] = (byte)' ';
                }
            }

            _length += value.Length;
            _buffer[_length++] = (byte)'\r';
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>Appends <c>name: value\r\n</c> from strings.</summary>
        public void Append(string name, string value)
        {
            Append(TextSlice.Of(name), TextSlice.Of(value));
        }

        /// <summary>Appends <c>name: N\r\n</c> for a non-negative number without allocating.</summary>
        public void Append(string name, long number)
        {
            TextSlice n = TextSlice.Of(name);
            Ensure(n.Length + 24);
            n.CopyTo(_buffer, _length);
            _length += n.Length;
            _buffer[_length++] = (byte)':';
            _buffer[_length++] = (byte)' ';
            _length += WriteNumber(number, _buffer, _length);
            _buffer[_length++] = (byte)'\r';
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>Appends a string as Latin-1 bytes (characters above 255 become '?').</summary>
        public void AppendText(string text)
        {
            TextSlice slice = TextSlice.Of(text);
            Ensure(slice.Length);
            slice.CopyTo(_buffer, _length);
            _length += slice.Length;
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
