// TextSlice: a read-only view of Latin-1 header text held in a string or a byte array.
// Every parser in this folder reads through it, so each rule is written once for both inputs.
using System;

namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// A read-only window (start, length) over header text that lives either in a <see cref="string"/>
    /// (what nanoFramework's <c>HttpWebResponse</c> hands out) or in a <see cref="byte"/> array of
    /// ASCII/Latin-1 bytes (what a socket or a stored entry gives). Creating, slicing and reading a
    /// slice never allocates; only <see cref="ToString"/> creates a string.
    /// </summary>
    /// <remarks>
    /// Invariant: <c>0 &lt;= Start</c> and <c>Start + Length</c> lies within the source, checked once by the
    /// public constructors. Indexes passed to <see cref="this[int]"/> are relative to the slice; parsers
    /// in this library only read indexes in <c>[0, Length)</c>.
    /// </remarks>
    public readonly struct TextSlice
    {
        private readonly string _text;
        private readonly byte[] _bytes;
        private readonly int _start;
        private readonly int _length;

        /// <summary>Creates a slice over <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie within <paramref name="text"/>.</exception>
        public TextSlice(string text, int start, int length)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            if (start < 0 || length < 0 || start > text.Length - length)
            {
                throw new ArgumentOutOfRangeException("start");
            }

            _text = text;
            _bytes = null;
            _start = start;
            _length = length;
        }

        /// <summary>Creates a slice over <paramref name="count"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie within <paramref name="bytes"/>.</exception>
        public TextSlice(byte[] bytes, int offset, int count)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException("bytes");
            }

            if (offset < 0 || count < 0 || offset > bytes.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            _text = null;
            _bytes = bytes;
            _start = offset;
            _length = count;
        }

        // Unchecked: callers (Slice) guarantee the range.
        private TextSlice(string text, byte[] bytes, int start, int length)
        {
            _text = text;
            _bytes = bytes;
            _start = start;
            _length = length;
        }

        /// <summary>A slice over the whole string; an empty slice when <paramref name="text"/> is null.</summary>
        public static TextSlice Of(string text)
        {
            return text == null ? new TextSlice(string.Empty, 0, 0) : new TextSlice(text, 0, text.Length);
        }

        /// <summary>A slice over the whole byte array.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
        public static TextSlice Of(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException("bytes");
            }

            return new TextSlice(bytes, 0, bytes.Length);
        }

        /// <summary>Number of characters (bytes) in the slice.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when the slice has no characters (including a default-constructed slice).</summary>
        public bool IsEmpty
        {
            get { return _length == 0; }
        }

        /// <summary>Position of the slice in its source string or array.</summary>
        public int Start
        {
            get { return _start; }
        }

        /// <summary>The source string, or null when the slice is over bytes.</summary>
        public string SourceText
        {
            get { return _text; }
        }

        /// <summary>The source byte array, or null when the slice is over a string.</summary>
        public byte[] SourceBytes
        {
            get { return _bytes; }
        }

        /// <summary>The character code (0–255 for Latin-1 text) at <paramref name="index"/>, relative to the slice.</summary>
        public int this[int index]
        {
            get { return _bytes != null ? _bytes[_start + index] : _text[_start + index]; }
        }

        /// <summary>A sub-slice; the range is relative to this slice and must lie within it.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie within this slice.</exception>
        public TextSlice Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start > _length - length)
            {
                throw new ArgumentOutOfRangeException("start");
            }

            return new TextSlice(_text, _bytes, _start + start, length);
        }

        /// <summary>The slice without leading and trailing whitespace (SP, HTAB, CR, LF).</summary>
        public TextSlice Trim()
        {
            int first = 0;
            int end = _length;
            while (first < end && Ascii.IsWhitespace(this[first]))
            {
                first++;
            }

            while (end > first && Ascii.IsWhitespace(this[end - 1]))
            {
                end--;
            }

            return new TextSlice(_text, _bytes, _start + first, end - first);
        }

        /// <summary>Index of the first occurrence of <paramref name="ch"/> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOf(int ch, int from)
        {
            int start = from < 0 ? 0 : from;

            // One loop per source kind: no per-character dispatch on the hot scanning path.
            if (_bytes != null)
            {
                byte[] bytes = _bytes;
                int end = _start + _length;
                for (int i = _start + start; i < end; i++)
                {
                    if (bytes[i] == ch)
                    {
                        return i - _start;
                    }
                }

                return -1;
            }

            for (int i = start; i < _length; i++)
            {
                if (_text[_start + i] == ch)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Index of the first LF at or after <paramref name="from"/>, or -1; <paramref name="invalid"/> tells whether a NUL
        /// or a CR not followed by LF came before it (both forbidden in a field line).
        /// </summary>
        internal int IndexOfLineFeed(int from, out bool invalid)
        {
            invalid = false;
            if (_bytes != null)
            {
                byte[] bytes = _bytes;
                int end = _start + _length;
                for (int i = _start + from; i < end; i++)
                {
                    int c = bytes[i];
                    if (c > Ascii.CarriageReturn)
                    {
                        continue;
                    }

                    if (c == Ascii.LineFeed)
                    {
                        return i - _start;
                    }

                    if (c == 0 || (c == Ascii.CarriageReturn && i + 1 < end && bytes[i + 1] != Ascii.LineFeed))
                    {
                        invalid = true;
                    }
                }

                return -1;
            }

            for (int i = from; i < _length; i++)
            {
                int c = _text[_start + i];
                if (c > Ascii.CarriageReturn)
                {
                    continue;
                }

                if (c == Ascii.LineFeed)
                {
                    return i;
                }

                if (c == 0 || (c == Ascii.CarriageReturn && i + 1 < _length && _text[_start + i + 1] != Ascii.LineFeed))
                {
                    invalid = true;
                }
            }

            return -1;
        }

        /// <summary>ASCII case-insensitive comparison with <paramref name="value"/> (letters fold, nothing else does).</summary>
        public bool EqualsIgnoreCase(string value)
        {
            if (value == null || value.Length != _length)
            {
                return false;
            }

            for (int i = 0; i < _length; i++)
            {
                if (Ascii.ToLower(this[i]) != Ascii.ToLower(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>ASCII case-insensitive comparison with another slice.</summary>
        public bool EqualsIgnoreCase(TextSlice other)
        {
            if (other._length != _length)
            {
                return false;
            }

            for (int i = 0; i < _length; i++)
            {
                if (Ascii.ToLower(this[i]) != Ascii.ToLower(other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Exact (ordinal) comparison with another slice.</summary>
        public bool SequenceEquals(TextSlice other)
        {
            if (other._length != _length)
            {
                return false;
            }

            for (int i = 0; i < _length; i++)
            {
                if (this[i] != other[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Exact (ordinal) comparison with a string.</summary>
        public bool SequenceEquals(string value)
        {
            if (value == null || value.Length != _length)
            {
                return false;
            }

            for (int i = 0; i < _length; i++)
            {
                if (this[i] != value[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Copies the slice as Latin-1 bytes into <paramref name="destination"/>; characters above 255 become '?'.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The destination is too small.</exception>
        public void CopyTo(byte[] destination, int offset)
        {
            if (destination == null || offset < 0 || offset > destination.Length - _length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            if (_bytes != null)
            {
                Array.Copy(_bytes, _start, destination, offset, _length);
                return;
            }

            for (int i = 0; i < _length; i++)
            {
                int c = _text[_start + i];
                destination[offset + i] = (byte)(c > 0xFF ? '?' : c);
            }
        }

        /// <summary>Creates a string of the slice (Latin-1 decoding of bytes). Allocates: use at the edges only.</summary>
        public override string ToString()
        {
            if (_text != null)
            {
                return _text.Substring(_start, _length);
            }

            if (_bytes == null)
            {
                return string.Empty;
            }

            char[] chars = new char[_length];
            for (int i = 0; i < _length; i++)
            {
                chars[i] = (char)_bytes[_start + i];
            }

            return new string(chars);
        }
    }
}
