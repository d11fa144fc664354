// TlsStream (nanoFramework): the TLS step of SocketTransport on the device.
#if NANOFRAMEWORK_1_0
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HttpCache.Nano.Transport
{
    /// <summary>Opens TLS over a connected socket: TLS 1.2, validated against a root CA or the device's CA store.</summary>
    internal static class TlsStream
    {
        /// <summary>Authenticates as a client of <paramref name="host"/> and returns the encrypted stream.</summary>
        public static Stream Open(Socket socket, string host, X509Certificate rootCertificate)
        {
            SslStream ssl = new SslStream(socket);
            ssl.AuthenticateAsClient(host, rootCertificate, SslProtocols.Tls12);
            return ssl;
        }
    }
}
#endif
