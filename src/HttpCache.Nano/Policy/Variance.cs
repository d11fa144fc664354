// Variance: what a request must match to reuse a stored response — the Vary fields (RFC 9111 4.1) and the credential.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// Captures and compares the request values of the fields a response varies on, and the request's
    /// credential. Values are normalised before comparison as RFC 9111 4.1 allows: several field lines are
    /// combined into one list, empty list members are dropped, whitespace around members is removed and
    /// runs of whitespace inside a member become one space. Letter case is kept (only some fields are
    /// case-insensitive, and a miss is always safe). One entry is kept per URI: a request with other Vary
    /// values replaces it.
    /// </summary>
    public static class Variance
    {
        private const byte Absent = 0;
        private const byte Present = 1;
        private const byte EndOfValue = 0;

        /// <summary>
        /// The request's values of every field named in the Vary fields of <paramref name="responseHeaders"/>,
        /// encoded for <see cref="Matches"/>; null when the response has no Vary.
        /// </summary>
        public static byte[] Capture(TextSlice responseHeaders, HttpHeaders request)
        {
            HeaderBlockWriter buffer = null;
            VaryMembers members = new VaryMembers(responseHeaders);
            TextSlice member;
            while (members.TryReadNext(out member))
            {
                if (buffer == null)
                {
                    buffer = new HeaderBlockWriter(64);
                }

                WriteValue(buffer, request, member);
            }

            return buffer == null ? null : buffer.ToArray();
        }

        /// <summary>True when <paramref name="request"/> has the same values for the Vary fields as the captured ones. Does not allocate.</summary>
        public static bool Matches(TextSlice responseHeaders, byte[] captured, HttpHeaders request)
        {
            int position = 0;
            VaryMembers members = new VaryMembers(responseHeaders);
            TextSlice member;
            while (members.TryReadNext(out member))
            {
                position = MatchValue(captured, position, request, member);
                if (position < 0)
                {
                    return false;
                }
            }

            return captured == null || position == captured.Length;
        }

        /// <summary>A 64-bit FNV-1a hash of the request's Authorization value (never stored itself), or 0 without one.</summary>
        public static long CredentialHash(HttpHeaders request)
        {
            if (request == null)
            {
                return 0;
            }

            int index = request.IndexOf(HeaderName.Authorization);
            if (index < 0)
            {
                return 0;
            }

            string credential = request.GetValue(index);
            ulong hash = 14695981039346656037UL;
            for (int i = 0; i < credential.Length; i++)
            {
                hash = (hash ^ credential[i]) * 1099511628211UL;
            }

            return hash == 0 ? 1 : (long)hash;
        }

        private static void WriteValue(HeaderBlockWriter buffer, HttpHeaders request, TextSlice fieldName)
        {
            NormalizedValue value = new NormalizedValue(request, fieldName);
            buffer.AppendByte(value.IsPresent ? Present : Absent);
            int c;
            while ((c = value.Next()) >= 0)
            {
                buffer.AppendByte(c > 0xFF ? '?' : c);
            }

            buffer.AppendByte(EndOfValue);
        }

        // Compares one captured value starting at position; returns the position after it or -1.
        private static int MatchValue(byte[] captured, int position, HttpHeaders request, TextSlice fieldName)
        {
            if (captured == null || position >= captured.Length)
            {
                return -1;
            }

            NormalizedValue value = new NormalizedValue(request, fieldName);
            if (captured[position] != (value.IsPresent ? Present : Absent))
            {
                return -1;
            }

            position++;
            int c;
            while ((c = value.Next()) >= 0)
            {
                int expected = c > 0xFF ? '?' : c;
                if (position >= captured.Length || captured[position] != expected || expected == EndOfValue)
                {
                    return -1;
                }

                position++;
            }

            if (position >= captured.Length || captured[position] != EndOfValue)
            {
                return -1;
            }

            return position + 1;
        }

        /// <summary>The field names listed by every Vary line of a header block, in order.</summary>
        private struct VaryMembers
        {
            private HeaderBlockReader _lines;
            private HeaderListReader _members;

            public VaryMembers(TextSlice headers)
            {
                _lines = new HeaderBlockReader(headers);
                _members = default(HeaderListReader);
            }

            public bool TryReadNext(out TextSlice member)
            {
                while (true)
                {
                    if (_members.TryReadNext(out member))
                    {
                        return true;
                    }

                    TextSlice name;
                    TextSlice value;
                    do
                    {
                        if (!_lines.TryReadNext(out name, out value))
                        {
                            member = default(TextSlice);
                            return false;
                        }
                    }
                    while (KnownHeaders.Find(name) != HeaderName.Vary);

                    _members = new HeaderListReader(value);
                }
            }
        }

        /// <summary>Yields the normalised characters of a request field's combined value.</summary>
        private struct NormalizedValue
        {
            private readonly HttpHeaders _request;
            private readonly TextSlice _name;
            private int _line;
            private HeaderListReader _members;
            private TextSlice _member;
            private int _index;
            private bool _inMember;
            private bool _wroteMember;
            private bool _pendingSpace;

            public NormalizedValue(HttpHeaders request, TextSlice name)
            {
                _request = request;
                _name = name;
                _line = -1;
                _members = default(HeaderListReader);
                _member = default(TextSlice);
                _index = 0;
                _inMember = false;
                _wroteMember = false;
                _pendingSpace = false;
                IsPresent = false;
                IsPresent = NextLine(-1) >= 0;
            }

            public bool IsPresent { get; private set; }

            public int Next()
            {
                while (true)
                {
                    if (_inMember)
                    {
                        while (_index < _member.Length)
                        {
                            int c = _member[_index++];
                            if (Ascii.IsWhitespace(c))
                            {
                                _pendingSpace = true;
                                continue;
                            }

                            if (_pendingSpace)
                            {
                                _pendingSpace = false;
                                _index--;
                                return ' ';
                            }

                            return c;
                        }

                        _inMember = false;
                        _pendingSpace = false;
                    }

                    if (_line < 0)
                    {
                        return -1;
                    }

                    TextSlice member;
                    if (_members.TryReadNext(out member))
                    {
                        _member = member;
                        _index = 0;
                        _inMember = true;
                        if (_wroteMember)
                        {
                            return ',';
                        }

                        _wroteMember = true;
                        continue;
                    }

                    if (NextLine(_line) < 0)
                    {
                        return -1;
                    }
                }
            }

            private int NextLine(int after)
            {
                if (_request != null)
                {
                    for (int i = after + 1; i < _request.Count; i++)
                    {
                        if (_name.EqualsIgnoreCase(_request.GetName(i)))
                        {
                            _line = i;
                            _members = new HeaderListReader(TextSlice.Of(_request.GetValue(i)));
                            return i;
                        }
                    }
                }

                _line = -1;
                return -1;
            }
        }
    }
}
