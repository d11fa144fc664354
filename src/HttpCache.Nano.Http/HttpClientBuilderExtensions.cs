// HttpClientBuilderExtensions: services.AddHttpClient("api").AddHttpCache(...) — the cache as an IHttpClientFactory handler.
using System;
using System.Threading;
using HttpCache.Nano.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HttpCache.Nano.Http
{
    /// <summary>Registers <see cref="CachingHandler"/> in an <see cref="IHttpClientBuilder"/> pipeline.</summary>
    public static class HttpClientBuilderExtensions
    {
        /// <summary>
        /// Adds a caching handler to the clients of this name. Every handler the factory creates for the name (it
        /// rotates them) uses one store, made once and shared safely (<see cref="SynchronizedStore"/>), so entries outlive
        /// handler lifetimes. Its counters are published as metrics (<see cref="HttpCacheMetrics"/>) under the client's name.
        /// </summary>
        public static IHttpClientBuilder AddHttpCache(this IHttpClientBuilder builder, Action<HttpCacheBuilderOptions> configure = null)
        {
            ArgumentNullException.ThrowIfNull(builder);
            HttpCacheBuilderOptions options = new HttpCacheBuilderOptions();
            configure?.Invoke(options);
            Lazy<ICacheStore> store = new Lazy<ICacheStore>(
                () => new SynchronizedStore(options.Store != null ? options.Store() : new RamStore(options.MaxEntries, options.MaxBytes)),
                LazyThreadSafetyMode.ExecutionAndPublication);
            string name = builder.Name;
            builder.AddHttpMessageHandler(() => new CachingHandler(store.Value, options.Clock, options.Cache) { MetricsName = name });
            return builder;
        }
    }
}
