// WebRequestTransport.Streaming: a response body from HttpWebRequest read in pieces, and Range through AddRange (the
// field is restricted on HttpWebRequest, on nanoFramework as on desktop).
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    public sealed partial class WebRequestTransport
    {
        /// <summary>
        /// Sends a GET (or HEAD) and returns once the response head has arrived, the body left to
        /// <see cref="IStreamingResponse.Read"/>; a <c>Range</c> of one <c>bytes</c> range is set with
        /// <c>HttpWebRequest.AddRange</c> (positions below 2 GB), <c>If-Range</c> sent as it is. No body limit applies.
        /// Link bytes are the HTTP bytes, estimated: <c>HttpWebRequest</c> does not show the socket.
        /// </summary>
        /// <exception cref="HttpTransportException">The origin could not be reached, or the range cannot be expressed.</exception>
        public IStreamingResponse Open(OriginRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }

            try
            {
                HttpWebRequest webRequest = WebRequestPlatform.Create(request.Url, RootCertificate);
                webRequest.Method = request.Method;
                webRequest.Timeout = TimeoutMilliseconds;
                webRequest.ReadWriteTimeout = ReadWriteTimeoutMilliseconds;
                long sent = request.Method.Length + request.Url.Length + 12 + CopyHeaders(request.Headers, webRequest);
                sent += AddRange(request.Headers, webRequest);
                HttpWebResponse response = GetResponse(webRequest);
                int status = (int)response.StatusCode;
                HeaderBlockWriter block = HeadOf(response);
                OriginResponse head = new OriginResponse(status, response.StatusDescription, block.Buffer, block.Length, null, 0);
                head.BytesSent = sent;
                head.BytesReceived = 15 + block.Length;
                return new WebResponseBody(response, head, HasBody(status, request.Method));
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
        }

        // The request's Range, if any, through AddRange; the bytes it takes on the wire.
        private static long AddRange(HttpHeaders headers, HttpWebRequest webRequest)
        {
            string value = headers.Get("Range");
            if (value == null)
            {
                return 0;
            }

            byte[] bytes = TextBytes.Of(value);
            long first;
            long last;
            if (ByteRange.Parse(bytes, 0, bytes.Length, out first, out last) != RangeKind.Single || first < 0 || first > int.MaxValue || last > int.MaxValue)
            {
                throw new HttpTransportException("HttpWebRequest can send only one byte range below 2 GB, not " + value + ".");
            }

            if (last < 0)
            {
                webRequest.AddRange((int)first);
            }
            else
            {
                webRequest.AddRange((int)first, (int)last);
            }

            return value.Length + 9;
        }

        // The body of an HttpWebResponse, read through to the caller's buffer.
        private sealed class WebResponseBody : IStreamingResponse
        {
            private readonly HttpWebResponse _response;
            private Stream _body;
            private long _read;
            private bool _complete;

            public WebResponseBody(HttpWebResponse response, OriginResponse head, bool hasBody)
            {
                _response = response;
                Head = head;
                DeclaredLength = hasBody ? response.ContentLength : 0;
                _complete = !hasBody || DeclaredLength == 0;
            }

            public OriginResponse Head { get; private set; }

            public long DeclaredLength { get; private set; }

            public long BodyBytesRead
            {
                get { return _read; }
            }

            public bool IsComplete
            {
                get { return _complete; }
            }

            public long LinkBytesSent
            {
                get { return Head.BytesSent; }
            }

            public long LinkBytesReceived
            {
                get { return Head.BytesReceived + _read; }
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                if (_complete || count <= 0)
                {
                    return 0;
                }

                if (DeclaredLength >= 0 && DeclaredLength - _read < count)
                {
                    count = (int)(DeclaredLength - _read);
                }

                int read;
                try
                {
                    if (_body == null)
                    {
                        _body = _response.GetResponseStream();
                    }

                    read = _body.Read(buffer, offset, count);
                }
                catch (IOException e)
                {
                    throw WebRequestFailure.From("Read", e);
                }
                catch (WebException e)
                {
                    throw WebRequestFailure.From("Read", e);
                }
                catch (SocketException e)
                {
                    throw WebRequestFailure.From("Read", e);
                }

                if (read <= 0)
                {
                    if (DeclaredLength >= 0)
                    {
                        throw new HttpTransportException("Connection closed after " + _read + " of " + DeclaredLength + " body bytes.", null, TransportFailure.ConnectionLost, 0);
                    }

                    _complete = true;
                    return 0;
                }

                _read += read;
                _complete = DeclaredLength >= 0 && _read == DeclaredLength;
                return read;
            }

            public void Dispose()
            {
                if (_body != null)
                {
                    _body.Dispose();
                    _body = null;
                }

                _response.Dispose();
            }
        }
    }
}
