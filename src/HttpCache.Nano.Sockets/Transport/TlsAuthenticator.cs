// TlsAuthenticator: a caller-supplied TLS step for SocketTransport (a test's own trust root, client certificates).
using System.IO;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Authenticates as a client of <paramref name="host"/> over <paramref name="network"/> (the connected socket's stream,
    /// counted) and returns the encrypted stream. On desktop this replaces the default validation by the operating
    /// system's trust store; nanoFramework's own TLS works on the socket instead (see <see cref="SocketTransport.RootCertificate"/>).
    /// </summary>
    public delegate Stream TlsAuthenticator(Stream network, string host);
}
