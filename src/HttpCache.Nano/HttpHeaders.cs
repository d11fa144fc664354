// HttpHeaders: an ordered list of header fields as strings, for requests and for the edges (desktop APIs, logs).
using System;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano
{
    /// <summary>
    /// An ordered list of field lines (name, value), names compared case-insensitively. Repeated names are
    /// kept as separate lines. Not thread-safe.
    /// </summary>
    public sealed class HttpHeaders
    {
        private string[] _names;
        private string[] _values;
        private int _count;

        /// <summary>Creates an empty list.</summary>
        public HttpHeaders()
        {
            _names = new string[4];
            _values = new string[4];
        }

        /// <summary>Number of field lines.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The name of line <paramref name="index"/>.</summary>
        public string GetName(int index)
        {
            CheckIndex(index);
            return _names[index];
        }

        /// <summary>The value of line <paramref name="index"/>.</summary>
        public string GetValue(int index)
        {
            CheckIndex(index);
            return _values[index];
        }

        /// <summary>Appends a field line.</summary>
        /// <exception cref="ArgumentException">The name is empty or not a token, or the value holds CR, LF or NUL.</exception>
        public void Add(string name, string value)
        {
            Validate(name, value);
            AddValidated(name, value);
        }

        /// <summary>Appends a field line known to be valid (a known name, a value copied from a parsed field): no per-character check.</summary>
        internal void AddValidated(string name, string value)
        {
            if (_count == _names.Length)
            {
                string[] names = new string[_count * 2];
                string[] values = new string[_count * 2];
                Array.Copy(_names, names, _count);
                Array.Copy(_values, values, _count);
                _names = names;
                _values = values;
            }

            _names[_count] = name;
            _values[_count] = value == null ? string.Empty : value;
            _count++;
        }

        /// <summary>Replaces every line named <paramref name="name"/> with one line.</summary>
        public void Set(string name, string value)
        {
            Remove(name);
            Add(name, value);
        }

        /// <summary>The value of the first line named <paramref name="name"/>, or null.</summary>
        public string Get(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? null : _values[index];
        }

        /// <summary>True when a line named <paramref name="name"/> exists.</summary>
        public bool Contains(string name)
        {
            return IndexOf(name) >= 0;
        }

        /// <summary>Removes every line named <paramref name="name"/>; returns how many were removed.</summary>
        public int Remove(string name)
        {
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (!Ascii.EqualsIgnoreCase(_names[i], name))
                {
                    _names[kept] = _names[i];
                    _values[kept] = _values[i];
                    kept++;
                }
            }

            int removed = _count - kept;
            for (int i = kept; i < _count; i++)
            {
                _names[i] = null;
                _values[i] = null;
            }

            _count = kept;
            return removed;
        }

        /// <summary>Index of the first line named <paramref name="name"/>, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (Ascii.EqualsIgnoreCase(_names[i], name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the first line whose name is the known <paramref name="name"/>, or -1.</summary>
        public int IndexOf(HeaderName name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (KnownHeaders.Find(_names[i]) == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Writes every line to <paramref name="writer"/> as a header block (ending with the empty line), the form <see cref="HeaderFields"/> parses.</summary>
        public void WriteTo(HeaderBlockWriter writer)
        {
            for (int i = 0; i < _count; i++)
            {
                writer.Append(_names[i], _values[i]);
            }

            writer.End();
        }

        /// <summary>The facts of these fields (for an origin evaluating a request's preconditions, say). Allocates.</summary>
        public HeaderFacts ToFacts()
        {
            HeaderBlockWriter block = new HeaderBlockWriter(64 + _count * 32);
            WriteTo(block);
            HeaderFields fields = new HeaderFields(_count + 1);
            fields.Parse(block.Buffer, 0, block.Length);
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            return facts;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
        }

        private static void Validate(string name, string value)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("A header name must not be empty.");
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (!Ascii.IsTokenChar(name[i]))
                {
                    throw new ArgumentException("Invalid character in header name '" + name + "'.");
                }
            }

            if (value != null)
            {
                for (int i = 0; i < value.Length; i++)
                {
                    char c = value[i];
                    if (c == '\r' || c == '\n' || c == '\0')
                    {
                        throw new ArgumentException("Header '" + name + "' has CR, LF or NUL in its value.");
                    }
                }
            }
        }
    }
}
