// HttpTransportException: the one exception a transport throws, whatever failed underneath.
using System;

namespace HttpCache.Nano.Transport
{
    /// <summary>The origin could not be reached or answered with something that is not a usable HTTP response.</summary>
    public class HttpTransportException : Exception
    {
        /// <summary>Creates the exception with a message.</summary>
        public HttpTransportException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception for a response whose body is over the transport's limit (<see cref="BodyTooLarge"/>).</summary>
        public HttpTransportException(string message, bool bodyTooLarge)
            : base(message)
        {
            BodyTooLarge = bodyTooLarge;
        }

        /// <summary>True when the origin answered fine but its body is over the transport's limit: a size, not an outage.</summary>
        public bool BodyTooLarge { get; private set; }

        /// <summary>Creates the exception with a message and the failure underneath.</summary>
        public HttpTransportException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Creates the exception for a classified failure with the platform's error code (a socket error, or a negative TLS library code).</summary>
        public HttpTransportException(string message, Exception innerException, TransportFailure failure, int errorCode)
            : base(message, innerException)
        {
            Failure = failure;
            ErrorCode = errorCode;
        }

        /// <summary>What failed underneath: a refused connection, a timeout, a lost connection, an unreachable host, TLS, or another failure.</summary>
        public TransportFailure Failure { get; private set; }

        /// <summary>The platform's error code behind <see cref="Failure"/> (socket errors as on Windows: 10061 refused, 10060 timed out; TLS library codes negative), or 0.</summary>
        public int ErrorCode { get; private set; }
    }
}
