// SocketTransport: a small HTTP/1.1 client over Socket + NetworkStream (SslStream for https).
using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Time;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Writes HTTP/1.1 requests itself and reads responses with <see cref="HttpResponseReader"/>: the status line
    /// and header block are parsed straight from the received bytes without creating header strings. Unlike
    /// <c>WebRequestTransport</c> it sends every request field, <c>If-Modified-Since</c> included.
    /// </summary>
    /// <remarks>
    /// <para><b>Persistent connections</b> (RFC 9112 9.3). After a response that leaves the connection at the next one
    /// (framed by its length or by chunks, no <c>Connection: close</c>, within the server's <c>Keep-Alive: max</c>), the
    /// connection is kept for the next request to the same origin (scheme, host, port): at most
    /// <see cref="MaxConnectionsPerOrigin"/> idle ones, each for at most <see cref="IdleTimeoutMilliseconds"/> (or less
    /// when the server's <c>Keep-Alive: timeout</c> says so). A kept connection the server has closed meanwhile is
    /// noticed before use; when a reused connection fails before any byte of the response arrived, an idempotent
    /// request (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) is sent once more on a new connection, any other request fails.
    /// <see cref="CloseIdle"/> (or <see cref="Dispose"/>) closes the idle ones: call it before deep sleep.</para>
    /// <para>Limits: <see cref="MaxHeaderBytes"/>, <see cref="MaxHeaderFields"/>, <see cref="MaxBodyBytes"/>; timeouts:
    /// <see cref="TimeoutMilliseconds"/> for each send and receive, <see cref="TotalTimeoutMilliseconds"/> for the whole
    /// exchange (a peer trickling bytes cannot hold the device). IPv4. Every failure throws
    /// <see cref="HttpTransportException"/>.</para>
    /// <para><b>Bytes</b>: each response reports the HTTP bytes of the exchange and the bytes the link carried
    /// (<see cref="OriginResponse.LinkBytesSent"/>), counted at the socket: on desktop below TLS (records and the handshake
    /// included); on nanoFramework, whose SslStream works on the socket itself, above it.</para>
    /// <para>https: on nanoFramework TLS 1.2 is negotiated with <c>SslStream.AuthenticateAsClient(host, null,
    /// RootCertificate, SslProtocols.Tls12)</c> (the root as the CA); set <see cref="RootCertificate"/> to the origin's root CA, or leave it null to use the CA
    /// bundle stored on the device. On desktop the operating system's trust store validates the server, unless
    /// <see cref="TlsAuthenticator"/> does it.</para>
    /// <para>Thread-safe: concurrent requests use their own connections.</para>
    /// </remarks>
    public sealed class SocketTransport : IHttpTransport, IConnectionPool, IDisposable, IStreamingTransport
    {
        private readonly ConnectionPool _pool = new ConnectionPool();
        private long _connectionsOpened;

        /// <summary>
        /// Creates a transport with 8 KB / 100 field header limits, a 64 KB body limit, 30 s / 60 s timeouts, and one
        /// kept connection per origin for up to 4 s.
        /// </summary>
        public SocketTransport()
        {
            TimeoutMilliseconds = 30000;
            TotalTimeoutMilliseconds = 60000;
            MaxHeaderBytes = 8192;
            MaxHeaderFields = 100;
            MaxBodyBytes = 64 * 1024;
            MaxConnectionsPerOrigin = 1;

            // Below the shortest idle timeout common servers use (5 s: Apache, Node.js), so the client, not the server,
            // ends an idle connection: a server closing it just as a request is sent is the race that costs a retry.
            IdleTimeoutMilliseconds = 4000;
            Clock = new SystemClock();
        }

        /// <summary>Timeout of each socket send and receive, in milliseconds.</summary>
        public int TimeoutMilliseconds { get; set; }

        /// <summary>Time limit of a whole exchange, in milliseconds.</summary>
        public int TotalTimeoutMilliseconds { get; set; }

        /// <summary>The largest status line plus header section accepted.</summary>
        public int MaxHeaderBytes { get; set; }

        /// <summary>The most header fields accepted.</summary>
        public int MaxHeaderFields { get; set; }

        /// <summary>The largest body accepted.</summary>
        public int MaxBodyBytes { get; set; }

        /// <summary>Idle connections kept per origin (0: close every connection after its response).</summary>
        public int MaxConnectionsPerOrigin { get; set; }

        /// <summary>How long an idle connection is kept, in milliseconds (a server's shorter <c>Keep-Alive: timeout</c> wins).</summary>
        public int IdleTimeoutMilliseconds { get; set; }

        /// <summary>The clock idle time is measured with (monotonic milliseconds).</summary>
        public IClock Clock { get; set; }

        /// <summary>Root CA validating https origins on the device; null uses the device's CA store.</summary>
        public X509Certificate RootCertificate { get; set; }

        /// <summary>A TLS step of the caller's own (desktop: for a private trust root), or null for the platform's.</summary>
        public TlsAuthenticator TlsAuthenticator { get; set; }

        /// <summary>Connections opened since the transport was created.</summary>
        public long ConnectionsOpened
        {
            get { return _connectionsOpened; }
        }

        /// <summary>Idle connections kept now.</summary>
        public int IdleConnections
        {
            get { return _pool.IdleCount; }
        }

        /// <inheritdoc />
        public OriginResponse Send(OriginRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            HttpUrl url = HttpUrl.Parse(request.Url);
            byte[] head = WriteRequestHead(request, url);
            string origin = Connection.OriginOf(url);
            Connection connection = MaxConnectionsPerOrigin > 0 ? _pool.Take(origin, Clock.MonotonicMilliseconds) : null;
            bool reused = connection != null;
            while (true)
            {
                bool opened = connection == null;
                try
                {
                    if (opened)
                    {
                        connection = Connection.Open(url, this);
                        _connectionsOpened++;
                    }
                }
                catch (SocketException e)
                {
                    throw SocketFailure.From("Connection to " + url.Authority, e, false);
                }
                catch (IOException e)
                {
                    throw SocketFailure.FromIo("TLS with " + url.Authority, e);
                }

                try
                {
                    return Exchange(connection, request, head, opened);
                }
                catch (HttpTransportException)
                {
                    connection.Close();
                    if (reused && !opened && !connection.ResponseStarted && IsIdempotent(request.Method))
                    {
                        // The server closed the kept connection: once more, on a new one (no response byte was lost).
                        connection = null;
                        continue;
                    }

                    throw;
                }
            }
        }

        /// <summary>
        /// Sends <paramref name="request"/> and returns once the response head has arrived, leaving the body on the
        /// connection to be read in pieces (<see cref="StreamingResponse.Read"/>): for bodies larger than the heap. The
        /// head is bounded by <see cref="TotalTimeoutMilliseconds"/>, each body read by <see cref="TimeoutMilliseconds"/>;
        /// no body limit applies. Dispose the response: a body read to its end leaves the connection for the next request.
        /// </summary>
        /// <exception cref="HttpTransportException">The connection failed, or the head is malformed.</exception>
        public StreamingResponse Open(OriginRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            HttpUrl url = HttpUrl.Parse(request.Url);
            byte[] head = WriteRequestHead(request, url);
            Connection connection = MaxConnectionsPerOrigin > 0 ? _pool.Take(Connection.OriginOf(url), Clock.MonotonicMilliseconds) : null;
            bool reused = connection != null;
            while (true)
            {
                bool opened = connection == null;
                try
                {
                    if (opened)
                    {
                        connection = Connection.Open(url, this);
                        _connectionsOpened++;
                    }

                    long sentBefore = opened ? 0 : connection.BytesSent;
                    long receivedBefore = opened ? 0 : connection.BytesReceived;
                    connection.ResponseStarted = false;
                    Stream stream = connection.Deadline.Start(TotalTimeoutMilliseconds);
                    stream.Write(head, 0, head.Length);
                    stream.Flush();
                    connection.ResponseStarted = true;
                    connection.Reader.Interim = request.Interim;
                    OriginResponse response = connection.Reader.ReadHead(stream, request.Method);
                    connection.Reader.ContinueBodyOn(connection.Stream);
                    response.BytesSent = head.Length;
                    response.NewConnection = opened;
                    response.TlsHandshake = opened && connection.IsTls;
                    return new StreamingResponse(this, connection, response, sentBefore, receivedBefore);
                }
                catch (SocketException e)
                {
                    connection = Failed(connection, reused, opened, request, SocketFailure.From("Connection to " + url.Authority, e, false));
                }
                catch (IOException e)
                {
                    connection = Failed(connection, reused, opened, request, SocketFailure.FromIo("I/O with " + url.Authority, e));
                }
                catch (HttpTransportException e)
                {
                    connection = Failed(connection, reused, opened, request, e);
                }
            }
        }

        IStreamingResponse IStreamingTransport.Open(OriginRequest request)
        {
            return Open(request);
        }

        // A failed open or head: closes the connection and returns null to try once more on a new one (a kept connection
        // the server closed, nothing of the response received, an idempotent request), or throws.
        private static Connection Failed(Connection connection, bool reused, bool opened, OriginRequest request, HttpTransportException cause)
        {
            bool started = connection != null && connection.ResponseStarted && connection.Reader.BytesRead > 0;
            if (connection != null)
            {
                connection.Close();
            }

            if (reused && !opened && !started && IsIdempotent(request.Method))
            {
                return null;
            }

            throw cause;
        }

        // A streamed response's connection after its body: kept when it may carry another request.
        internal void Release(Connection connection, bool bodyComplete)
        {
            if (bodyComplete)
            {
                KeepOrClose(connection);
            }
            else
            {
                connection.Close();
            }
        }

        /// <inheritdoc />
        public void CloseIdle()
        {
            _pool.CloseAll();
        }

        /// <summary>Closes the idle connections.</summary>
        public void Dispose()
        {
            _pool.CloseAll();
        }

        // One request and its response on a connection; keeps the connection when the response leaves it reusable.
        private OriginResponse Exchange(Connection connection, OriginRequest request, byte[] head, bool opened)
        {
            long sentBefore = opened ? 0 : connection.BytesSent;
            long receivedBefore = opened ? 0 : connection.BytesReceived;
            connection.ResponseStarted = false;
            OriginResponse response;
            try
            {
                Stream stream = connection.Deadline.Start(TotalTimeoutMilliseconds);
                stream.Write(head, 0, head.Length);
                long sent = head.Length;
                if (request.Body != null && request.Body.Length > 0)
                {
                    stream.Write(request.Body, 0, request.Body.Length);
                    sent += request.Body.Length;
                }

                stream.Flush();
                connection.ResponseStarted = true;
                connection.Reader.Interim = request.Interim;
                response = connection.Reader.Read(stream, request.Method);
                response.BytesSent = sent;
            }
            catch (SocketException e)
            {
                connection.ResponseStarted = connection.ResponseStarted && connection.Reader.BytesRead > 0;
                throw SocketFailure.From("Connection to " + connection.Origin, e, false);
            }
            catch (IOException e)
            {
                connection.ResponseStarted = connection.ResponseStarted && connection.Reader.BytesRead > 0;
                throw SocketFailure.FromIo("I/O with " + connection.Origin, e);
            }
            catch (HttpTransportException)
            {
                connection.ResponseStarted = connection.ResponseStarted && connection.Reader.BytesRead > 0;
                throw;
            }

            response.LinkBytesSent = connection.BytesSent - sentBefore;
            response.LinkBytesReceived = connection.BytesReceived - receivedBefore;
            response.LinkCountsTls = connection.CountsTlsRecords;
            response.NewConnection = opened;
            response.TlsHandshake = opened && connection.IsTls;
            KeepOrClose(connection);
            return response;
        }

        private void KeepOrClose(Connection connection)
        {
            HttpResponseReader reader = connection.Reader;
            connection.Exchanges++;
            if (reader.KeepAliveMax >= 0)
            {
                connection.RemainingExchanges = reader.KeepAliveMax;
            }

            long idleLimit = IdleTimeoutMilliseconds;
            if (reader.KeepAliveTimeoutSeconds >= 0 && reader.KeepAliveTimeoutSeconds * 1000 < idleLimit)
            {
                // The server's own idle limit, less a second of margin for the request still on its way.
                idleLimit = reader.KeepAliveTimeoutSeconds * 1000 - 1000;
            }

            connection.IdleLimit = idleLimit;
            if (MaxConnectionsPerOrigin > 0 && reader.CanReuseConnection && connection.RemainingExchanges != 0 && idleLimit > 0)
            {
                _pool.Give(connection, Clock.MonotonicMilliseconds, MaxConnectionsPerOrigin);
                return;
            }

            connection.Close();
        }

        // RFC 9110 9.2.2: these may be sent again without changing what the first attempt meant.
        private static bool IsIdempotent(string method)
        {
            return method == HttpMethods.Get || method == HttpMethods.Head || method == HttpMethods.Options || method == HttpMethods.Trace || method == HttpMethods.Put || method == HttpMethods.Delete;
        }

        /// <summary>
        /// The request line and header section as bytes (Host and, when there is a body, Content-Length added). No
        /// <c>Connection</c> field: HTTP/1.1 connections persist by default, and a connection not kept is simply closed.
        /// </summary>
        public static byte[] WriteRequestHead(OriginRequest request, HttpUrl url)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(256);
            writer.AppendText(request.Method);
            writer.AppendText(" ");
            writer.AppendText(url.Target);
            writer.AppendText(" HTTP/1.1\r\n");
            writer.Append("Host", url.Authority);
            HttpHeaders headers = request.Headers;
            for (int i = 0; i < headers.Count; i++)
            {
                HeaderName known = KnownHeaders.Find(headers.GetName(i));
                if (known == HeaderName.Host || known == HeaderName.Connection || known == HeaderName.ContentLength || known == HeaderName.TransferEncoding)
                {
                    continue;
                }

                writer.Append(headers.GetName(i), headers.GetValue(i));
            }

            if (request.Body != null || (request.Method != HttpMethods.Get && request.Method != HttpMethods.Head))
            {
                writer.Append("Content-Length", request.Body == null ? 0 : request.Body.Length);
            }

            writer.End();
            return writer.ToArray();
        }
    }
}
