// CacheEntry: one stored response with the facts derived from it.
using HttpCache.Nano.Policy;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// A stored response: status, the end-to-end header block (hop-by-hop fields and Age removed), the body,
    /// the policy facts, and what the request must match to reuse it (Vary values, credential hash).
    /// The arrays are never modified once the entry is stored: a 304 or a new response creates a new entry,
    /// so a reader holding an entry always sees one consistent response.
    /// </summary>
    public sealed class CacheEntry
    {
        /// <summary>Fixed bytes counted per entry on top of its arrays (object headers, fields, index slot).</summary>
        public const int Overhead = 128;

        /// <summary>Creates an entry.</summary>
        public CacheEntry(string key, int statusCode, string reasonPhrase, byte[] headers, byte[] body, StoredResponseInfo info, byte[] varyValues, long credentialHash)
        {
            Key = key;
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Headers = headers;
            Body = body == null ? new byte[0] : body;
            Info = info;
            VaryValues = varyValues;
            CredentialHash = credentialHash;
        }

        /// <summary>The normalised key (<see cref="CacheKey.ToString"/>).</summary>
        public string Key { get; private set; }

        /// <summary>The status code.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The origin's reason phrase, or null.</summary>
        public string ReasonPhrase { get; private set; }

        /// <summary>The stored header block (<c>Name: value\r\n</c> lines and the final empty line).</summary>
        public byte[] Headers { get; private set; }

        /// <summary>The body.</summary>
        public byte[] Body { get; private set; }

        /// <summary>The policy facts.</summary>
        public StoredResponseInfo Info { get; private set; }

        /// <summary>The request's values of the fields named in Vary, as captured by <see cref="Variance.Capture"/>; null without Vary.</summary>
        public byte[] VaryValues { get; private set; }

        /// <summary>Hash of the request's Authorization value, or 0 when the request had none.</summary>
        public long CredentialHash { get; private set; }

        /// <summary>The response the client hands out for fresh hits of this entry: made once, its age updated per hit.</summary>
        internal CacheResponse FreshResponse;

        /// <summary>The request field a revalidation of this entry sends (<c>If-None-Match</c> or <c>If-Modified-Since</c>), or null; see <see cref="Policy.ConditionalFields"/>.</summary>
        public string ConditionalHeader { get; internal set; }

        /// <summary>The value of <see cref="ConditionalHeader"/>, verbatim from the stored response.</summary>
        public string ConditionalValue { get; internal set; }

        /// <summary>True once <see cref="ConditionalHeader"/> has been worked out.</summary>
        internal bool ConditionalPrepared;

        /// <summary>The Content-Length its stored fields state, or -1 (absent or invalid): a download's complete length. Parses the fields.</summary>
        internal long DeclaredLength()
        {
            Parsing.HeaderFacts facts = new Parsing.HeaderFacts();
            facts.Load(Parsing.HeaderFields.Of(Headers));
            return facts.ContentLengthInvalid ? -1 : facts.ContentLength;
        }

        /// <summary>The same response under another key (a variant moved aside for a newer one of its URI).</summary>
        internal CacheEntry WithKey(string key)
        {
            CacheEntry moved = new CacheEntry(key, StatusCode, ReasonPhrase, Headers, Body, Info, VaryValues, CredentialHash);
            moved.SetConditional(ConditionalHeader, ConditionalValue);
            moved.ConditionalPrepared = ConditionalPrepared;
            return moved;
        }

        /// <summary>Records the validator a revalidation sends.</summary>
        internal void SetConditional(string header, string value)
        {
            ConditionalHeader = header;
            ConditionalValue = value;
            ConditionalPrepared = true;
        }

        /// <summary>Bytes this entry counts against a store's budget.</summary>
        public long Size
        {
            get
            {
                return Overhead + Key.Length * 2L + Headers.Length + Body.Length + (VaryValues == null ? 0 : VaryValues.Length)
                    + (ReasonPhrase == null ? 0 : ReasonPhrase.Length * 2L);
            }
        }
    }
}
