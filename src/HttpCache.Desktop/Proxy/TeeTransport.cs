// TeeTransport: the proxy's transport — a 200 from the origin goes to the waiting client as it arrives and, at the same
// time, into the buffer the cache engine stores, so no client waits for a whole body before its first byte.
using System;
using System.IO;
using System.Threading;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace HttpCache.Desktop.Proxy
{
    /// <summary>
    /// Sends the engine's requests with <see cref="SocketTransport"/>. For the client request in progress
    /// (<see cref="Client"/>), a full <c>200</c> to a <c>GET</c> with a large body (over <see cref="StreamFromBytes"/>, or of
    /// unknown length) is written to that client as it is read: its end-to-end
    /// fields, then each chunk of the body. The engine gets the whole response as usual to store it, or, for a body over
    /// <see cref="SocketTransport.MaxBodyBytes"/>, a too-large failure once the client has it all. Every other answer (a
    /// 304 to a revalidation the client did not ask for, a 206, an error the engine may replace with a stale copy) is read
    /// whole and left to the engine.
    /// </summary>
    internal sealed class TeeTransport : IHttpTransport
    {
        /// <summary>The key of <see cref="HttpContext.Items"/> set once a response has been written to the client here.</summary>
        public const string Streamed = "httpcache.streamed";

        private const int ChunkBytes = 64 * 1024;

        /// <summary>Bodies above this (or of unknown length) are streamed to the client as they arrive.</summary>
        public const long StreamFromBytes = 64 * 1024;

        // The client whose request the engine is serving on this flow of execution (set by the proxy for each request).
        private static readonly AsyncLocal<HttpContext> s_client = new AsyncLocal<HttpContext>();

        private readonly SocketTransport _inner;

        public TeeTransport(SocketTransport inner)
        {
            _inner = inner;
        }

        /// <summary>The client the next origin responses of this request are written to; null: none.</summary>
        public static HttpContext Client
        {
            set { s_client.Value = value; }
        }

        public OriginResponse Send(OriginRequest request)
        {
            HttpContext context = s_client.Value;
            if (context != null && !context.Response.HasStarted)
            {
                // The origin's 1xx responses go to this client as they arrive; the cache never sees them.
                request.Interim = ClientInterim.For(context);
            }

            if (context == null || request.Method != "GET" || context.Response.HasStarted || request.Headers.Contains("Range"))
            {
                return _inner.Send(request);
            }

            using StreamingResponse upstream = _inner.Open(request);
            OriginResponse head = upstream.Head;

            // Small bodies are read whole first: they cost the client no wait worth having, and the engine keeps every
            // choice for them (a stored copy served stale when the origin breaks off, Age as it computes it). A body of
            // unknown length is read up to the threshold before it counts as large.
            MemoryStream first = new MemoryStream();
            if (head.StatusCode != 200 || (upstream.DeclaredLength >= 0 && upstream.DeclaredLength <= StreamFromBytes) || !Fill(upstream, first, StreamFromBytes + 1))
            {
                return ReadWhole(upstream, first);
            }

            return Tee(context, upstream, first, request);
        }

        // Reads into buffer until it holds limit bytes (true) or the body ended (false).
        private static bool Fill(StreamingResponse upstream, MemoryStream buffer, long limit)
        {
            byte[] chunk = new byte[ChunkBytes];
            while (buffer.Length < limit)
            {
                int read = upstream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
                if (read <= 0)
                {
                    return false;
                }

                buffer.Write(chunk, 0, read);
            }

            return true;
        }

        private OriginResponse Tee(HttpContext context, StreamingResponse upstream, MemoryStream first, OriginRequest request)
        {
            OriginResponse head = upstream.Head;
            WriteHead(context, head, request);
            context.Items[Streamed] = true;
            MemoryStream kept = new MemoryStream();
            bool tooLarge = first.Length > _inner.MaxBodyBytes;
            byte[] chunk = new byte[ChunkBytes];
            try
            {
                context.Response.Body.WriteAsync(first.GetBuffer().AsMemory(0, (int)first.Length)).AsTask().GetAwaiter().GetResult();
                if (!tooLarge)
                {
                    first.WriteTo(kept);
                }

                int read;
                while ((read = upstream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    context.Response.Body.WriteAsync(chunk.AsMemory(0, read)).AsTask().GetAwaiter().GetResult();
                    if (!tooLarge && kept.Length + read <= _inner.MaxBodyBytes)
                    {
                        kept.Write(chunk, 0, read);
                    }
                    else
                    {
                        tooLarge = true;
                        kept.SetLength(0);
                    }
                }
            }
            catch (HttpTransportException)
            {
                // The origin broke off: the client must not take a cut body for a whole one, nor the cache store it.
                context.Abort();
                throw;
            }
            catch (Exception e) when (e is IOException || e is OperationCanceledException || e is ObjectDisposedException)
            {
                // The client went away; what the origin sent is not complete either.
                throw new HttpTransportException("The client closed the connection during the body.", e, TransportFailure.ConnectionLost, 0);
            }

            if (tooLarge)
            {
                throw new HttpTransportException("Body exceeds the limit of " + _inner.MaxBodyBytes + " bytes (streamed to the client, not stored).", true);
            }

            return Complete(upstream, kept.ToArray());
        }

        private OriginResponse ReadWhole(StreamingResponse upstream, MemoryStream body)
        {
            byte[] chunk = new byte[ChunkBytes];
            int read;
            while ((read = upstream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (body.Length + read > _inner.MaxBodyBytes)
                {
                    throw new HttpTransportException("Body exceeds the limit of " + _inner.MaxBodyBytes + " bytes.", true);
                }

                body.Write(chunk, 0, read);
            }

            return Complete(upstream, body.ToArray());
        }

        private static OriginResponse Complete(StreamingResponse upstream, byte[] body)
        {
            OriginResponse head = upstream.Head;
            OriginResponse whole = new OriginResponse(head.StatusCode, head.ReasonPhrase, head.HeaderBlock, head.HeaderLength, body, body.Length);
            whole.BytesSent = head.BytesSent;
            whole.BytesReceived = head.HeaderLength + body.Length;
            whole.LinkBytesSent = upstream.LinkBytesSent;
            whole.LinkBytesReceived = upstream.LinkBytesReceived;
            whole.LinkCountsTls = head.LinkCountsTls;
            whole.NewConnection = head.NewConnection;
            whole.TlsHandshake = head.TlsHandshake;
            return whole;
        }

        // The status and the end-to-end fields (hop-by-hop ones, and those Connection names, left out), as the engine forwards them.
        internal static void WriteHead(HttpContext context, OriginResponse head, OriginRequest request)
        {
            context.Response.StatusCode = head.StatusCode;
            if (head.ReasonPhrase != null)
            {
                context.Features.Get<IHttpResponseFeature>().ReasonPhrase = head.ReasonPhrase;
            }

            HeaderFields fields = new HeaderFields(500);
            fields.Parse(head.HeaderBlock, 0, head.HeaderLength);
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            HeaderBlockWriter writer = new HeaderBlockWriter(head.HeaderLength + 2);
            StoredFields.Write(fields, facts, false, writer);
            HeaderFields endToEnd = HeaderFields.Of(writer.ToArray());
            for (int i = 0; i < endToEnd.Count; i++)
            {
                string name = endToEnd.ReceivedNameToString(i);
                string value = endToEnd.ValueToString(i);
                context.Response.Headers[name] = context.Response.Headers.TryGetValue(name, out StringValues existing) ? StringValues.Concat(existing, value) : new StringValues(value);
            }

            if (context.Items[CachingProxy.StatusItem] is string[] status)
            {
                // Streamed as it arrives: what is stored is not known yet when this head leaves.
                bool revalidation = request != null && (request.Headers.Contains("If-None-Match") || request.Headers.Contains("If-Modified-Since"))
                    && !context.Request.Headers.ContainsKey("If-None-Match") && !context.Request.Headers.ContainsKey("If-Modified-Since");
                CacheStatus.Append(context.Response, CacheStatus.Streamed(status[0], revalidation, head.StatusCode, status[1]));
            }
        }
    }
}
