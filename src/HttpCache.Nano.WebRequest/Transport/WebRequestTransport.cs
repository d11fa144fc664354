// WebRequestTransport: the device's standard HTTP API (HttpWebRequest) behind IHttpTransport.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Sends requests with <c>HttpWebRequest</c>, the HTTP API of nanoFramework that exposes response headers
    /// (its <c>HttpClient</c> does not). Bodies are read in 1 KB chunks up to <see cref="MaxBodyBytes"/>;
    /// every response and stream is disposed.
    /// </summary>
    /// <remarks>
    /// <para><b>ETags only.</b> nanoFramework forbids setting <c>If-Modified-Since</c> on a request (a restricted
    /// header with a read-only property), so this transport never sends it, on any platform: revalidation
    /// works through <c>If-None-Match</c>, and a resource with only <c>Last-Modified</c> is downloaded again
    /// when stale. Use <c>SocketTransport</c> to send both validators. Other restricted request fields
    /// (Connection, Content-Length, Expect, Host, Range, Transfer-Encoding, Date, Proxy-Connection) are not
    /// forwarded; Accept, Content-Type, User-Agent and Referer go through their properties.</para>
    /// <para><b>Statuses.</b> nanoFramework returns 304, 4xx and 5xx as ordinary responses; desktop .NET throws a
    /// <c>WebException</c> carrying the response, which is unwrapped here, so both behave the same.</para>
    /// <para><b>Wire bytes</b> are estimated from the request and response as seen through the API (status
    /// line, fields and body); the real figure differs by framing details the API hides.</para>
    /// <para><b>TLS on the device</b>: TLS 1.2 is requested and validated against <see cref="RootCertificate"/>
    /// (the root CA of the origin, PEM or DER); without one, the device's stored CA bundle is used.</para>
    /// </remarks>
    public sealed partial class WebRequestTransport : IHttpTransport, IStreamingTransport
    {
        private const int ChunkSize = 1024;

        /// <summary>Creates a transport with 30 s timeouts and a 64 KB body limit.</summary>
        public WebRequestTransport()
        {
            TimeoutMilliseconds = 30000;
            ReadWriteTimeoutMilliseconds = 30000;
            MaxBodyBytes = 64 * 1024;
        }

        /// <summary>Connect-and-response timeout in milliseconds (HttpWebRequest.Timeout).</summary>
        public int TimeoutMilliseconds { get; set; }

        /// <summary>Timeout for each read or write in milliseconds (HttpWebRequest.ReadWriteTimeout).</summary>
        public int ReadWriteTimeoutMilliseconds { get; set; }

        /// <summary>The largest body accepted; a longer one fails with <see cref="HttpTransportException"/>.</summary>
        public int MaxBodyBytes { get; set; }

        /// <summary>Root CA that validates https origins on the device; null to use the device's CA store.</summary>
        public X509Certificate RootCertificate { get; set; }

        /// <inheritdoc />
        public OriginResponse Send(OriginRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            HttpWebResponse response = null;
            try
            {
                HttpWebRequest webRequest = WebRequestPlatform.Create(request.Url, RootCertificate);
                webRequest.Method = request.Method;
                webRequest.Timeout = TimeoutMilliseconds;
                webRequest.ReadWriteTimeout = ReadWriteTimeoutMilliseconds;
                long sent = request.Method.Length + request.Url.Length + 12;
                sent += CopyHeaders(request.Headers, webRequest);
                if (request.Body != null)
                {
                    webRequest.ContentLength = request.Body.Length;
                    using (Stream body = webRequest.GetRequestStream())
                    {
                        body.Write(request.Body, 0, request.Body.Length);
                    }

                    sent += request.Body.Length;
                }

                response = GetResponse(webRequest);
                return ReadResponse(response, request.Method, sent);
            }
            catch (WebException e)
            {
                throw WebRequestFailure.From("HTTP request to " + request.Url, e);
            }
            catch (SocketException e)
            {
                throw WebRequestFailure.From("HTTP request to " + request.Url, e);
            }
            catch (IOException e)
            {
                throw WebRequestFailure.From("HTTP request to " + request.Url, e);
            }
            finally
            {
                if (response != null)
                {
                    response.Dispose();
                }
            }
        }

        // Desktop .NET throws for 304/4xx/5xx with the response attached; nanoFramework returns them.
        private static HttpWebResponse GetResponse(HttpWebRequest webRequest)
        {
            try
            {
                return (HttpWebResponse)webRequest.GetResponse();
            }
            catch (WebException e)
            {
                HttpWebResponse response = e.Response as HttpWebResponse;
                if (response == null)
                {
                    throw;
                }

                return response;
            }
        }

        private OriginResponse ReadResponse(HttpWebResponse response, string method, long sent)
        {
            int status = (int)response.StatusCode;
            string reason = response.StatusDescription;
            HeaderBlockWriter block = HeadOf(response);
            byte[] body = null;
            int length = 0;

            // Reading the body of a 304 or 204, or of a HEAD response, may block on nanoFramework: there is none.
            if (HasBody(status, method))
            {
                long declared = response.ContentLength;
                if (declared > MaxBodyBytes)
                {
                    throw new HttpTransportException("Response body of " + declared + " bytes exceeds the limit of " + MaxBodyBytes + ".", true);
                }

                body = new byte[declared > 0 ? declared : ChunkSize];
                using (Stream stream = response.GetResponseStream())
                {
                    length = ReadAll(stream, ref body, declared);
                }
            }

            OriginResponse result = new OriginResponse(status, reason, block.Buffer, block.Length, body, length);
            result.BytesSent = sent;
            result.BytesReceived = 15 + (reason == null ? 0 : reason.Length) + block.Length + length;
            return result;
        }

        private static bool HasBody(int status, string method)
        {
            return status != 304 && status != 204 && method != HttpMethods.Head && !(status >= 100 && status < 200);
        }

        // The response's fields as a header block.
        private static HeaderBlockWriter HeadOf(HttpWebResponse response)
        {
            HeaderBlockWriter block = new HeaderBlockWriter(512);
            WebHeaderCollection headers = response.Headers;
            string[] names = headers.AllKeys;
            for (int i = 0; i < names.Length; i++)
            {
                string[] values = headers.GetValues(names[i]);
                if (values == null)
                {
                    block.Append(names[i], headers[names[i]]);
                    continue;
                }

                for (int j = 0; j < values.Length; j++)
                {
                    block.Append(names[i], values[j]);
                }
            }

            block.End();
            return block;
        }

        private int ReadAll(Stream stream, ref byte[] body, long declared)
        {
            int length = 0;
            while (declared < 0 || length < declared)
            {
                if (length == body.Length)
                {
                    if (length >= MaxBodyBytes)
                    {
                        throw new HttpTransportException("Response body exceeds the limit of " + MaxBodyBytes + " bytes.", true);
                    }

                    int size = body.Length * 2 > MaxBodyBytes ? MaxBodyBytes : body.Length * 2;
                    byte[] grown = new byte[size];
                    Array.Copy(body, grown, length);
                    body = grown;
                }

                int want = body.Length - length;
                int read = stream.Read(body, length, want > ChunkSize ? ChunkSize : want);
                if (read <= 0)
                {
                    break;
                }

                length += read;
            }

            if (declared >= 0 && length < declared)
            {
                throw new HttpTransportException("Connection closed after " + length + " of " + declared + " body bytes.", null, TransportFailure.ConnectionLost, 0);
            }

            return length;
        }

        // Copies the end-to-end fields HttpWebRequest lets through; returns the bytes they take on the wire.
        private static long CopyHeaders(HttpHeaders headers, HttpWebRequest webRequest)
        {
            long bytes = 0;
            for (int i = 0; i < headers.Count; i++)
            {
                string name = headers.GetName(i);
                string value = headers.GetValue(i);
                if (Ascii.EqualsIgnoreCase(name, "Accept"))
                {
                    webRequest.Accept = value;
                }
                else if (Ascii.EqualsIgnoreCase(name, "Content-Type"))
                {
                    webRequest.ContentType = value;
                }
                else if (Ascii.EqualsIgnoreCase(name, "User-Agent"))
                {
                    webRequest.UserAgent = value;
                }
                else if (Ascii.EqualsIgnoreCase(name, "Referer"))
                {
                    webRequest.Referer = value;
                }
                else if (IsRestricted(name))
                {
                    continue;
                }
                else
                {
                    webRequest.Headers.Add(name, value);
                }

                bytes += name.Length + value.Length + 4;
            }

            return bytes;
        }

        // Fields nanoFramework's WebHeaderCollection refuses on a request (desktop refuses Date too).
        private static bool IsRestricted(string name)
        {
            return Ascii.EqualsIgnoreCase(name, "If-Modified-Since") || Ascii.EqualsIgnoreCase(name, "Connection") || Ascii.EqualsIgnoreCase(name, "Content-Length")
                || Ascii.EqualsIgnoreCase(name, "Expect") || Ascii.EqualsIgnoreCase(name, "Host") || Ascii.EqualsIgnoreCase(name, "Range")
                || Ascii.EqualsIgnoreCase(name, "Transfer-Encoding") || Ascii.EqualsIgnoreCase(name, "Proxy-Connection") || Ascii.EqualsIgnoreCase(name, "Date");
        }
    }
}
