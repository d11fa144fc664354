// services.AddHttpClient("api").AddHttpCache(): the handler in an IHttpClientFactory pipeline, and its metrics.
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using HttpCache.Nano.Http;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class HttpClientFactoryTests
    {
        [TestMethod]
        public async Task ClientsOfOneNameShareOneCacheAndItsCountersArePublished()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=600";
                await context.Response.WriteAsync("config");
            });
            ServiceCollection services = new ServiceCollection();
            int storesMade = 0;
            services.AddHttpClient("factory-test").AddHttpCache(options =>
            {
                options.Store = () =>
                {
                    storesMade++;
                    return new RamStore(8, 1 << 20);
                };
            });
            using ServiceProvider provider = services.BuildServiceProvider();
            IHttpClientFactory factory = provider.GetRequiredService<IHttpClientFactory>();

            HttpResponseMessage first = await factory.CreateClient("factory-test").GetAsync(origin.Url("/config"));
            HttpResponseMessage second = await factory.CreateClient("factory-test").GetAsync(origin.Url("/config"));
            Assert.AreEqual("MISS", first.Headers.GetValues("X-Cache").Single());
            Assert.AreEqual("HIT", second.Headers.GetValues("X-Cache").Single(), "a second client of the name uses the same cache");
            Assert.AreEqual("config", await second.Content.ReadAsStringAsync());
            Assert.AreEqual(1, origin.Seen.Count);
            Assert.AreEqual(1, storesMade);

            Dictionary<string, long> seen = new Dictionary<string, long>();
            using MeterListener listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HttpCacheMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
            {
                Dictionary<string, object> t = new Dictionary<string, object>();
                foreach (KeyValuePair<string, object> tag in tags)
                {
                    t[tag.Key] = tag.Value;
                }

                if ((string)t["httpcache.name"] == "factory-test")
                {
                    string key = instrument.Name + (t.TryGetValue("httpcache.source", out object source) ? "/" + source : "") + (t.TryGetValue("network.io.direction", out object direction) ? "/" + direction : "");
                    seen[key] = value;
                }
            });
            listener.Start();
            listener.RecordObservableInstruments();
            Assert.AreEqual(2L, seen["httpcache.requests"]);
            Assert.AreEqual(1L, seen["httpcache.responses/fresh"]);
            Assert.AreEqual(1L, seen["httpcache.responses/full"]);
            Assert.AreEqual(6L, seen["httpcache.body.saved"]);
            Assert.IsTrue(seen["httpcache.io/receive"] > 6 && seen["httpcache.io/transmit"] > 0);
        }

        [TestMethod]
        public async Task TheProxyPublishesItsCountersUnderItsName()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=600";
                await context.Response.WriteAsync("x");
            });
            await using HttpCache.Desktop.Proxy.CachingProxy proxy = await HttpCache.Nano.Tests.Desktop.ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = new HttpClient();
            await client.GetStringAsync(proxy.Address + "/a");
            await client.GetStringAsync(proxy.Address + "/a");
            long requests = 0;
            long fresh = 0;
            using MeterListener listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HttpCacheMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
            {
                bool isProxy = false;
                bool isFresh = false;
                foreach (KeyValuePair<string, object> tag in tags)
                {
                    isProxy |= tag.Key == "httpcache.name" && (string)tag.Value == "proxy";
                    isFresh |= tag.Key == "httpcache.source" && (string)tag.Value == "fresh";
                }

                if (isProxy && instrument.Name == "httpcache.requests")
                {
                    requests = value;
                }

                if (isProxy && isFresh)
                {
                    fresh = value;
                }
            });
            listener.Start();
            listener.RecordObservableInstruments();
            Assert.IsTrue(requests >= 2 && fresh >= 1, "requests " + requests + ", fresh " + fresh);
        }
    }
}
