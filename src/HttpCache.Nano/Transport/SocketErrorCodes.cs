// SocketErrorCodes: what a socket or TLS error code means, shared by every transport (the codes are the platform's,
// the kinds are the library's). Codes only: the core assembly does not load System.Net on the device.
namespace HttpCache.Nano.Transport
{
    /// <summary>Classifies socket and TLS error codes (Windows socket error numbers, negative mbedTLS codes).</summary>
    public static class SocketErrorCodes
    {
        /// <summary>Connection refused: nothing listens on the port.</summary>
        public const int Refused = 10061;

        /// <summary>Timed out.</summary>
        public const int TimedOut = 10060;

        /// <summary>mbedTLS: the server's certificate chain did not verify (wrong root, or a name that is not the host's).</summary>
        public const int CertificateNotTrusted = -9984;

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

#if !NANOFRAMEWORK_1_0
        /// <summary>
        /// Desktop only: the Windows socket error number of <paramref name="e"/> (on the device, its ErrorCode already is).
        /// </summary>
        public static int CodeOf(System.Net.Sockets.SocketException e)
        {
            // Desktop's ErrorCode is the native errno on Linux; SocketErrorCode has the Windows numbers. It is read by
            // reflection because the desktop build must pass the nano API check, and nano lacks the property.
            System.Reflection.MethodInfo getter = e.GetType().GetMethod("get_SocketErrorCode", new System.Type[0]);
            return (object)getter == null ? 0 : (int)getter.Invoke(e, null);
        }
#endif
    }
}
