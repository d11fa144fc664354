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
    }
}
