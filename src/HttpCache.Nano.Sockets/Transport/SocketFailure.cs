// SocketFailure: a socket or TLS error turned into an HttpTransportException that names its cause and code.
// nanoFramework throws SocketException for TLS failures too, and its Message is the same generic text for every
// code, so the cause is read from the code.
using System;
using System.IO;
using System.Net.Sockets;

namespace HttpCache.Nano.Transport
{
    /// <summary>Classifies socket and TLS errors by their code (Windows socket error numbers, negative mbedTLS codes).</summary>
    internal static class SocketFailure
    {
        /// <summary>Connection refused: nothing listens on the port.</summary>
        public const int Refused = 10061;

        /// <summary>Timed out.</summary>
        public const int TimedOut = 10060;

        /// <summary>mbedTLS: the server's certificate chain did not verify (wrong root, or a name that is not the host's).</summary>
        public const int CertificateNotTrusted = -9984;

        /// <summary>The exception for <paramref name="e"/> while doing <paramref name="what"/> ("Connection to host:port", "TLS handshake with host").</summary>
        public static HttpTransportException From(string what, SocketException e, bool duringTls)
        {
            int code = CodeOf(e);
            TransportFailure failure = Classify(code, duringTls);
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

        /// <summary>The kind of failure a code stands for; during a TLS handshake any code but a timeout or a reset is TLS's.</summary>
        public static TransportFailure Classify(int code, bool duringTls)
        {
            switch (code)
            {
                case Refused:
                    return TransportFailure.Refused;
                case TimedOut:
                    return TransportFailure.Timeout;
                case 10053:
                case 10054:
                case 10057:
                case 10058:
                    return TransportFailure.ConnectionLost;
                case 11001:
                case 11002:
                case 10051:
                case 10065:
                    return TransportFailure.Unreachable;
            }

            return duringTls || code < 0 ? TransportFailure.Tls : TransportFailure.Other;
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
                    return code == CertificateNotTrusted ? "certificate not trusted for this host" : "TLS handshake rejected";
            }

            return "socket error";
        }

#if NANOFRAMEWORK_1_0
        /// <summary>The Windows socket error number (or negative TLS code) of <paramref name="e"/>.</summary>
        public static int CodeOf(SocketException e)
        {
            return e.ErrorCode;
        }
#else
        // Desktop's ErrorCode is the native errno on Linux; SocketErrorCode has the Windows numbers the switch uses. It is
        // read by reflection because the desktop build must pass the nano API check, and nano lacks the property.
        /// <summary>The Windows socket error number (or negative TLS code) of <paramref name="e"/>.</summary>
        public static int CodeOf(SocketException e)
        {
            System.Reflection.MethodInfo getter = e.GetType().GetMethod("get_SocketErrorCode", new Type[0]);
            return (object)getter == null ? 0 : (int)getter.Invoke(e, null);
        }
#endif
    }
}
