// OriginRequest: what the cache sends to the origin.
namespace HttpCache.Nano.Transport
{
    /// <summary>A request to the origin: method, absolute URL, end-to-end header fields and an optional body.</summary>
    public sealed class OriginRequest
    {
        /// <summary>Creates a request.</summary>
        public OriginRequest(string method, string url, HttpHeaders headers, byte[] body)
        {
            Method = method;
            Url = url;
            Headers = headers == null ? new HttpHeaders() : headers;
            Body = body;
        }

        /// <summary>The request method, e.g. <c>GET</c>.</summary>
        public string Method { get; private set; }

        /// <summary>The absolute URL.</summary>
        public string Url { get; private set; }

        /// <summary>End-to-end header fields (the transport adds Host, Content-Length and connection handling).</summary>
        public HttpHeaders Headers { get; private set; }

        /// <summary>The body, or null.</summary>
        public byte[] Body { get; private set; }

        /// <summary>Where the 1xx responses before the final one go (a proxy's client), or null: they are skipped.</summary>
        public IInterimResponses Interim { get; set; }
    }
}
