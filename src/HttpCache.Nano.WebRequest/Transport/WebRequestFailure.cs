// WebRequestFailure: an HttpWebRequest failure turned into an HttpTransportException that names its kind. Both
// platforms wrap the cause (nano: a WebException around a WebException or a SocketException carrying the mbedTLS code;
// desktop: a WebException around an HttpRequestException around the socket error), so the chain is read, not the
// message.
using System;
using System.Net;
using System.Net.Sockets;

namespace HttpCache.Nano.Transport
{
    /// <summary>Classifies what <see cref="WebRequestTransport"/> caught.</summary>
    internal static class WebRequestFailure
    {
        // How deep the chain of inner exceptions is read.
        private const int MaxDepth = 4;

        /// <summary>The exception for <paramref name="e"/>, caught while doing <paramref name="what"/> ("HTTP request to URL").</summary>
        public static HttpTransportException From(string what, Exception e)
        {
            TransportFailure failure = TransportFailure.Other;
            int code = 0;
            Exception cause = e;
            for (int depth = 0; cause != null && depth < MaxDepth; depth++)
            {
                SocketException socket = cause as SocketException;
                if (socket != null)
                {
                    // The socket's code says more than any status above it (a negative one is the TLS library's).
#if NANOFRAMEWORK_1_0
                    code = socket.ErrorCode;
#else
                    code = SocketErrorCodes.CodeOf(socket);
#endif
                    TransportFailure fromCode = SocketErrorCodes.Classify(code, false);
                    failure = fromCode != TransportFailure.Other ? fromCode : failure;
                    break;
                }

                WebException web = cause as WebException;
                if (web != null && failure == TransportFailure.Other)
                {
                    failure = OfStatus(web.Status);
                }

                cause = cause.InnerException;
            }

            if (failure == TransportFailure.Other && e is System.IO.IOException)
            {
                failure = TransportFailure.ConnectionLost;
            }

            return new HttpTransportException(what + " failed: " + e.Message, e, failure, code);
        }

        /// <summary>The kind of failure a WebException status names; HttpWebRequest does not tell a refused connection from an unreachable host.</summary>
        public static TransportFailure OfStatus(WebExceptionStatus status)
        {
            switch (status)
            {
                case WebExceptionStatus.ConnectFailure:
                    return TransportFailure.Refused;
                case WebExceptionStatus.NameResolutionFailure:
                case WebExceptionStatus.ProxyNameResolutionFailure:
                    return TransportFailure.Unreachable;
                case WebExceptionStatus.Timeout:
                    return TransportFailure.Timeout;
                case WebExceptionStatus.ConnectionClosed:
                case WebExceptionStatus.ReceiveFailure:
                case WebExceptionStatus.SendFailure:
                case WebExceptionStatus.KeepAliveFailure:
                    return TransportFailure.ConnectionLost;
                case WebExceptionStatus.TrustFailure:
                case WebExceptionStatus.SecureChannelFailure:
                    return TransportFailure.Tls;
                case WebExceptionStatus.ServerProtocolViolation:
                    return TransportFailure.Protocol;
            }

            return TransportFailure.Other;
        }
    }
}
