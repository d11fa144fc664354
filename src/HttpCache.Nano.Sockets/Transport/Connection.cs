// Connection: one HTTP/1.1 connection to an origin — socket, streams, byte counters and its response reader —
// kept open between exchanges by ConnectionPool.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// An open connection: the socket, the counting stream right above it (so the bytes the link carries are counted,
    /// below TLS where the platform allows), the application stream (TLS or the counted socket stream), and a
    /// response reader reused for every response on it. Used by one exchange at a time.
    /// </summary>
    internal sealed class Connection
    {
        private readonly Socket _socket;
        private readonly CountingStream _counted;
        private readonly Stream _stream;

        private Connection(string origin, Socket socket, CountingStream counted, Stream stream, bool countsTls, bool tls, HttpResponseReader reader)
        {
            Origin = origin;
            _socket = socket;
            _counted = counted;
            _stream = stream;
            CountsTlsRecords = countsTls;
            IsTls = tls;
            Reader = reader;
            RemainingExchanges = -1;
            Deadline = new DeadlineStream(stream);
        }

        /// <summary>The origin it is connected to, as "scheme://host:port".</summary>
        public string Origin { get; private set; }

        /// <summary>The stream exchanges read and write (plaintext).</summary>
        public Stream Stream
        {
            get { return _stream; }
        }

        /// <summary><see cref="Stream"/> bounded by the current exchange's time limit (one wrapper, restarted per exchange).</summary>
        public DeadlineStream Deadline { get; private set; }

        /// <summary>The reader of the responses on this connection.</summary>
        public HttpResponseReader Reader { get; private set; }

        /// <summary>True for https.</summary>
        public bool IsTls { get; private set; }

        /// <summary>True when the counters include TLS records and the handshake (the count is taken below TLS).</summary>
        public bool CountsTlsRecords { get; private set; }

        /// <summary>Bytes written to the link so far (the handshake included).</summary>
        public long BytesSent
        {
            get { return _counted.BytesWritten; }
        }

        /// <summary>Bytes read from the link so far (the handshake included).</summary>
        public long BytesReceived
        {
            get { return _counted.BytesRead; }
        }

        /// <summary>True once a byte of the current exchange's response arrived (a failure after that is never retried).</summary>
        public bool ResponseStarted { get; set; }

        /// <summary>Exchanges completed on this connection.</summary>
        public int Exchanges { get; set; }

        /// <summary>When it was last released idle, in monotonic milliseconds.</summary>
        public long IdleSince { get; set; }

        /// <summary>How long it may stay idle, in milliseconds (ours, or less when the server said so).</summary>
        public long IdleLimit { get; set; }

        /// <summary>Exchanges the server still accepts on it, or -1 for no stated limit.</summary>
        public long RemainingExchanges { get; set; }

        /// <summary>Connects (and negotiates TLS for https); the connection counts from its first byte.</summary>
        /// <exception cref="SocketException">The connection failed.</exception>
        /// <exception cref="HttpTransportException">The host cannot be resolved or TLS failed.</exception>
        public static Connection Open(HttpUrl url, SocketTransport settings)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.SendTimeout = settings.TimeoutMilliseconds;
                socket.ReceiveTimeout = settings.TimeoutMilliseconds;
                socket.Connect(new IPEndPoint(Resolve(url.Host), url.Port));
                CountingStream counted = new CountingStream(new NetworkStream(socket, true));
                Stream stream = counted;
                bool countsTls = true;
                if (url.IsHttps)
                {
                    stream = Handshake(socket, counted, url.Host, settings.RootCertificate, settings.TlsAuthenticator, out countsTls);
                    if (!countsTls)
                    {
                        // TLS sits on the socket itself (nanoFramework): count the plaintext above it instead.
                        counted = new CountingStream(stream);
                        stream = counted;
                    }
                }

                HttpResponseReader reader = new HttpResponseReader(settings.MaxHeaderBytes, settings.MaxHeaderFields, settings.MaxBodyBytes);
                return new Connection(OriginOf(url), socket, counted, stream, countsTls, url.IsHttps, reader);
            }
            catch (SocketException)
            {
                socket.Close();
                throw;
            }
            catch (HttpTransportException)
            {
                socket.Close();
                throw;
            }
            catch (IOException)
            {
                socket.Close();
                throw;
            }
        }

        /// <summary>"scheme://host:port" of a URL: what a connection may be reused for.</summary>
        public static string OriginOf(HttpUrl url)
        {
            return (url.IsHttps ? "https://" : "http://") + url.Host + ":" + url.Port;
        }

        /// <summary>
        /// False when the server has closed the connection (or sent something unasked) while it was idle: the socket
        /// then reads as readable with nothing, or with bytes no request asked for.
        /// </summary>
        public bool LooksOpen()
        {
            try
            {
                return !_socket.Poll(0, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        /// <summary>Closes the connection (quietly: it is being given up).</summary>
        public void Close()
        {
            try
            {
                _stream.Dispose();
            }
            catch (IOException)
            {
                // Closing a connection the peer already reset: nothing left to release.
            }
            catch (SocketException)
            {
                // Likewise.
            }

            _socket.Close();
        }

        private static Stream Handshake(Socket socket, CountingStream counted, string host, X509Certificate root, TlsAuthenticator custom, out bool countsTls)
        {
            if (custom != null)
            {
                countsTls = true;
                return custom(counted, host);
            }

            countsTls = TlsStream.CountsRecords;
            return TlsStream.Open(socket, counted, host, root);
        }

        private static IPAddress Resolve(string host)
        {
            bool literal = true;
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if (!(c == '.' || (c >= '0' && c <= '9')))
                {
                    literal = false;
                    break;
                }
            }

            if (literal)
            {
                try
                {
                    return IPAddress.Parse(host);
                }
                catch (FormatException)
                {
                    throw new HttpTransportException("Invalid IPv4 address " + host + ".");
                }
                catch (ArgumentException)
                {
                    throw new HttpTransportException("Invalid IPv4 address " + host + ".");
                }
            }

            IPAddress[] addresses = Dns.GetHostEntry(host).AddressList;
            for (int i = 0; i < addresses.Length; i++)
            {
                // IPv4 only: prefer the first address that is not IPv6.
                if (addresses[i].ToString().IndexOf(':') < 0)
                {
                    return addresses[i];
                }
            }

            throw new HttpTransportException("No IPv4 address for " + host + ".");
        }
    }
}
