// SocketFailure: a socket or TLS error turned into an HttpTransportException that names its cause and code.
// nanoFramework throws SocketException for TLS failures too, and its Message is the same generic text for every
// code, so the cause is read from the code.
using System.IO;
using System.Net.Sockets;

namespace HttpCache.Nano.Transport
{
    /// <summary>Turns socket and TLS errors into exceptions that name their kind (<see cref="SocketErrorCodes"/>).</summary>
    internal static class SocketFailure
    {
        /// <summary>The exception for <paramref name="e"/> while doing <paramref name="what"/> ("Connection to host:port", "TLS handshake with host").</summary>
        public static HttpTransportException From(string what, SocketException e, bool duringTls)
        {
            int code = CodeOf(e);
            TransportFailure failure = SocketErrorCodes.Classify(code, duringTls);
            return new HttpTransportException(what + " failed: " + Describe(failure, code) + " (error " + code + ")", e, failure, code);
        }

        /// <summary>The exception for a peer that closed the connection before the response ended: a lost connection.</summary>
        public static HttpTransportException Closed(string message)
        {
            return new HttpTransportException(message, null, TransportFailure.ConnectionLost, 0);
        }

        /// <summary>The exception for a response that breaks HTTP/1.1 or a limit: the origin answered, badly.</summary>
        public static HttpTransportException Protocol(string message)
        {
            return new HttpTransportException(message, null, TransportFailure.Protocol, 0);
        }

        /// <summary>The exception for an I/O failure while doing <paramref name="what"/>: classified when a socket error lies beneath (desktop wraps them).</summary>
        public static HttpTransportException FromIo(string what, IOException e)
        {
            SocketException socket = e.InnerException as SocketException;
            return socket != null ? From(what, socket, false) : new HttpTransportException(what + " failed: " + e.Message, e, TransportFailure.ConnectionLost, 0);
        }

        private static string Describe(TransportFailure failure, int code)
        {
            switch (failure)
            {
                case TransportFailure.Refused:
                    return "connection refused";
                case TransportFailure.Timeout:
                    return "timed out";
                case TransportFailure.ConnectionLost:
                    return "connection reset or closed";
                case TransportFailure.Unreachable:
                    return "host not found or unreachable";
                case TransportFailure.Tls:
                    return code == SocketErrorCodes.CertificateNotTrusted ? "certificate not trusted for this host" : "TLS handshake rejected";
            }

            return "socket error";
        }

        // The Windows socket error number (or negative TLS code): the device's ErrorCode already is one.
        private static int CodeOf(SocketException e)
        {
#if NANOFRAMEWORK_1_0
            return e.ErrorCode;
#else
            return SocketErrorCodes.CodeOf(e);
#endif
        }
    }
}
