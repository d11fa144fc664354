// TransportFailure: what kind of thing failed under a transport, so callers can tell a retry that may succeed from
// one that cannot.
namespace HttpCache.Nano.Transport
{
    /// <summary>The kind of failure an <see cref="HttpTransportException"/> reports.</summary>
    public enum TransportFailure
    {
        /// <summary>Not classified (a malformed response, a limit, an unexpected error).</summary>
        Other = 0,

        /// <summary>Nothing listens at the address (connection refused).</summary>
        Refused,

        /// <summary>A connect, send or receive timed out.</summary>
        Timeout,

        /// <summary>The connection was reset or closed while in use.</summary>
        ConnectionLost,

        /// <summary>The host name could not be resolved, or no route leads to it.</summary>
        Unreachable,

        /// <summary>The TLS handshake failed: the certificate was not trusted or did not name the host, or TLS was refused.</summary>
        Tls,

        /// <summary>
        /// The origin answered, but not with usable HTTP/1.1: a malformed status line, header section or framing, or
        /// over a limit. The origin is not lost: a stored response is not served as if the device were offline.
        /// </summary>
        Protocol,
    }
}
