// IStreamingResponse: a response head and its body, handed over in pieces.
namespace HttpCache.Nano.Transport
{
    /// <summary>A response head and its body, read in pieces into the caller's buffer.</summary>
    public interface IStreamingResponse : System.IDisposable
    {
        /// <summary>Status line and fields (no body).</summary>
        OriginResponse Head { get; }

        /// <summary>The body's Content-Length, or -1.</summary>
        long DeclaredLength { get; }

        /// <summary>Body bytes read so far.</summary>
        long BodyBytesRead { get; }

        /// <summary>True once the whole body was read.</summary>
        bool IsComplete { get; }

        /// <summary>Bytes the link carried upwards for this exchange, as far as the transport can see.</summary>
        long LinkBytesSent { get; }

        /// <summary>Bytes the link carried downwards for this exchange, as far as the transport can see.</summary>
        long LinkBytesReceived { get; }

        /// <summary>Reads up to <paramref name="count"/> body bytes; 0 at the end of the body.</summary>
        /// <exception cref="HttpTransportException">The connection failed or closed before the body's end.</exception>
        int Read(byte[] buffer, int offset, int count);
    }
}
