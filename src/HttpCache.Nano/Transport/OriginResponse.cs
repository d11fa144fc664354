// OriginResponse: what a transport got back, with the header block as bytes for the zero-allocation parser.
namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// A complete response from the origin. <see cref="HeaderBlock"/> holds the field lines as Latin-1
    /// <c>Name: value\r\n</c> lines ending with an empty line (what <see cref="Parsing.HeaderFields"/> reads),
    /// as received, hop-by-hop fields included.
    /// </summary>
    public sealed class OriginResponse
    {
        /// <summary>Creates a response.</summary>
        public OriginResponse(int statusCode, string reasonPhrase, byte[] headerBlock, int headerLength, byte[] body, int bodyLength)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            HeaderBlock = headerBlock;
            HeaderLength = headerLength;
            Body = body == null ? new byte[0] : body;
            BodyLength = body == null ? 0 : bodyLength;
        }

        /// <summary>The status code.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The reason phrase, or null.</summary>
        public string ReasonPhrase { get; private set; }

        /// <summary>The header block (see the class remarks); bytes [0, <see cref="HeaderLength"/>).</summary>
        public byte[] HeaderBlock { get; private set; }

        /// <summary>Length of the header block in <see cref="HeaderBlock"/>.</summary>
        public int HeaderLength { get; private set; }

        /// <summary>The body; bytes [0, <see cref="BodyLength"/>). Belongs to the caller once Send returns: the cache may store the array itself, so a transport must not reuse it.</summary>
        public byte[] Body { get; private set; }

        /// <summary>Length of the body.</summary>
        public int BodyLength { get; private set; }

        /// <summary>Bytes the transport wrote for the request (request line, headers, body), as it counts them.</summary>
        public long BytesSent { get; set; }

        /// <summary>Bytes the transport read for the response (status line, headers, body), as it counts them.</summary>
        public long BytesReceived { get; set; }

        /// <summary>
        /// Bytes the link carried upwards for this exchange, counted at the socket: the TLS handshake of a new connection
        /// and the records included when <see cref="LinkCountsTls"/>; the HTTP bytes for a transport that cannot see lower.
        /// </summary>
        public long LinkBytesSent { get; set; }

        /// <summary>Bytes the link carried downwards for this exchange (see <see cref="LinkBytesSent"/>).</summary>
        public long LinkBytesReceived { get; set; }

        /// <summary>True when the link counts include TLS records and handshakes (counted below TLS).</summary>
        public bool LinkCountsTls { get; set; }

        /// <summary>True when the exchange opened a new connection.</summary>
        public bool NewConnection { get; set; }

        /// <summary>True when the exchange opened a new connection with a TLS handshake.</summary>
        public bool TlsHandshake { get; set; }
    }
}
