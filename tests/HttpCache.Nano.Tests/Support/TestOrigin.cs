// TestOrigin: a real Kestrel server on 127.0.0.1 (ephemeral port) that records every request it receives.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>One request as the origin saw it.</summary>
    public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers)
    {
        public string Header(string name) => Headers.TryGetValue(name, out string value) ? value : null;
    }

    /// <summary>A loopback Kestrel origin driven by a handler; dispose to stop it.</summary>
    public sealed class TestOrigin : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<SeenRequest> _seen = new();
        private long _bodyBytesSent;

        private TestOrigin(WebApplication app)
        {
            _app = app;
        }

        /// <summary>The base URL, e.g. http://127.0.0.1:54321.</summary>
        public string BaseUrl { get; private set; }

        /// <summary>Requests received, in order.</summary>
        public IReadOnlyList<SeenRequest> Seen => _seen.ToArray();

        /// <summary>Response body bytes the handler wrote.</summary>
        public long BodyBytesSent => System.Threading.Interlocked.Read(ref _bodyBytesSent);

        /// <summary>The URL of <paramref name="path"/> on this origin.</summary>
        public string Url(string path) => BaseUrl + path;

        /// <summary>Starts an origin that answers every request with <paramref name="handler"/>.</summary>
        public static async Task<TestOrigin> StartAsync(Func<HttpContext, Task> handler)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.AddServerHeader = false);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            WebApplication app = builder.Build();
            TestOrigin origin = new TestOrigin(app);
            app.Run(async context =>
            {
                Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> h in context.Request.Headers)
                {
                    headers[h.Key] = h.Value.ToString();
                }

                origin._seen.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers));
                await handler(context);
            });
            await app.StartAsync();
            origin.BaseUrl = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>().Addresses.First();
            return origin;
        }

        /// <summary>Writes <paramref name="body"/> and counts its bytes.</summary>
        public async Task WriteAsync(HttpContext context, byte[] body)
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
            System.Threading.Interlocked.Add(ref _bodyBytesSent, body.Length);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
