// CachingHandler: a DelegatingHandler that puts the HttpCache.Nano engine in front of any HttpClient.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;

namespace HttpCache.Nano.Http
{
    /// <summary>
    /// Lets a .NET <see cref="HttpClient"/> use the same engine and stores as the device:
    /// <code>
    /// HttpClient client = new HttpClient(new CachingHandler(new RamStore(256, 16 &lt;&lt; 20)) { InnerHandler = new SocketsHttpHandler() });
    /// </code>
    /// Requests go through <see cref="HttpCacheClient"/>, whose transport is the inner handler. The response carries
    /// an <c>Age</c> header when served from the cache, plus <c>X-Cache</c> (HIT, STALE, REVALIDATED, MISS or GENERATED).
    /// The engine is synchronous: <see cref="SendAsync"/> runs it on a dedicated thread.
    /// It is a private cache by default (one user's client, like a browser's). A server-side client that fetches on
    /// behalf of many users must be a shared cache: pass <c>new CacheOptions { Mode = CacheMode.Shared }</c>.
    /// </summary>
    public sealed class CachingHandler : DelegatingHandler
    {
        private readonly ICacheStore _store;
        private readonly IClock _clock;
        private readonly CacheOptions _options;
        private HttpCacheClient _client;

        /// <summary>Creates a handler over <paramref name="store"/> with the system clock and default options.</summary>
        public CachingHandler(ICacheStore store)
            : this(store, new SystemClock(), new CacheOptions())
        {
        }

        /// <summary>Creates a handler.</summary>
        public CachingHandler(ICacheStore store, IClock clock, CacheOptions options)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _options = options ?? new CacheOptions();
        }

        /// <summary>When set, the engine's counters are published under this name (<see cref="HttpCacheMetrics"/>).</summary>
        public string MetricsName { get; set; }

        /// <summary>
        /// When set, every response gains a Cache-Status member (RFC 9211) under this cache name, after any from upstream:
        /// <c>hit</c> or <c>fwd=…</c>, <c>fwd-status</c>, <c>ttl</c>, <c>stored</c>, <c>key</c>. Off by default.
        /// </summary>
        public string CacheStatusName { get; set; }

        /// <summary>The engine (created on first use, over the inner handler).</summary>
        public HttpCacheClient Client => LazyInitializer.EnsureInitialized(ref _client, () =>
        {
            HttpCacheClient client = new HttpCacheClient(_store, new HttpMessageHandlerTransport(InnerHandler ?? throw new InvalidOperationException("CachingHandler needs an InnerHandler.")), _clock, _options);
            if (MetricsName != null)
            {
                HttpCacheMetrics.Register(client, MetricsName);
            }

            return client;
        });

        /// <inheritdoc />
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpHeaders headers = new HttpHeaders();
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
            {
                foreach (string value in header.Value)
                {
                    headers.Add(header.Key, value);
                }
            }

            byte[] body = null;
            if (request.Content != null)
            {
                foreach (KeyValuePair<string, HeaderStringValues> header in request.Content.Headers.NonValidated)
                {
                    foreach (string value in header.Value)
                    {
                        headers.Add(header.Key, value);
                    }
                }

                body = request.Content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult();
            }

            CacheResponse response = Client.Send(request.Method.Method, request.RequestUri.AbsoluteUri, headers, body);
            HttpResponseMessage message = ToMessage(response, request);
            if (CacheStatusName != null)
            {
                string upstream = message.Headers.TryGetValues("Cache-Status", out IEnumerable<string> values) ? string.Join(", ", values) : null;
                message.Headers.Remove("Cache-Status");
                message.Headers.TryAddWithoutValidation("Cache-Status", CacheStatusField.After(upstream, CacheStatusField.Of(CacheStatusName, response, false,
                    StatusKey(request))));
            }

            return message;
        }

        /// <inheritdoc />
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The engine blocks on I/O: a dedicated thread keeps many concurrent requests from starving the thread pool.
            return Task.Factory.StartNew(() => Send(request, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing && _client != null)
            {
                // The factory disposes handlers it has rotated out: their counts stay in the metrics' totals.
                HttpCacheMetrics.Retire(_client);
            }

            base.Dispose(disposing);
        }

        // The key Cache-Status names: the engine's own for a GET or HEAD, else the method and URI.
        private static string StatusKey(HttpRequestMessage request) =>
            request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? CacheKey.Of("GET", request.RequestUri.AbsoluteUri).Normalized : request.Method.Method + " " + request.RequestUri;

        private static HttpResponseMessage ToMessage(CacheResponse response, HttpRequestMessage request)
        {
            HttpResponseMessage message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
            {
                RequestMessage = request,
                ReasonPhrase = response.ReasonPhrase,
                Content = new ByteArrayContent(response.Body),
            };
            HeaderFields fields = HeaderFields.Of(response.HeaderBlock);
            for (int i = 0; i < fields.Count; i++)
            {
                string n = fields.ReceivedNameToString(i);
                string v = fields.ValueToString(i);
                if (!message.Headers.TryAddWithoutValidation(n, v))
                {
                    message.Content.Headers.TryAddWithoutValidation(n, v);
                }
            }

            if (response.Age >= 0)
            {
                message.Headers.TryAddWithoutValidation("Age", response.Age.ToString());
            }

            message.Headers.TryAddWithoutValidation("X-Cache", response.Source switch
            {
                CacheSource.Cache => "HIT",
                CacheSource.CacheStale => "STALE",
                CacheSource.CacheRevalidated => "REVALIDATED",
                CacheSource.Generated => "GENERATED",
                _ => "MISS",
            });
            return message;
        }
    }
}
