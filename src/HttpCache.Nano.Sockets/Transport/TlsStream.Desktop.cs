// TlsStream (desktop .NET): the TLS step of SocketTransport on a PC.
#if !NANOFRAMEWORK_1_0
using System;
using System.IO;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Opens TLS over a connected socket with desktop .NET's SslStream, validated by the operating system's trust
    /// store. Desktop's SslStream constructor differs from nanoFramework's, and the desktop build of the library must
    /// pass the nano API check, so it is bound by reflection here, in this one file.
    /// </summary>
    internal static class TlsStream
    {
        /// <summary>True: on desktop the SslStream sits on a stream, so the bytes below it (records, handshake) are counted.</summary>
        public const bool CountsRecords = true;

        private static readonly Type s_sslStream = Type.GetType("System.Net.Security.SslStream, System.Net.Security");

        /// <summary>Authenticates as a client of <paramref name="host"/> over <paramref name="network"/> and returns the encrypted stream.</summary>
        public static Stream Open(Socket socket, Stream network, string host, X509Certificate rootCertificate)
        {
            if ((object)s_sslStream == null)
            {
                throw new HttpTransportException("TLS is not available on this platform.");
            }

            ConstructorInfo create = s_sslStream.GetConstructor(new Type[] { typeof(Stream), typeof(bool) });
            Stream ssl = (Stream)create.Invoke(new object[] { network, false });
            MethodInfo authenticate = s_sslStream.GetMethod("AuthenticateAsClient", new Type[] { typeof(string) });
            try
            {
                authenticate.Invoke(ssl, new object[] { host });
            }
            catch (Exception e)
            {
                // Reflection wraps the handshake's own exception (AuthenticationException, IOException): any of them is a transport failure.
                ssl.Dispose();
                Exception cause = e.InnerException != null ? e.InnerException : e;
                throw new HttpTransportException("TLS handshake with " + host + " failed: " + cause.Message, cause, cause is IOException ? TransportFailure.ConnectionLost : TransportFailure.Tls, 0);
            }

            return ssl;
        }
    }
}
#endif
