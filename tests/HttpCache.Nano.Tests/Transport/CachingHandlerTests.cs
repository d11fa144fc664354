// The desktop DelegatingHandler: an ordinary HttpClient using the engine and stores.
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HttpCache.Nano.Http;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class CachingHandlerTests
    {
        [TestMethod]
        public async Task TheHandlerAddsCacheStatusWhenAsked()
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/fresh"] = new Resource { Body = Encoding.UTF8.GetBytes("F"), CacheControl = "max-age=600" };
            CachingHandler handler = new CachingHandler(new RamStore(16, 1 << 20), new ManualClock(1795392000L), new CacheOptions()) { InnerHandler = new SocketsHttpHandler(), CacheStatusName = "app" };
            using HttpClient client = new HttpClient(handler);
            StringAssert.StartsWith((await client.GetAsync(origin.Url("/fresh"))).Headers.GetValues("Cache-Status").Single(), "app; fwd=uri-miss; fwd-status=200;");
            string hit = (await client.GetAsync(origin.Url("/fresh"))).Headers.GetValues("Cache-Status").Single();
            StringAssert.StartsWith(hit, "app; hit; ttl=600; key=\"GET " + origin.Url("/fresh") + "\"");

            CachingHandler quiet = new CachingHandler(new RamStore(16, 1 << 20)) { InnerHandler = new SocketsHttpHandler() };
            using HttpClient plain = new HttpClient(quiet);
            Assert.IsFalse((await plain.GetAsync(origin.Url("/fresh"))).Headers.Contains("Cache-Status"), "off by default");
        }

        [TestMethod]
        public async Task AnHttpClientGetsHitsAndRevalidationsThroughTheHandler()
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/fresh"] = new Resource { Body = Encoding.UTF8.GetBytes("F"), CacheControl = "max-age=600" };
            resources["/etag"] = new Resource { Body = Encoding.UTF8.GetBytes("E"), ETag = "\"e\"" };
            CachingHandler handler = new CachingHandler(new RamStore(16, 1 << 20), new ManualClock(1795392000L), new CacheOptions()) { InnerHandler = new SocketsHttpHandler() };
            using HttpClient client = new HttpClient(handler);
            await client.GetAsync(origin.Url("/fresh"));
            HttpResponseMessage hit = await client.GetAsync(origin.Url("/fresh"));
            Assert.AreEqual("HIT", hit.Headers.GetValues("X-Cache").Single());
            Assert.AreEqual("0", hit.Headers.GetValues("Age").Single());
            Assert.AreEqual("F", await hit.Content.ReadAsStringAsync());
            await client.GetAsync(origin.Url("/etag"));
            HttpResponseMessage revalidated = await client.GetAsync(origin.Url("/etag"));
            Assert.AreEqual("REVALIDATED", revalidated.Headers.GetValues("X-Cache").Single());
            Assert.AreEqual("E", await revalidated.Content.ReadAsStringAsync());
            Assert.AreEqual(3, origin.Seen.Count);
            Assert.AreEqual(1L, handler.Client.Stats.FreshHits);
        }

        [TestMethod]
        public async Task AnAgeFromUpstreamReachesTheCallerOnAMiss()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=3600";
                context.Response.Headers.Age = "7200";
                await context.Response.WriteAsync("old");
            });
            CachingHandler handler = new CachingHandler(new RamStore(16, 1 << 20)) { InnerHandler = new SocketsHttpHandler() };
            using HttpClient client = new HttpClient(handler);
            HttpResponseMessage miss = await client.GetAsync(origin.Url("/aged"));
            Assert.AreEqual("MISS", miss.Headers.GetValues("X-Cache").Single());
            Assert.IsTrue(miss.Headers.Age.HasValue && miss.Headers.Age.Value.TotalSeconds >= 7200, "already stale on arrival: " + miss.Headers.Age);
        }

        [TestMethod]
        public async Task TheHandlerIsPrivateByDefaultAndSharedWhenAsked()
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/me"] = new Resource { Body = Encoding.UTF8.GetBytes("mine"), CacheControl = "private, max-age=600" };
            CachingHandler single = new CachingHandler(new RamStore(16, 1 << 20)) { InnerHandler = new SocketsHttpHandler() };
            Assert.AreEqual((int)CacheMode.Private, (int)single.Client.Options.Mode);
            using (HttpClient client = new HttpClient(single))
            {
                await client.GetAsync(origin.Url("/me"));
                Assert.AreEqual("HIT", (await client.GetAsync(origin.Url("/me"))).Headers.GetValues("X-Cache").Single(), "a private cache reuses private responses");
            }

            CachingHandler shared = new CachingHandler(new RamStore(16, 1 << 20), new SystemClock(), new CacheOptions { Mode = CacheMode.Shared }) { InnerHandler = new SocketsHttpHandler() };
            using (HttpClient client = new HttpClient(shared))
            {
                await client.GetAsync(origin.Url("/me"));
                Assert.AreEqual("MISS", (await client.GetAsync(origin.Url("/me"))).Headers.GetValues("X-Cache").Single(), "a shared cache never stores them");
            }

            Assert.AreEqual(3, origin.Seen.Count);
        }
    }
}
