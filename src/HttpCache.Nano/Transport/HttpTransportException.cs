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

        /// <summary>Creates the exception with a message and the failure underneath.</summary>
        public HttpTransportException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
