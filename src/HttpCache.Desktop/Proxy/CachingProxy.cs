// CachingProxy: a transparent caching reverse proxy over the HttpCache.Nano engine, on Kestrel.
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace HttpCache.Desktop.Proxy
{
    /// <summary>
    /// Forwards every request to one origin through the cache. Transparent: end-to-end fields go both ways
    /// unchanged (Latin-1, byte for byte), hop-by-hop fields are dropped, redirects are not followed, bodies are
    /// not decompressed, cookies pass through to the origin and back, the origin's Date is kept and no Server field
    /// is added; a response served from the cache carries Age. An unreachable origin answers 502 unless a stale
    /// response may be served. Unsafe methods invalidate. Safe for concurrent clients: by default it is a shared
    /// cache (<see cref="CacheMode.Shared"/>), so one user's private responses and cookies never reach another.
    /// </summary>
    public sealed class CachingProxy : IAsyncDisposable
    {
        /// <summary>How long a stopping proxy lets the exchanges in flight finish.</summary>
        public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

        private const int MaxRequestBody = 16 * 1024 * 1024;

        private readonly string _listen;
        private readonly string _origin;
        private readonly TextWriter _log;
        private readonly object _logLock = new object();
        private readonly SocketTransport _transport;
        private WebApplication _app;
        private int _inFlight;

        /// <summary>A proxy for <paramref name="origin"/> listening on <paramref name="listen"/>, caching as <paramref name="mode"/> says.</summary>
        public CachingProxy(string listen, string origin, ICacheStore store, CacheMode mode, TextWriter log)
            : this(listen, origin, store, mode, log, true)
        {
        }

        /// <summary>
        /// A proxy for <paramref name="origin"/>; with <paramref name="staleOnLostOrigin"/> a stored response is served stale,
        /// however old, when the origin cannot be reached (refused, reset, closed early, timed out), unless RFC 9111 4.2.4
        /// forbids it (<c>must-revalidate</c>, <c>proxy-revalidate</c>, <c>no-cache</c>, a request's <c>no-cache</c>: then 504).
        /// </summary>
        public CachingProxy(string listen, string origin, ICacheStore store, CacheMode mode, TextWriter log, bool staleOnLostOrigin)
        {
            _listen = CheckListen(listen);
            _origin = origin.TrimEnd('/');
            _log = log;
            if (!Uri.TryCreate(_origin, UriKind.Absolute, out Uri originUri) || (originUri.Scheme != "http" && originUri.Scheme != "https") || originUri.Host.Length == 0)
            {
                throw new ArgumentException("--origin must be an absolute http or https URL, e.g. http://api.example.com: " + origin);
            }

            OriginAuthority = originUri.Authority;

            _transport = new SocketTransport
            {
                MaxBodyBytes = 64 * 1024 * 1024,
                MaxHeaderBytes = 64 * 1024,
                MaxHeaderFields = 500,
                TotalTimeoutMilliseconds = 120000,
            };
            CacheOptions options = new CacheOptions { MaxResponseHeaderFields = 500, Mode = mode };
            if (staleOnLostOrigin)
            {
                options.MaxStaleWhenOffline = CacheControl.Unbounded;
            }

            Client = new HttpCacheClient(store, new TeeTransport(_transport), new SystemClock(), options);
            HttpCache.Nano.Http.HttpCacheMetrics.Register(Client, "proxy");
        }

        /// <summary>
        /// The largest body the proxy holds and caches (default 64 MiB); a larger one is streamed through to the client
        /// from a second request, uncached.
        /// </summary>
        public int MaxBodyBytes
        {
            get { return _transport.MaxBodyBytes; }
            set { _transport.MaxBodyBytes = value; }
        }

        /// <summary>The origin's host and port as a request's absolute-form target names them (<c>host[:port]</c>).</summary>
        public string OriginAuthority { get; }

        // One clear message for a listen address Kestrel would reject with a stack trace.
        private static string CheckListen(string listen)
        {
            if (!Uri.TryCreate(listen, UriKind.Absolute, out Uri uri) || uri.Scheme != "http" || uri.Host.Length == 0 || uri.AbsolutePath != "/")
            {
                string why = uri != null && uri.Scheme == "https" ? "the proxy listens on plain http (put a TLS terminator in front for https)" : "give http://ADDRESS:PORT, e.g. http://127.0.0.1:8080";
                throw new ArgumentException("--listen " + listen + ": " + why + ".");
            }

            if (uri.Port < 0 || uri.Port > 65535)
            {
                throw new ArgumentException("--listen " + listen + ": the port must be 0 to 65535.");
            }

            return uri.Scheme + "://" + uri.Authority;
        }

        /// <summary>The name this cache gives itself in the Cache-Status field of every response (RFC 9211; default <c>httpcache</c>).</summary>
        public string CacheStatusName { get; set; } = "httpcache";

        /// <summary>The key of <see cref="HttpContext.Items"/> holding the request's Cache-Status name and key for the streaming paths.</summary>
        internal const string StatusItem = "httpcache.cache-status";

        /// <summary>The engine behind the proxy.</summary>
        public HttpCacheClient Client { get; }

        /// <summary>The address the proxy listens on, once started.</summary>
        public string Address { get; private set; }

        /// <summary>The line the CLI prints once the proxy listens: where, and which kind of cache it is.</summary>
        public string StartupLine => "listening on " + Address + (Client.Options.Mode == CacheMode.Shared
            ? " (shared cache: private responses, cookies and unshareable authorized responses are not stored)"
            : " (--private: single-user cache, private responses are reused for every client; do not share this proxy)");

        public async Task StartAsync()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options =>
            {
                options.AddServerHeader = false;
                options.ConfigureEndpointDefaults(listen => listen.Use(ClientInterim.Keep));
                options.Limits.MaxRequestBodySize = MaxRequestBody;
                options.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
                options.ResponseHeaderEncodingSelector = _ => Encoding.Latin1;
            });
            builder.WebHost.UseUrls(_listen);
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownGrace);
            _app = builder.Build();
            _app.Run(HandleAsync);
            try
            {
                await _app.StartAsync();
            }
            catch (Exception e) when (e is IOException || e is System.Net.Sockets.SocketException || e is InvalidOperationException)
            {
                // Kestrel says it in a stack trace: the address is not this machine's, is taken, or needs what http lacks.
                Exception cause = e.InnerException ?? e;
                throw new ArgumentException("cannot listen on " + _listen + ": " + cause.Message.TrimEnd('.') + ".", e);
            }

            foreach (string address in _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses)
            {
                Address = address;
                break;
            }
        }

        // The key Cache-Status names: the engine's own (method and normalised URI) for a GET or HEAD, else method and URI.
        private string StatusKey(string method, string target)
        {
            try
            {
                return method == "GET" || method == "HEAD" ? HttpCache.Nano.Storage.CacheKey.Of("GET", _origin + target).Normalized : method + " " + _origin + target;
            }
            catch (ArgumentException)
            {
                return method + " " + target;
            }
        }

        private async Task Refuse(HttpContext context, int status, string text)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text + "\n");
            _log?.WriteLine($"{context.Request.Method} {context.Features.Get<IHttpRequestFeature>().RawTarget} -> {status} REFUSED");
        }

        private async Task HandleAsync(HttpContext context)
        {
            Stopwatch timer = Stopwatch.StartNew();
            string target = context.Features.Get<IHttpRequestFeature>().RawTarget;
            string method = context.Request.Method;
            if (!target.StartsWith('/') && target != "*")
            {
                // RFC 9112 3.2.2: the absolute form (what a client configured with this as its HTTP proxy sends) is accepted
                // for the origin this proxy fronts; any other authority is refused: a reverse proxy, not an open one.
                if (!Uri.TryCreate(target, UriKind.Absolute, out Uri absolute) || (absolute.Scheme != "http" && absolute.Scheme != "https"))
                {
                    await Refuse(context, 400, "Bad Request: the request target is neither a path nor an absolute http URL.");
                    return;
                }

                if (!string.Equals(absolute.Authority, OriginAuthority, StringComparison.OrdinalIgnoreCase))
                {
                    await Refuse(context, 421, "Misdirected Request: this proxy serves only " + _origin + ", not " + absolute.Authority + " (it is a reverse proxy, not an open one).");
                    return;
                }

                target = absolute.PathAndQuery;
            }

            HttpHeaders headers = new HttpHeaders();
            foreach (var header in context.Request.Headers)
            {
                if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (string value in header.Value)
                {
                    headers.Add(header.Key, value);
                }
            }

            byte[] body = null;
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                using MemoryStream buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                body = buffer.ToArray();
            }

            CacheResponse response;
            bool collapsed = false;
            try
            {
                // Concurrent requests for one URL go to the origin once (as Squid's collapsed_forwarding and nginx's
                // proxy_cache_lock do): the first goes, the others wait for it (bounded) and are then answered through the
                // cache, from what it stored; what it could not store goes to the origin after all.
                string collapseKey = (method == "GET" || method == "HEAD") && body == null ? method + " " + target : null;
                TaskCompletionSource<bool> leading = null;
                if (collapseKey != null)
                {
                    leading = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    Task first = _collapsing.GetOrAdd(collapseKey, leading.Task);
                    if (first != leading.Task)
                    {
                        leading = null;
                        collapsed = true;
                        await Task.WhenAny(first, Task.Delay(CollapseWait));
                    }
                }

                // The engine blocks on socket I/O: give it its own thread so concurrent clients cannot starve Kestrel's pool.
                // A 200 it fetches for this client reaches the client as it arrives (TeeTransport).
                TeeTransport.Client = context;
                context.Items[StatusItem] = new[] { CacheStatusName, StatusKey(method, target) };
                Interlocked.Increment(ref _inFlight);
                try
                {
                    response = await Task.Factory.StartNew(() => Client.Send(method, _origin + target, headers, body), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                    if (leading != null)
                    {
                        _collapsing.TryRemove(collapseKey, out _);
                        leading.SetResult(true);
                    }
                }
            }
            catch (ArgumentException e)
            {
                await WritePlain(context, 400, "Bad request target: " + e.Message);
                Log(method, target, 400, "REJECTED", timer);
                return;
            }

            if (context.Items.ContainsKey(TeeTransport.Streamed))
            {
                // Already written to the client while it arrived; the engine stored it, or it was too large to.
                Log(method, target, context.Response.StatusCode, response.BodyTooLarge ? "PASS(too-large)" : Decision(method, response), timer);
                return;
            }

            if (response.BodyTooLarge)
            {
                // Larger than the cache may hold: streamed through from a second request, not stored, not an outage.
                Interlocked.Increment(ref _inFlight);
                try
                {
                    int streamed = await StreamingPassThrough.RunAsync(_transport, context, method, _origin + target, headers, body);
                    Log(method, target, streamed, "PASS(too-large)", timer);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }

                return;
            }

            if (response.OriginUnreachable)
            {
                // A stored response that must be revalidated answers 504 (RFC 9111 5.2.2.2); with nothing stored, 502; an
                // origin that answered with something that is not usable HTTP, 502 (the origin is there, not lost).
                bool badAnswer = response.Failure == TransportFailure.Protocol;
                int status = response.StoredResponseWithheld && !badAnswer ? 504 : 502;
                CacheStatus.Append(context.Response, CacheStatus.Generated(CacheStatusName, badAnswer ? "bad-origin-response" : "origin-lost", StatusKey(method, target)));
                await WritePlain(context, status, (status == 504 ? "Gateway Timeout: " : "Bad Gateway: ") + response.Error);
                Log(method, target, status, badAnswer ? "BAD-ORIGIN-RESPONSE" : "ORIGIN-DOWN", timer);
                return;
            }

            context.Response.StatusCode = response.StatusCode;
            if (response.ReasonPhrase != null)
            {
                context.Features.Get<IHttpResponseFeature>().ReasonPhrase = response.ReasonPhrase;
            }

            HttpHeaders fields = response.GetHeaders();
            bool hasLength = false;
            for (int i = 0; i < fields.Count; i++)
            {
                string name = fields.GetName(i);
                hasLength |= string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase);
                // Set, not Append: Append drops a field whose only value is empty, and an empty value is a valid one (RFC 9110 5.5).
                string value = fields.GetValue(i);
                context.Response.Headers[name] = context.Response.Headers.TryGetValue(name, out StringValues existing) ? StringValues.Concat(existing, value) : new StringValues(value);
            }

            CacheStatus.Append(context.Response, CacheStatus.Of(CacheStatusName, response, collapsed, StatusKey(method, target)));
            bool bodyAllowed = method != "HEAD" && response.StatusCode != 204 && response.StatusCode != 304 && response.StatusCode >= 200;
            if (bodyAllowed)
            {
                if (!hasLength)
                {
                    context.Response.ContentLength = response.Body.Length;
                }

                await context.Response.Body.WriteAsync(response.Body);
            }

            Log(method, target, response.StatusCode, Decision(method, response) + (collapsed ? "(collapsed)" : ""), timer);
        }

        // A POST, PUT, DELETE or PATCH went to the origin and invalidated what the cache held for the URI (RFC 9111 4.4).
        private static string Decision(string method, CacheResponse response) =>
            method is "POST" or "PUT" or "DELETE" or "PATCH" && response.Source == CacheSource.Network ? "PASS(invalidates)" : Decision(response);

        private static string Decision(CacheResponse response) => response.Source switch
        {
            CacheSource.Cache => "HIT",
            CacheSource.CacheStale => response.StaleReason == HttpCache.Nano.Policy.StaleReason.Offline ? "STALE(origin-lost)" : "STALE(" + response.StaleReason + ")",
            CacheSource.CacheRevalidated => "REVALIDATED",
            CacheSource.Generated => "GENERATED",
            _ => "MISS",
        };

        private static async Task WritePlain(HttpContext context, int status, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        }

        private void Log(string method, string target, int status, string decision, Stopwatch timer)
        {
            _answered.AddOrUpdate(status, 1, (_, count) => count + 1);
            if (_log == null)
            {
                return;
            }

            lock (_logLock)
            {
                _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {method} {target} -> {status} {decision} {timer.ElapsedMilliseconds} ms");
            }
        }

        /// <summary>Cancelled when the host begins to stop (its console lifetime saw SIGTERM, SIGINT or SIGQUIT).</summary>
        public CancellationToken Stopping => _app == null ? CancellationToken.None : _app.Lifetime.ApplicationStopping;

        /// <summary>Requests the engine is still working on.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        private bool _stopped;

        // Status -> responses the proxy wrote with it (what clients got, 502s included, unlike the engine's own counters).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> _answered = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();

        /// <summary>The statuses clients got, e.g. <c>200=12 304=3 502=1</c>.</summary>
        public string Answered => string.Join(" ", System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderBy(_answered, p => p.Key), p => p.Key + "=" + p.Value));

        // Method and target of each request on its way to the origin -> the task that ends when it is answered.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _collapsing = new System.Collections.Concurrent.ConcurrentDictionary<string, Task>();

        /// <summary>How long a request waits for a concurrent one for the same URL before it goes to the origin itself.</summary>
        public static readonly TimeSpan CollapseWait = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Stops accepting connections, lets the exchanges in flight finish for up to <paramref name="grace"/>, and waits
        /// for the engine's own work on them (a store write) within the same time. True when everything finished.
        /// </summary>
        public async Task<bool> StopAsync(TimeSpan grace)
        {
            if (_app == null || _stopped)
            {
                // Stopped once already (DisposeAsync after StopAsync): the grace period is not given twice.
                return InFlight == 0;
            }

            _stopped = true;
            Stopwatch elapsed = Stopwatch.StartNew();
            using (CancellationTokenSource deadline = new CancellationTokenSource(grace))
            {
                await _app.StopAsync(deadline.Token);
            }

            while (InFlight > 0 && elapsed.Elapsed < grace)
            {
                await Task.Delay(20);
            }

            return InFlight == 0;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app != null)
            {
                await StopAsync(ShutdownGrace);
                await _app.DisposeAsync();
                _app = null;
                HttpCache.Nano.Http.HttpCacheMetrics.Retire(Client);
            }
        }
    }
}
