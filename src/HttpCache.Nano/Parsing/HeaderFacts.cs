// HeaderFacts: what the cache needs from one message's header fields, read in place from a HeaderFields table.
// Interpreter cost: one switch per field; Cache-Control, Age, Content-Length and the flags are read at once, dates
// and the entity-tag only when first asked for (a fresh hit never parses a date). Reused: Load never allocates.
namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Collects the cache-relevant facts of one message (request or response) from its parsed fields
    /// (<see cref="Load"/>). Times follow the library convention (Unix seconds, -1 = absent). Positions (entity-tags,
    /// list values) point into <see cref="Buffer"/>, the bytes of the <see cref="HeaderFields"/> loaded: they stay valid
    /// while that table and its bytes do. Create one per exchange and reuse it.
    /// </summary>
    /// <remarks>
    /// Singleton fields seen more than once (<c>Date</c>, <c>Expires</c>, <c>Last-Modified</c>, <c>ETag</c>,
    /// <c>Age</c>): the first valid occurrence wins; for <c>Age</c> the first list member is used and an
    /// invalid value is ignored (RFC 9111 5.1). An invalid <c>Expires</c> sets <see cref="ExpiresInvalid"/>
    /// and means "already expired" (RFC 9111 5.3). <c>Content-Length</c> with differing values
    /// (<c>5, 6</c> or two lines) is invalid (RFC 9112 6.3) and reported as <see cref="ContentLengthInvalid"/>.
    /// Dates and the entity-tag are parsed on first use and remembered. Not thread-safe.
    /// </remarks>
    public sealed partial class HeaderFacts
    {
        private static readonly byte[] s_noCache = Ascii.LowerBytes("no-cache");
        private static readonly byte[] s_chunked = Ascii.LowerBytes("chunked");

        // Facts live in two small arrays and one set of bits, not in fields: on nanoFramework every field of an object
        // takes a heap block (24 B on a 64-bit host, 12 B on an ESP32) and an array element only its own size, and a
        // client keeps three of these. Slots 0 to 4 of each array are the date fields' indexes and their parsed values.
        private readonly CacheControl _cacheControl = new CacheControl();
        private readonly int[] _ints = new int[IntSlots];
        private readonly long[] _longs = new long[LongSlots];
        private HeaderFields _fields;
        private int _bits;

        /// <summary>Creates an empty set of facts.</summary>
        public HeaderFacts()
        {
            Reset();
        }

        /// <summary>The fields the facts were loaded from, or null.</summary>
        public HeaderFields Fields
        {
            get { return _fields; }
        }

        /// <summary>The bytes every position below points into (those of <see cref="Fields"/>), or null.</summary>
        public byte[] Buffer
        {
            get { return _fields == null ? null : _fields.Buffer; }
        }

        /// <summary>The combined Cache-Control directives (the same instance across loads).</summary>
        public CacheControl CacheControl
        {
            get { return _cacheControl; }
        }

        /// <summary><c>Date</c>, or -1 (the first valid one).</summary>
        public long Date
        {
            get { return DateOf(DateSlot); }
        }

        /// <summary><c>Expires</c>, or -1 (also -1 when invalid: see <see cref="ExpiresInvalid"/>).</summary>
        public long Expires
        {
            get { return DateOf(ExpiresSlot); }
        }

        /// <summary>True when an <c>Expires</c> field was present but its first occurrence is not a valid HTTP-date (already expired).</summary>
        public bool ExpiresInvalid
        {
            get
            {
                DateOf(ExpiresSlot);
                return (_bits & ExpiresInvalidBit) != 0;
            }
        }

        /// <summary><c>Last-Modified</c>, or -1.</summary>
        public long LastModified
        {
            get { return DateOf(LastModifiedSlot); }
        }

        /// <summary><c>If-Modified-Since</c>, or -1 (also when invalid, which RFC 9110 13.1.3 says to ignore).</summary>
        public long IfModifiedSince
        {
            get { return DateOf(IfModifiedSinceSlot); }
        }

        /// <summary><c>If-Unmodified-Since</c>, or -1 (also when invalid, which RFC 9110 13.1.4 says to ignore).</summary>
        public long IfUnmodifiedSince
        {
            get { return DateOf(IfUnmodifiedSinceSlot); }
        }

        /// <summary>The field index of the first <c>Last-Modified</c>, or -1 (to echo its value verbatim).</summary>
        public int LastModifiedField
        {
            get { return _ints[LastModifiedSlot]; }
        }

        /// <summary>
        /// True when the message has a valid <c>ETag</c> (the first valid one is described below) or, without one, an
        /// unquoted value kept as an opaque validator (<see cref="ETagIsOpaque"/>).
        /// </summary>
        public bool HasETag
        {
            get
            {
                ParseETag();
                return _ints[ETagLengthSlot] > 0;
            }
        }

        /// <summary>The opening quote of the entity-tag's opaque-tag in <see cref="Buffer"/> (see <see cref="HasETag"/>).</summary>
        public int ETagStart
        {
            get
            {
                ParseETag();
                return _ints[ETagStartSlot];
            }
        }

        /// <summary>The opaque-tag's length, quotes included; 0 without a valid <c>ETag</c>.</summary>
        public int ETagLength
        {
            get
            {
                ParseETag();
                return _ints[ETagLengthSlot];
            }
        }

        /// <summary>True for a weak entity-tag (<c>W/"…"</c>).</summary>
        public bool ETagIsWeak
        {
            get
            {
                ParseETag();
                return (_bits & ETagWeakBit) != 0;
            }
        }

        /// <summary>
        /// True when <see cref="HasETag"/> describes an unquoted value (<c>ETag: 0x8D5AB12</c>), not an entity-tag: it is
        /// sent back verbatim in <c>If-None-Match</c> and matched exactly, never used for a strong comparison.
        /// </summary>
        public bool ETagIsOpaque
        {
            get
            {
                ParseETag();
                return (_bits & ETagOpaqueBit) != 0;
            }
        }

        /// <summary>The entity-tag as written (<c>"v1"</c> or <c>W/"v1"</c>, or the opaque value), or null without one. Allocates.</summary>
        public string ETagToString()
        {
            return HasETag ? TextBytes.ToString(Buffer, _ints[ETagStartSlot] - ((_bits & ETagWeakBit) != 0 ? 2 : 0), EntityTag.WrittenLength(_ints[ETagLengthSlot], (_bits & ETagWeakBit) != 0)) : null;
        }

        /// <summary>The value of field <paramref name="field"/> of <see cref="Fields"/> as a string, or null for -1. Allocates.</summary>
        public string ValueToString(int field)
        {
            return field < 0 ? null : _fields.ValueToString(field);
        }

        /// <summary>True when the message has a field line named <paramref name="name"/>.</summary>
        public bool Has(HeaderName name)
        {
            return _fields != null && _fields.IndexOf(name) >= 0;
        }

        /// <summary>Forgets every fact, ready for the next message.</summary>
        public void Reset()
        {
            _fields = null;
            _cacheControl.Reset();
            _bits = 0;
            int[] ints = _ints;
            for (int i = 0; i < IntSlots; i++)
            {
                // Every int fact is a field index (-1: none) but the four set below.
                ints[i] = -1;
            }

            ints[DatesParsedSlot] = 0;
            ints[ETagLengthSlot] = 0;
            ints[RangeFieldsSlot] = 0;
            ints[FieldCountSlot] = 0;
            _longs[AgeSlot] = -1;
            _longs[ContentLengthSlot] = -1;
        }

        /// <summary>Forgets what was known and reads the facts of <paramref name="fields"/> (a complete block).</summary>
        public void Load(HeaderFields fields)
        {
            Reset();
            _fields = fields;
            byte[] buffer = fields.Buffer;
            int count = fields.Count;
            FieldCount = count;
            for (int i = 0; i < count; i++)
            {
                HeaderName name = fields.Name(i);
                if (name != HeaderName.Unknown)
                {
                    Add(name, i, buffer, fields.ValueStart(i), fields.ValueLength(i));
                }
            }
        }

        private void Add(HeaderName name, int field, byte[] buffer, int start, int length)
        {
            switch (name)
            {
                case HeaderName.CacheControl:
                    _cacheControl.Add(buffer, start, length);
                    break;
                case HeaderName.Date:
                    AddDate(DateSlot, field);
                    break;
                case HeaderName.Expires:
                    AddDate(ExpiresSlot, field);
                    break;
                case HeaderName.LastModified:
                    AddDate(LastModifiedSlot, field);
                    break;
                case HeaderName.IfModifiedSince:
                    AddDate(IfModifiedSinceSlot, field);
                    break;
                case HeaderName.IfUnmodifiedSince:
                    HasPreconditionOrRange = true;
                    HasPrecondition = true;
                    AddDate(IfUnmodifiedSinceSlot, field);
                    break;
                case HeaderName.Age:
                    AddAge(buffer, start, length);
                    break;
                case HeaderName.ETag:
                    if (_ints[ETagFieldSlot] < 0)
                    {
                        _ints[ETagFieldSlot] = field;
                    }

                    break;
                case HeaderName.Vary:
                    AddVary(buffer, start, length);
                    break;
                case HeaderName.Pragma:
                    AddPragma(buffer, start, length);
                    break;
                case HeaderName.ContentLength:
                    AddContentLength(buffer, start, length);
                    break;
                case HeaderName.TransferEncoding:
                    AddTransferEncoding(buffer, start, length);
                    break;
                case HeaderName.Authorization:
                    HasAuthorization = true;
                    break;
                case HeaderName.Cookie:
                    HasCookie = true;
                    break;
                case HeaderName.SetCookie:
                    HasSetCookie = true;
                    break;
                case HeaderName.IfNoneMatch:
                    if (IfNoneMatchField < 0)
                    {
                        IfNoneMatchField = field;
                    }

                    break;
                case HeaderName.Connection:
                    if (ConnectionField < 0)
                    {
                        ConnectionField = field;
                    }

                    break;
                case HeaderName.IfRange:
                    HasPreconditionOrRange = true;
                    if (IfRangeField < 0)
                    {
                        IfRangeField = field;
                    }

                    break;
                case HeaderName.Range:
                    HasPreconditionOrRange = true;
                    RangeField = RangeFields == 0 ? field : RangeField;
                    RangeFields++;
                    break;
                case HeaderName.IfMatch:
                    HasPreconditionOrRange = true;
                    HasPrecondition = true;
                    if (IfMatchField < 0)
                    {
                        IfMatchField = field;
                    }

                    break;
            }
        }
    }
}
