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

        /// <summary>
        /// Authenticates as a client of <paramref name="host"/> and returns the encrypted stream (<paramref name="network"/>
        /// is not used here). The root goes in as the CA: nano's three-argument overload takes a client certificate.
        /// </summary>
        /// <exception cref="HttpTransportException">The handshake failed (<see cref="TransportFailure.Tls"/>, or a timeout or reset), with mbedTLS's code.</exception>
        public static Stream Open(Socket socket, Stream network, string host, X509Certificate rootCertificate)
        {
            SslStream ssl = new SslStream(socket);
            try
            {
                ssl.AuthenticateAsClient(host, null, rootCertificate, SslProtocols.Tls12);
            }
            catch (SocketException e)
            {
                throw SocketFailure.From("TLS handshake with " + host, e, true);
            }

            return ssl;
        }
    }
}
#endif
