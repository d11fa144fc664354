// HttpMessageHandlerTransport: the engine's transport over a .NET HttpMessageHandler (desktop only).
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Http
{
    /// <summary>Sends the engine's requests through an <see cref="HttpMessageHandler"/> (e.g. SocketsHttpHandler).</summary>
    public sealed class HttpMessageHandlerTransport : IHttpTransport
    {
        private readonly HttpMessageInvoker _invoker;

        /// <summary>Creates a transport over <paramref name="handler"/>, which it does not dispose.</summary>
        public HttpMessageHandlerTransport(HttpMessageHandler handler)
        {
            _invoker = new HttpMessageInvoker(handler ?? throw new ArgumentNullException(nameof(handler)), disposeHandler: false);
        }

        /// <summary>The largest body accepted (default 16 MiB).</summary>
        public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

        /// <inheritdoc />
        public OriginResponse Send(OriginRequest request)
        {
            using HttpRequestMessage message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            long sent = request.Method.Length + request.Url.Length + 12;
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                sent += request.Body.Length;
            }

            for (int i = 0; i < request.Headers.Count; i++)
            {
                string name = request.Headers.GetName(i);
                string value = request.Headers.GetValue(i);
                if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content != null)
                {
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }

                sent += name.Length + value.Length + 4;
            }

            try
            {
                using HttpResponseMessage response = _invoker.Send(message, CancellationToken.None);
                HeaderBlockWriter block = new HeaderBlockWriter(512);
                AppendAll(block, response.Headers);
                AppendAll(block, response.Content.Headers);
                block.End();
                byte[] body = ReadBody(response, request.Method);
                OriginResponse result = new OriginResponse((int)response.StatusCode, response.ReasonPhrase, block.Buffer, block.Length, body, body.Length);
                result.BytesSent = sent;
                result.BytesReceived = 15 + block.Length + body.Length;
                return result;
            }
            catch (HttpRequestException e)
            {
                throw new HttpTransportException("HTTP request to " + request.Url + " failed: " + e.Message, e);
            }
            catch (IOException e)
            {
                throw new HttpTransportException("I/O error talking to " + request.Url + ": " + e.Message, e);
            }
            catch (TaskCanceledException e)
            {
                throw new HttpTransportException("HTTP request to " + request.Url + " timed out.", e);
            }
        }

        private byte[] ReadBody(HttpResponseMessage response, string method)
        {
            int status = (int)response.StatusCode;
            if (method == "HEAD" || status == 204 || status == 304)
            {
                return Array.Empty<byte>();
            }

            if (response.Content.Headers.ContentLength > MaxBodyBytes)
            {
                throw new HttpTransportException("Response body exceeds the limit of " + MaxBodyBytes + " bytes.");
            }

            using Stream stream = response.Content.ReadAsStream();
            using MemoryStream buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw new HttpTransportException("Response body exceeds the limit of " + MaxBodyBytes + " bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        private static void AppendAll(HeaderBlockWriter block, System.Net.Http.Headers.HttpHeaders headers)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
            {
                foreach (string value in header.Value)
                {
                    block.Append(header.Key, value);
                }
            }
        }
    }
}
