// RecordBuffer: little-endian encoding and bounds-checked decoding of flash record fields.
using System;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// Writes or reads the fields of a flash record in a byte array, little-endian. Reading never goes past
    /// the array: a field that does not fit makes <see cref="Failed"/> true and yields a default value.
    /// </summary>
    internal sealed class RecordBuffer
    {
        private byte[] _bytes;
        private int _position;
        private readonly int _end;

        /// <summary>A buffer to write into, growing as needed.</summary>
        public RecordBuffer(int capacity)
        {
            _bytes = new byte[capacity];
            _end = int.MaxValue;
        }

        /// <summary>A reader over [offset, offset + count) of <paramref name="bytes"/>.</summary>
        public RecordBuffer(byte[] bytes, int offset, int count)
        {
            _bytes = bytes;
            _position = offset;
            _end = offset + count;
        }

        public byte[] Bytes
        {
            get { return _bytes; }
        }

        public int Position
        {
            get { return _position; }
        }

        public bool Failed { get; private set; }

        public bool AtEnd
        {
            get { return _position == _end; }
        }

        public void WriteByte(int value)
        {
            Ensure(1);
            _bytes[_position++] = (byte)value;
        }

        public void WriteInt32(int value)
        {
            Ensure(4);
            for (int i = 0; i < 4; i++)
            {
                _bytes[_position++] = (byte)(value >> (8 * i));
            }
        }

        public void WriteInt64(long value)
        {
            Ensure(8);
            for (int i = 0; i < 8; i++)
            {
                _bytes[_position++] = (byte)(value >> (8 * i));
            }
        }

        /// <summary>Writes a length (-1 for null) and UTF-16 code units.</summary>
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteInt32(-1);
                return;
            }

            WriteInt32(value.Length);
            Ensure(value.Length * 2);
            for (int i = 0; i < value.Length; i++)
            {
                _bytes[_position++] = (byte)value[i];
                _bytes[_position++] = (byte)(value[i] >> 8);
            }
        }

        /// <summary>Writes a length (-1 for null) and the bytes.</summary>
        public void WriteBytes(byte[] value)
        {
            if (value == null)
            {
                WriteInt32(-1);
                return;
            }

            WriteInt32(value.Length);
            Ensure(value.Length);
            Array.Copy(value, 0, _bytes, _position, value.Length);
            _position += value.Length;
        }

        public int ReadByte()
        {
            if (!Has(1))
            {
                return 0;
            }

            return _bytes[_position++];
        }

        public int ReadInt32()
        {
            if (!Has(4))
            {
                return 0;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                value |= _bytes[_position++] << (8 * i);
            }

            return value;
        }

        public long ReadInt64()
        {
            if (!Has(8))
            {
                return 0;
            }

            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value |= (long)_bytes[_position++] << (8 * i);
            }

            return value;
        }

        public string ReadString()
        {
            int length = ReadInt32();
            if (length == -1 || Failed)
            {
                return null;
            }

            if (length < 0 || !Has((long)length * 2))
            {
                Failed = true;
                return null;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)(_bytes[_position] | (_bytes[_position + 1] << 8));
                _position += 2;
            }

            return new string(chars);
        }

        public byte[] ReadBytes()
        {
            int length = ReadInt32();
            if (length == -1 || Failed)
            {
                return null;
            }

            if (length < 0 || !Has(length))
            {
                Failed = true;
                return null;
            }

            byte[] value = new byte[length];
            Array.Copy(_bytes, _position, value, 0, length);
            _position += length;
            return value;
        }

        private bool Has(long count)
        {
            if (Failed || _end - _position < count)
            {
                Failed = true;
                return false;
            }

            return true;
        }

        private void Ensure(int count)
        {
            if (_position + count <= _bytes.Length)
            {
                return;
            }

            int size = _bytes.Length * 2;
            while (size < _position + count)
            {
                size *= 2;
            }

            byte[] grown = new byte[size];
            Array.Copy(_bytes, grown, _position);
            _bytes = grown;
        }
    }
}
