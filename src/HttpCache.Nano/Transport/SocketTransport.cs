// SocketTransport: a small HTTP/1.1 client over Socket + NetworkStream (SslStream for https).
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Writes HTTP/1.1 requests itself and reads responses with <see cref="HttpResponseReader"/>: the status line
    /// and header block are parsed straight from the received bytes without creating header strings. Unlike
    /// <see cref="WebRequestTransport"/> it sends every request field, <c>If-Modified-Since</c> included.
    /// </summary>
    /// <remarks>
    /// <para>One connection per request (closed after the response, which is read by its framing), IPv4. Limits: <see cref="MaxHeaderBytes"/>,
    /// <see cref="MaxHeaderFields"/>, <see cref="MaxBodyBytes"/>; timeouts: <see cref="TimeoutMilliseconds"/> for
    /// each send and receive, <see cref="TotalTimeoutMilliseconds"/> for the whole exchange (a peer trickling bytes
    /// cannot hold the device). Every failure throws <see cref="HttpTransportException"/>.</para>
    /// <para>https: on nanoFramework TLS 1.2 is negotiated with <c>SslStream.AuthenticateAsClient(host, RootCertificate,
    /// SslProtocols.Tls12)</c>; set <see cref="RootCertificate"/> to the origin's root CA, or leave it null to use the CA
    /// bundle stored on the device. On desktop the operating system's trust store validates the server.</para>
    /// <para>Thread-safe: each call uses its own socket and buffers.</para>
    /// </remarks>
    public sealed class SocketTransport : IHttpTransport
    {
        /// <summary>Creates a transport with 8 KB / 100 field header limits, a 64 KB body limit and 30 s / 60 s timeouts.</summary>
        public SocketTransport()
        {
            TimeoutMilliseconds = 30000;
            TotalTimeoutMilliseconds = 60000;
            MaxHeaderBytes = 8192;
            MaxHeaderFields = 100;
            MaxBodyBytes = 64 * 1024;
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

        /// <summary>Root CA validating https origins on the device; null uses the device's CA store.</summary>
        public X509Certificate RootCertificate { get; set; }

        /// <inheritdoc />
        public OriginResponse Send(OriginRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            HttpUrl url = HttpUrl.Parse(request.Url);
            byte[] head = WriteRequestHead(request, url);
            Socket socket = null;
            Stream stream = null;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SendTimeout = TimeoutMilliseconds;
                socket.ReceiveTimeout = TimeoutMilliseconds;
                socket.Connect(new IPEndPoint(Resolve(url.Host), url.Port));
                Stream connection = url.IsHttps ? TlsStream.Open(socket, url.Host, RootCertificate) : new NetworkStream(socket, true);
                stream = new DeadlineStream(connection, TotalTimeoutMilliseconds);
                stream.Write(head, 0, head.Length);
                long sent = head.Length;
                if (request.Body != null && request.Body.Length > 0)
                {
                    stream.Write(request.Body, 0, request.Body.Length);
                    sent += request.Body.Length;
                }

                stream.Flush();
                HttpResponseReader reader = new HttpResponseReader(MaxHeaderBytes, MaxHeaderFields, MaxBodyBytes);
                OriginResponse response = reader.Read(stream, request.Method);
                response.BytesSent = sent;
                return response;
            }
            catch (SocketException e)
            {
                throw new HttpTransportException("Connection to " + url.Authority + " failed: " + e.Message, e);
            }
            catch (IOException e)
            {
                throw new HttpTransportException("I/O error talking to " + url.Authority + ": " + e.Message, e);
            }
            finally
            {
                if (stream != null)
                {
                    stream.Dispose();
                }

                if (socket != null)
                {
                    socket.Close();
                }
            }
        }

        /// <summary>
        /// The request line and header section as bytes (Host and, when there is a body, Content-Length added). No
        /// <c>Connection: close</c>: every response is read by its own framing and the socket is closed right after,
        /// so those 19 bytes would only cost metered traffic on every poll.
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

            if (request.Body != null || (request.Method != "GET" && request.Method != "HEAD"))
            {
                writer.Append("Content-Length", request.Body == null ? 0 : request.Body.Length);
            }

            writer.End();
            return writer.ToArray();
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
