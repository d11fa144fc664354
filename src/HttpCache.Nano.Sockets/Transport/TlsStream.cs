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
        /// <summary>
        /// False: nanoFramework's SslStream is built on the socket itself, so no stream can sit below it and count its
        /// records; the transport counts the plaintext above TLS instead (handshakes are counted, not their bytes).
        /// </summary>
        public const bool CountsRecords = false;

        /// <summary>Authenticates as a client of <paramref name="host"/> and returns the encrypted stream (<paramref name="network"/> is not used here).</summary>
        public static Stream Open(Socket socket, Stream network, string host, X509Certificate rootCertificate)
        {
            SslStream ssl = new SslStream(socket);
            ssl.AuthenticateAsClient(host, rootCertificate, SslProtocols.Tls12);
            return ssl;
        }
    }
}
#endif
