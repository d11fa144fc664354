// ConfigOrigin: the demo's embedded origin on 127.0.0.1 — a config document that changes now and then,
// answering conditional requests through the library's ConditionalGet helper.
using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HttpCache.Desktop.Demo
{
    /// <summary>Serves <c>/device/config</c> with ETag, Last-Modified and a short max-age; counts what it sends.</summary>
    public sealed class ConfigOrigin : IAsyncDisposable
    {
        private readonly object _lock = new object();
        private readonly int _maxAge;
        private WebApplication _app;
        private int _version;
        private byte[] _body;
        private long _lastModified;
        private int _full;
        private int _notModified;
        private long _bodyBytes;

        /// <summary>Creates an origin whose responses carry <c>max-age</c>=<paramref name="maxAgeSeconds"/>.</summary>
        public ConfigOrigin(int maxAgeSeconds)
        {
            _maxAge = maxAgeSeconds;
            Change();
        }

        /// <summary>The config URL, once started.</summary>
        public string ConfigUrl { get; private set; }

        /// <summary>The current config version.</summary>
        public int Version => Volatile.Read(ref _version);

        /// <summary>200 responses sent.</summary>
        public int FullResponses => Volatile.Read(ref _full);

        /// <summary>304 responses sent.</summary>
        public int NotModifiedResponses => Volatile.Read(ref _notModified);

        /// <summary>Body bytes sent.</summary>
        public long BodyBytesSent => Interlocked.Read(ref _bodyBytes);

        /// <summary>Publishes a new version of the config.</summary>
        public void Change()
        {
            lock (_lock)
            {
                _version++;
                _lastModified = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                string json = "{\"version\":" + _version + ",\"pollIntervalSeconds\":60,\"mode\":\"" + (_version % 2 == 0 ? "eco" : "normal")
                    + "\",\"thresholds\":{\"temperature\":21.5,\"humidity\":55},\"features\":[\"ota\",\"telemetry\",\"leds\"],\"note\":\""
                    + new string('x', 320) + "\"}";
                _body = Encoding.UTF8.GetBytes(json);
            }
        }

        /// <summary>The port the demo's origin listens on unless told otherwise: fixed, so a second run finds what a first one stored.</summary>
        public const int DefaultPort = 18480;

        /// <summary>Starts Kestrel on 127.0.0.1 at <paramref name="port"/> (0: any free port).</summary>
        /// <exception cref="ArgumentException">The port is taken.</exception>
        public async Task StartAsync(int port = 0)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.AddServerHeader = false);
            builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
            builder.WebHost.UseUrls("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _app = builder.Build();
            _app.Run(Handle);
            try
            {
                await _app.StartAsync();
            }
            catch (IOException e)
            {
                throw new ArgumentException("port " + port + " on 127.0.0.1 is taken (" + e.Message.TrimEnd('.') + "): give another with --port, or --port 0 for any free one.", e);
            }
            ConfigUrl = FirstAddress() + "/device/config";
        }

        private string FirstAddress()
        {
            foreach (string address in _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses)
            {
                return address;
            }

            throw new InvalidOperationException("The origin has no address.");
        }

        private async Task Handle(HttpContext context)
        {
            if (context.Request.Path != "/device/config")
            {
                context.Response.StatusCode = 404;
                return;
            }

            byte[] body;
            int version;
            long lastModified;
            lock (_lock)
            {
                body = _body;
                version = _version;
                lastModified = _lastModified;
            }

            string etag = "\"cfg-v" + version + "\"";
            HeaderBlockWriter full = new HeaderBlockWriter(256);
            full.Append("Date", HttpDate.ToString(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
            full.Append("Cache-Control", "max-age=" + _maxAge);
            full.Append("ETag", etag);
            full.Append("Last-Modified", HttpDate.ToString(lastModified));
            full.Append("Content-Type", "application/json");
            full.End();

            HttpHeaders requestHeaders = new HttpHeaders();
            foreach (var header in context.Request.Headers)
            {
                foreach (string value in header.Value)
                {
                    requestHeaders.Add(header.Key, value);
                }
            }

            ConditionalResult result = ConditionalGet.Evaluate(context.Request.Method, requestHeaders.ToFacts(), etag, lastModified, true);
            if (result == ConditionalResult.NotModified)
            {
                HeaderBlockWriter notModified = new HeaderBlockWriter(256);
                ConditionalGet.WriteNotModifiedHeaders(HeaderFields.Of(full.ToArray()), notModified);
                Write(context, notModified);
                context.Response.StatusCode = 304;
                Interlocked.Increment(ref _notModified);
                return;
            }

            if (result == ConditionalResult.PreconditionFailed)
            {
                context.Response.StatusCode = 412;
                return;
            }

            Write(context, full);
            context.Response.ContentLength = body.Length;
            Interlocked.Increment(ref _full);
            Interlocked.Add(ref _bodyBytes, body.Length);
            await context.Response.Body.WriteAsync(body);
        }

        private static void Write(HttpContext context, HeaderBlockWriter block)
        {
            HeaderFields fields = HeaderFields.Of(block.ToArray());
            for (int i = 0; i < fields.Count; i++)
            {
                context.Response.Headers.Append(fields.ReceivedNameToString(i), fields.ValueToString(i));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_app != null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }
        }
    }
}
