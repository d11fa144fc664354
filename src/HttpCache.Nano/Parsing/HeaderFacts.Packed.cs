// HeaderFacts.Packed: where the facts are kept — slots of two small arrays and bits of one int, the layout that
// keeps a HeaderFacts small on nanoFramework — and the facts read straight from them.
namespace HttpCache.Nano.Parsing
{
    public sealed partial class HeaderFacts
    {
        // Date-like fields parsed on first use: the field indexes, the parsed values, and which were parsed.
        private const int DateSlot = 0;
        private const int ExpiresSlot = 1;
        private const int LastModifiedSlot = 2;
        private const int IfModifiedSinceSlot = 3;
        private const int IfUnmodifiedSinceSlot = 4;
        private const int DateSlots = 5;

        // The other int facts: after the date fields' indexes (slots 0 to 4) come these.
        private const int ETagFieldSlot = DateSlots;
        private const int ETagStartSlot = DateSlots + 1;
        private const int ETagLengthSlot = DateSlots + 2;
        private const int ConnectionFieldSlot = DateSlots + 3;
        private const int RangeFieldSlot = DateSlots + 4;
        private const int RangeFieldsSlot = DateSlots + 5;
        private const int IfRangeFieldSlot = DateSlots + 6;
        private const int IfNoneMatchFieldSlot = DateSlots + 7;
        private const int IfMatchFieldSlot = DateSlots + 8;
        private const int FieldCountSlot = DateSlots + 9;
        private const int DatesParsedSlot = DateSlots + 10;
        private const int IntSlots = DateSlots + 11;

        // The long facts: after the parsed dates (slots 0 to 4).
        private const int AgeSlot = DateSlots;
        private const int ContentLengthSlot = DateSlots + 1;
        private const int LongSlots = DateSlots + 2;

        // The yes/no facts, one bit each.
        private const int ExpiresInvalidBit = 1;
        private const int ETagParsedBit = 1 << 1;
        private const int ETagWeakBit = 1 << 2;
        private const int ETagOpaqueBit = 1 << 3;
        private const int ContentLengthInvalidBit = 1 << 4;
        private const int HasVaryBit = 1 << 5;
        private const int VaryAnyBit = 1 << 6;
        private const int PragmaNoCacheBit = 1 << 7;
        private const int HasAuthorizationBit = 1 << 8;
        private const int HasCookieBit = 1 << 9;
        private const int HasSetCookieBit = 1 << 10;
        private const int HasTransferEncodingBit = 1 << 11;
        private const int IsChunkedBit = 1 << 12;
        private const int HasPreconditionOrRangeBit = 1 << 13;
        private const int HasPreconditionBit = 1 << 14;
        private const int TargetedBit = 1 << 15;

        /// <summary><c>Age</c> in seconds, or -1.</summary>
        public long Age
        {
            get { return _longs[AgeSlot]; }
            private set { _longs[AgeSlot] = value; }
        }

        /// <summary><c>Content-Length</c>, or -1 when absent or invalid.</summary>
        public long ContentLength
        {
            get { return _longs[ContentLengthSlot]; }
            private set { _longs[ContentLengthSlot] = value; }
        }

        /// <summary>True when <c>Content-Length</c> was present but invalid or conflicting.</summary>
        public bool ContentLengthInvalid
        {
            get { return (_bits & ContentLengthInvalidBit) != 0; }
            private set { _bits = value ? _bits | ContentLengthInvalidBit : _bits & ~ContentLengthInvalidBit; }
        }

        /// <summary>True when a <c>Vary</c> field was present with at least one member.</summary>
        public bool HasVary
        {
            get { return (_bits & HasVaryBit) != 0; }
            private set { _bits = value ? _bits | HasVaryBit : _bits & ~HasVaryBit; }
        }

        /// <summary>True when <c>Vary</c> lists <c>*</c>: the response can never be reused (RFC 9111 4.1).</summary>
        public bool VaryAny
        {
            get { return (_bits & VaryAnyBit) != 0; }
            private set { _bits = value ? _bits | VaryAnyBit : _bits & ~VaryAnyBit; }
        }

        /// <summary>True when <c>Pragma</c> holds <c>no-cache</c>.</summary>
        public bool PragmaNoCache
        {
            get { return (_bits & PragmaNoCacheBit) != 0; }
            private set { _bits = value ? _bits | PragmaNoCacheBit : _bits & ~PragmaNoCacheBit; }
        }

        /// <summary>True when the message carries <c>Authorization</c>.</summary>
        public bool HasAuthorization
        {
            get { return (_bits & HasAuthorizationBit) != 0; }
            private set { _bits = value ? _bits | HasAuthorizationBit : _bits & ~HasAuthorizationBit; }
        }

        /// <summary>True when the message carries <c>Cookie</c> (a request of one user's session).</summary>
        public bool HasCookie
        {
            get { return (_bits & HasCookieBit) != 0; }
            private set { _bits = value ? _bits | HasCookieBit : _bits & ~HasCookieBit; }
        }

        /// <summary>True when the message carries <c>Set-Cookie</c> (a response setting one user's session).</summary>
        public bool HasSetCookie
        {
            get { return (_bits & HasSetCookieBit) != 0; }
            private set { _bits = value ? _bits | HasSetCookieBit : _bits & ~HasSetCookieBit; }
        }

        /// <summary>True when the message carries <c>Transfer-Encoding</c>.</summary>
        public bool HasTransferEncoding
        {
            get { return (_bits & HasTransferEncodingBit) != 0; }
            private set { _bits = value ? _bits | HasTransferEncodingBit : _bits & ~HasTransferEncodingBit; }
        }

        /// <summary>True when a <c>Transfer-Encoding</c> lists <c>chunked</c> as its last coding.</summary>
        public bool IsChunked
        {
            get { return (_bits & IsChunkedBit) != 0; }
            private set { _bits = value ? _bits | IsChunkedBit : _bits & ~IsChunkedBit; }
        }

        /// <summary>The field index of the first <c>Connection</c> (its options name more hop-by-hop fields), or -1.</summary>
        public int ConnectionField
        {
            get { return _ints[ConnectionFieldSlot]; }
            private set { _ints[ConnectionFieldSlot] = value; }
        }

        /// <summary>True when the message carries a field that makes a request conditional on preconditions or ranges (<c>If-Match</c>, <c>If-Unmodified-Since</c>, <c>If-Range</c>, <c>Range</c>).</summary>
        public bool HasPreconditionOrRange
        {
            get { return (_bits & HasPreconditionOrRangeBit) != 0; }
            private set { _bits = value ? _bits | HasPreconditionOrRangeBit : _bits & ~HasPreconditionOrRangeBit; }
        }

        /// <summary>True when the message carries <c>If-Match</c> or <c>If-Unmodified-Since</c> (a precondition the origin evaluates).</summary>
        public bool HasPrecondition
        {
            get { return (_bits & HasPreconditionBit) != 0; }
            private set { _bits = value ? _bits | HasPreconditionBit : _bits & ~HasPreconditionBit; }
        }

        /// <summary>The first <c>Range</c> field, or -1; <see cref="RangeFields"/> counts them (more than one is invalid).</summary>
        public int RangeField
        {
            get { return _ints[RangeFieldSlot]; }
            private set { _ints[RangeFieldSlot] = value; }
        }

        /// <summary>Number of <c>Range</c> fields.</summary>
        public int RangeFields
        {
            get { return _ints[RangeFieldsSlot]; }
            private set { _ints[RangeFieldsSlot] = value; }
        }

        /// <summary>The first <c>If-Range</c> field, or -1.</summary>
        public int IfRangeField
        {
            get { return _ints[IfRangeFieldSlot]; }
            private set { _ints[IfRangeFieldSlot] = value; }
        }

        /// <summary>The field index of the first <c>If-None-Match</c>, or -1.</summary>
        public int IfNoneMatchField
        {
            get { return _ints[IfNoneMatchFieldSlot]; }
            private set { _ints[IfNoneMatchFieldSlot] = value; }
        }

        /// <summary>True when <c>If-None-Match</c> was present.</summary>
        public bool HasIfNoneMatch
        {
            get { return IfNoneMatchField >= 0; }
        }

        /// <summary>The field index of the first <c>If-Match</c>, or -1.</summary>
        public int IfMatchField
        {
            get { return _ints[IfMatchFieldSlot]; }
            private set { _ints[IfMatchFieldSlot] = value; }
        }

        /// <summary>True when <c>If-Match</c> was present.</summary>
        public bool HasIfMatch
        {
            get { return IfMatchField >= 0; }
        }

        /// <summary>Number of field lines loaded.</summary>
        public int FieldCount
        {
            get { return _ints[FieldCountSlot]; }
            private set { _ints[FieldCountSlot] = value; }
        }
    }
}
