// The engine over the HttpWebRequest transport against a real Kestrel origin on 127.0.0.1.
using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Engine
{
    [TestClass]
    public class KestrelIntegrationTests
    {
        private static readonly byte[] Config = Encoding.UTF8.GetBytes("{\"interval\":60,\"mode\":\"eco\",\"threshold\":21.5}");

        // An origin serving a config with an ETag and max-age=0, answering If-None-Match itself.
        private static Task<TestOrigin> ConfigOrigin(string cacheControl = "max-age=0")
        {
            TestOrigin origin = null;
            Task<TestOrigin> start = TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = cacheControl;
                context.Response.Headers.ETag = "\"cfg-1\"";
                if (context.Request.Headers.IfNoneMatch.ToString() == "\"cfg-1\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                await origin.WriteAsync(context, Config);
            });
            return start.ContinueWith(t => origin = t.Result);
        }

        [TestMethod]
        public async Task AHundredPollsOfAnUnchangedResourceCostOneFullResponseAndNinetyNine304s()
        {
            await using TestOrigin origin = await ConfigOrigin();
            ManualClock clock = new ManualClock(1795392000L);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), new WebRequestTransport(), clock, new CacheOptions());
            for (int i = 0; i < 100; i++)
            {
                CacheResponse response = cache.Get(origin.Url("/config"));
                Assert.AreEqual(200, response.StatusCode);
                CollectionAssert.AreEqual(Config, response.Body);
                clock.Advance(60);
            }

            Assert.AreEqual(100, origin.Seen.Count);
            Assert.IsNull(origin.Seen[0].Header("If-None-Match"));
            Assert.IsTrue(origin.Seen.Skip(1).All(r => r.Header("If-None-Match") == "\"cfg-1\""));
            Assert.AreEqual((long)Config.Length, origin.BodyBytesSent, "one body on the wire");
            CacheStats stats = cache.Stats;
            Assert.AreEqual(1L, stats.FullResponses);
            Assert.AreEqual(99L, stats.NotModified);
            Assert.AreEqual(99L * Config.Length, stats.BodyBytesSaved);
            Assert.AreEqual((long)Config.Length, stats.BodyBytesReceived);
        }

        [TestMethod]
        public async Task AFreshResponseIsNotRequestedAgain()
        {
            await using TestOrigin origin = await ConfigOrigin("max-age=300");
            ManualClock clock = new ManualClock(1795392000L);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), new WebRequestTransport(), clock, new CacheOptions());
            for (int i = 0; i < 10; i++)
            {
                CollectionAssert.AreEqual(Config, cache.Get(origin.Url("/config")).Body);
                clock.Advance(35);
            }

            Assert.AreEqual(2, origin.Seen.Count, "fresh for 300 s: one fetch, then one revalidation at 315 s");
        }

        [TestMethod]
        public async Task TheWebRequestTransportNeverSendsIfModifiedSince()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.LastModified = "Sun, 22 Nov 2026 09:30:00 GMT";
                await context.Response.WriteAsync("data");
            });
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), new WebRequestTransport(), new ManualClock(1795392000L), new CacheOptions());
            cache.Get(origin.Url("/lm"));
            cache.Get(origin.Url("/lm"));
            HttpHeaders own = new HttpHeaders();
            own.Add("If-Modified-Since", "Sun, 22 Nov 2026 09:30:00 GMT");
            new WebRequestTransport().Send(new OriginRequest("GET", origin.Url("/lm"), own, null));
            Assert.AreEqual(3, origin.Seen.Count);
            Assert.IsTrue(origin.Seen.All(r => r.Header("If-Modified-Since") == null), "If-Modified-Since reached the server");
            Assert.AreEqual(2L, cache.Stats.FullResponses, "without an ETag the stale entry is downloaded again");
        }

        [TestMethod]
        public async Task StatusCodesComeBackAsResponsesNotExceptionsAndRedirectsAreNotFollowed()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                switch (context.Request.Path.Value)
                {
                    case "/missing":
                        context.Response.StatusCode = 404;
                        await context.Response.WriteAsync("nope");
                        break;
                    case "/broken":
                        context.Response.StatusCode = 500;
                        break;
                    case "/moved":
                        context.Response.StatusCode = 302;
                        context.Response.Headers.Location = "/elsewhere";
                        break;
                    default:
                        context.Response.StatusCode = 304;
                        break;
                }
            });
            WebRequestTransport transport = new WebRequestTransport();
            OriginResponse missing = transport.Send(new OriginRequest("GET", origin.Url("/missing"), null, null));
            Assert.AreEqual(404, missing.StatusCode);
            Assert.AreEqual("nope", Encoding.ASCII.GetString(missing.Body, 0, missing.BodyLength));
            Assert.AreEqual(500, transport.Send(new OriginRequest("GET", origin.Url("/broken"), null, null)).StatusCode);
            OriginResponse moved = transport.Send(new OriginRequest("GET", origin.Url("/moved"), null, null));
            Assert.AreEqual(302, moved.StatusCode);
            Assert.AreEqual(3, origin.Seen.Count, "the redirect was not followed");
            Assert.AreEqual(304, transport.Send(new OriginRequest("GET", origin.Url("/other"), null, null)).StatusCode);
        }

        [TestMethod]
        public async Task TimeoutsUnreachableOriginsAndOversizedBodiesBecomeTransportErrors()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                if (context.Request.Path == "/slow")
                {
                    await Task.Delay(3000);
                }

                await context.Response.WriteAsync(new string('x', 5000));
            });
            WebRequestTransport transport = new WebRequestTransport { TimeoutMilliseconds = 300, ReadWriteTimeoutMilliseconds = 300, MaxBodyBytes = 1000 };
            Assert.ThrowsExactly<HttpTransportException>(() => transport.Send(new OriginRequest("GET", origin.Url("/slow"), null, null)));
            Assert.ThrowsExactly<HttpTransportException>(() => transport.Send(new OriginRequest("GET", origin.Url("/big"), null, null)));
            Assert.ThrowsExactly<HttpTransportException>(() => transport.Send(new OriginRequest("GET", "http://127.0.0.1:1/", null, null)));

            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), transport, new ManualClock(1795392000L), new CacheOptions());
            CacheResponse response = cache.Get("http://127.0.0.1:1/config");
            Assert.AreEqual(504, response.StatusCode);
            Assert.IsNotNull(response.Error);
        }
    }
}
