// HeaderFacts.Values: reading the values the facts hold — dates and the entity-tag located at load and parsed on first
// use, Age, Vary, Pragma, Content-Length, Transfer-Encoding.

namespace HttpCache.Nano.Parsing
{
    public sealed partial class HeaderFacts
    {
        /// <summary>
        /// Applies targeted cache control (RFC 9213): when the message has a field named <paramref name="lowerName"/>
        /// (lower case, e.g. <c>cdn-cache-control</c>) with a non-empty value, its directives replace those of
        /// Cache-Control and Expires is ignored; true when they did. Call after <see cref="Load"/>.
        /// </summary>
        public bool UseTargeted(byte[] lowerName)
        {
            HeaderFields fields = _fields;
            bool found = false;
            for (int i = 0; fields != null && i < fields.Count; i++)
            {
                if (fields.Name(i) == HeaderName.Unknown && fields.ValueLength(i) > 0
                    && Ascii.MatchesLower(fields.Buffer, fields.NameStart(i), fields.NameLength(i), lowerName))
                {
                    if (!found)
                    {
                        _cacheControl.Reset();
                        found = true;
                    }

                    _cacheControl.Add(fields.Buffer, fields.ValueStart(i), fields.ValueLength(i));
                }
            }

            _bits = found ? _bits | TargetedBit : _bits;
            return found;
        }

        /// <summary>True when a targeted field (<see cref="UseTargeted"/>) set the directives: Cache-Control and Expires are not used.</summary>
        public bool IsTargeted
        {
            get { return (_bits & TargetedBit) != 0; }
        }

        // Dates are only located here; DateOf parses them on first use.
        private void AddDate(int slot, int field)
        {
            if (_ints[slot] < 0)
            {
                _ints[slot] = field;
            }
        }

        // The first valid date among the fields of this kind (Expires: only the first counts, an invalid one means expired).
        private long DateOf(int slot)
        {
            int bit = 1 << slot;
            if ((_ints[DatesParsedSlot] & bit) != 0)
            {
                return _longs[slot];
            }

            _ints[DatesParsedSlot] |= bit;
            _longs[slot] = -1;
            int field = _ints[slot];
            if (field < 0 || (slot == ExpiresSlot && (_bits & TargetedBit) != 0))
            {
                return -1;
            }

            HeaderName name = _fields.Name(field);
            long parsed;
            for (int i = field; i >= 0; i = _fields.IndexOf(name, i + 1))
            {
                if (HttpDate.TryParse(_fields.Buffer, _fields.ValueStart(i), _fields.ValueLength(i), out parsed))
                {
                    _longs[slot] = parsed;
                    return parsed;
                }

                if (slot == ExpiresSlot)
                {
                    _bits |= ExpiresInvalidBit;
                    return -1;
                }
            }

            return -1;
        }

        private void ParseETag()
        {
            if ((_bits & ETagParsedBit) != 0)
            {
                return;
            }

            _bits |= ETagParsedBit;
            for (int i = _ints[ETagFieldSlot]; i >= 0; i = _fields.IndexOf(HeaderName.ETag, i + 1))
            {
                bool weak;
                if (EntityTag.TryParse(_fields.Buffer, _fields.ValueStart(i), _fields.ValueLength(i), out _ints[ETagStartSlot], out _ints[ETagLengthSlot], out weak))
                {
                    _bits = weak ? _bits | ETagWeakBit : _bits;
                    return;
                }
            }

            if (_ints[ETagFieldSlot] >= 0)
            {
                ParseOpaqueETag();
            }
        }

        // No entity-tag: an unquoted value is still what the origin recognises in If-None-Match (browsers send it back).
        private void ParseOpaqueETag()
        {
            for (int i = _ints[ETagFieldSlot]; i >= 0; i = _fields.IndexOf(HeaderName.ETag, i + 1))
            {
                if (EntityTag.TryParseOpaque(_fields.Buffer, _fields.ValueStart(i), _fields.ValueLength(i), out _ints[ETagStartSlot], out _ints[ETagLengthSlot]))
                {
                    _bits |= ETagOpaqueBit;
                    return;
                }
            }
        }

        private void AddAge(byte[] buffer, int start, int length)
        {
            if (Age >= 0)
            {
                return;
            }

            int position = start;
            int memberStart;
            int memberLength;
            long seconds;
            if (HeaderList.Next(buffer, ref position, start + length, out memberStart, out memberLength) && DeltaSeconds.TryParse(buffer, memberStart, memberLength, out seconds))
            {
                Age = seconds;
            }
        }

        private void AddVary(byte[] buffer, int start, int length)
        {
            int end = start + length;
            if (Ascii.SkipWhitespace(buffer, start, end) < end)
            {
                // Not empty; "*" is a member when a star stands alone between commas (a field name never holds one).
                HasVary = true;
                int star = ByteSearch.Star(buffer, start, end);
                if (star >= 0)
                {
                    int memberStart = star;
                    while (memberStart > start && Ascii.IsWhitespace(buffer[memberStart - 1]))
                    {
                        memberStart--;
                    }

                    int memberEnd = Ascii.SkipWhitespace(buffer, star + 1, end);
                    VaryAny |= (memberStart == start || buffer[memberStart - 1] == Ascii.Comma) && (memberEnd == end || buffer[memberEnd] == Ascii.Comma);
                }
            }
        }

        private void AddPragma(byte[] buffer, int start, int length)
        {
            int position = start;
            int memberStart;
            int memberLength;
            while (HeaderList.Next(buffer, ref position, start + length, out memberStart, out memberLength))
            {
                PragmaNoCache |= Ascii.MatchesLower(buffer, memberStart, memberLength, s_noCache);
            }
        }

        private void AddContentLength(byte[] buffer, int start, int length)
        {
            if (ContentLengthInvalid)
            {
                return;
            }

            int position = start;
            int memberStart;
            int memberLength;
            bool any = false;
            while (HeaderList.Next(buffer, ref position, start + length, out memberStart, out memberLength))
            {
                any = true;
                long value;
                if (!TryParseLength(buffer, memberStart, memberLength, out value) || (ContentLength >= 0 && ContentLength != value))
                {
                    ContentLength = -1;
                    ContentLengthInvalid = true;
                    return;
                }

                ContentLength = value;
            }

            if (!any)
            {
                ContentLength = -1;
                ContentLengthInvalid = true;
            }
        }

        // Content-Length = 1*DIGIT; rejects values that would overflow a long instead of saturating.
        private static bool TryParseLength(byte[] buffer, int start, int length, out long value)
        {
            value = 0;
            if (length == 0 || length > 18)
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                int digit = buffer[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                value = value * 10 + digit;
            }

            return true;
        }

        private void AddTransferEncoding(byte[] buffer, int start, int length)
        {
            HasTransferEncoding = true;
            int position = start;
            int codingStart;
            int codingLength;
            bool lastIsChunked = false;
            while (HeaderList.Next(buffer, ref position, start + length, out codingStart, out codingLength))
            {
                lastIsChunked = Ascii.MatchesLower(buffer, codingStart, codingLength, s_chunked);
            }

            IsChunked = lastIsChunked;
        }
    }
}
