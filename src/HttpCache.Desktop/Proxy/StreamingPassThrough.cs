// StreamingPassThrough: a response too large for the cache's budget, piped from the origin to the client as it
// arrives — never buffered whole, never stored.
using System;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace HttpCache.Desktop.Proxy
{
    /// <summary>Sends a request to the origin and streams its response to the client through a 64 KB buffer.</summary>
    internal static class StreamingPassThrough
    {
        private const int BufferBytes = 64 * 1024;

        /// <summary>The status sent to the client, or 502 when the origin could not be reached.</summary>
        public static Task<int> RunAsync(SocketTransport transport, HttpContext context, string method, string url, HttpHeaders requestHeaders, byte[] body)
        {
            // Blocking socket reads: a dedicated thread, so concurrent downloads cannot starve Kestrel's pool.
            return Task.Factory.StartNew(() => Run(transport, context, method, url, requestHeaders, body), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        private static int Run(SocketTransport transport, HttpContext context, string method, string url, HttpHeaders requestHeaders, byte[] body)
        {
            StreamingResponse upstream;
            try
            {
                upstream = transport.Open(new OriginRequest(method, url, RequestFields.EndToEnd(requestHeaders, false), body));
            }
            catch (HttpTransportException e)
            {
                byte[] text = System.Text.Encoding.UTF8.GetBytes("Bad Gateway: " + e.Message);
                context.Response.StatusCode = 502;
                context.Response.ContentLength = text.Length;
                context.Response.Body.WriteAsync(text).AsTask().GetAwaiter().GetResult();
                return 502;
            }

            using (upstream)
            {
                OriginResponse head = upstream.Head;
                TeeTransport.WriteHead(context, head, null);

                byte[] buffer = new byte[BufferBytes];
                try
                {
                    int read;
                    while ((read = upstream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        context.Response.Body.WriteAsync(buffer.AsMemory(0, read)).AsTask().GetAwaiter().GetResult();
                    }
                }
                catch (HttpTransportException)
                {
                    // The origin broke off: the client must not take a cut body for a whole one.
                    context.Abort();
                }

                return head.StatusCode;
            }
        }
    }
}
