// The same cache scenarios over each transport, against a real Kestrel origin on 127.0.0.1.
using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HttpCache.Nano.Http;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class TransportMatrixTests
    {
        internal static IHttpTransport Create(string name) => name switch
        {
            "webrequest" => new WebRequestTransport(),
            "socket" => new SocketTransport(),
            "handler" => new HttpMessageHandlerTransport(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }),
            _ => throw new ArgumentException(name),
        };

        private static HttpCacheClient Client(string transport, ManualClock clock, CacheOptions options = null, long maxEntryBytes = 16 * 1024)
            => new HttpCacheClient(new RamStore(16, 64 * 1024, maxEntryBytes), Create(transport), clock, options ?? new CacheOptions());

        private static ManualClock NewClock() => new ManualClock(1795392000L);

        [TestMethod]
        [DataRow("webrequest")]
        [DataRow("socket")]
        [DataRow("handler")]
        public async Task AFreshHitSendsNothingToTheOrigin(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/cfg"] = new Resource { Body = Encoding.UTF8.GetBytes("fresh"), CacheControl = "max-age=60", ETag = "\"1\"" };
            ManualClock clock = NewClock();
            HttpCacheClient cache = Client(transport, clock);
            cache.Get(origin.Url("/cfg"));
            clock.Advance(30);
            CacheResponse hit = cache.Get(origin.Url("/cfg"));
            Assert.AreEqual(CacheSource.Cache, hit.Source);
            Assert.AreEqual("fresh", Encoding.UTF8.GetString(hit.Body));
            Assert.AreEqual(1, origin.Seen.Count);
        }

        [TestMethod]
        [DataRow("webrequest")]
        [DataRow("socket")]
        [DataRow("handler")]
        public async Task AnETagRevalidationIsAnswered304(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/cfg"] = new Resource { Body = Encoding.UTF8.GetBytes("etag-body"), ETag = "\"e1\"" };
            HttpCacheClient cache = Client(transport, NewClock());
            cache.Get(origin.Url("/cfg"));
            CacheResponse revalidated = cache.Get(origin.Url("/cfg"));
            Assert.AreEqual(CacheSource.CacheRevalidated, revalidated.Source);
            Assert.AreEqual("etag-body", Encoding.UTF8.GetString(revalidated.Body));
            Assert.AreEqual("\"e1\"", origin.Seen[1].Header("If-None-Match"));
            Assert.AreEqual(9L, origin.BodyBytesSent);
        }

        [TestMethod]
        [DataRow("webrequest")]
        [DataRow("socket")]
        [DataRow("handler")]
        public async Task ALastModifiedOnlyRevalidationIsAnswered304ExceptOverHttpWebRequest(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/cfg"] = new Resource { Body = Encoding.UTF8.GetBytes("lm-body"), LastModified = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero) };
            HttpCacheClient cache = Client(transport, NewClock());
            cache.Get(origin.Url("/cfg"));
            CacheResponse second = cache.Get(origin.Url("/cfg"));
            Assert.AreEqual("lm-body", Encoding.UTF8.GetString(second.Body));
            if (transport == "webrequest")
            {
                Assert.IsNull(origin.Seen[1].Header("If-Modified-Since"), "nanoFramework cannot send If-Modified-Since");
                Assert.AreEqual(CacheSource.Network, second.Source);
            }
            else
            {
                Assert.AreEqual("Sun, 22 Nov 2026 09:30:00 GMT", origin.Seen[1].Header("If-Modified-Since"));
                Assert.AreEqual(CacheSource.CacheRevalidated, second.Source);
            }
        }

        [TestMethod]
        [DataRow("webrequest")]
        [DataRow("socket")]
        [DataRow("handler")]
        public async Task AChangedResourceReplacesTheEntry(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            Resource resource = new Resource { Body = Encoding.UTF8.GetBytes("v1"), ETag = "\"1\"" };
            resources["/cfg"] = resource;
            HttpCacheClient cache = Client(transport, NewClock());
            cache.Get(origin.Url("/cfg"));
            resource.Body = Encoding.UTF8.GetBytes("v2");
            resource.ETag = "\"2\"";
            Assert.AreEqual("v2", Encoding.UTF8.GetString(cache.Get(origin.Url("/cfg")).Body));
            CacheResponse third = cache.Get(origin.Url("/cfg"));
            Assert.AreEqual(CacheSource.CacheRevalidated, third.Source);
            Assert.AreEqual("v2", Encoding.UTF8.GetString(third.Body));
            Assert.AreEqual("\"2\"", origin.Seen[2].Header("If-None-Match"));
        }

        [TestMethod]
        [DataRow("webrequest")]
        [DataRow("socket")]
        [DataRow("handler")]
        public async Task WhenTheOriginGoesDownStaleIfErrorAndTheOfflineOptionApply(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            resources["/sie"] = new Resource { Body = Encoding.UTF8.GetBytes("sie"), ETag = "\"1\"", CacheControl = "max-age=10, stale-if-error=300" };
            resources["/plain"] = new Resource { Body = Encoding.UTF8.GetBytes("plain"), ETag = "\"1\"", CacheControl = "max-age=10" };
            ManualClock clock = NewClock();
            HttpCacheClient strict = Client(transport, clock);
            CacheOptions offlineOptions = new CacheOptions { MaxStaleWhenOffline = 3600 };
            HttpCacheClient offline = Client(transport, clock, offlineOptions);
            string sie = origin.Url("/sie");
            string plain = origin.Url("/plain");
            strict.Get(sie);
            strict.Get(plain);
            offline.Get(plain);
            await origin.DisposeAsync();
            clock.Advance(60);
            CacheResponse stale = strict.Get(sie);
            Assert.AreEqual(CacheSource.CacheStale, stale.Source);
            Assert.AreEqual("sie", Encoding.UTF8.GetString(stale.Body));
            Assert.AreEqual(504, strict.Get(plain).StatusCode, "no stale-if-error, no offline option");
            CacheResponse offlineStale = offline.Get(plain);
            Assert.AreEqual(CacheSource.CacheStale, offlineStale.Source);
            Assert.AreEqual("plain", Encoding.UTF8.GetString(offlineStale.Body));
        }

        [TestMethod]
        [DataRow("webrequest")]
        [DataRow("socket")]
        [DataRow("handler")]
        public async Task ABodyOverThePerEntryLimitIsPassedThroughUncached(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            byte[] big = Enumerable.Range(0, 6000).Select(i => (byte)i).ToArray();
            resources["/big"] = new Resource { Body = big, CacheControl = "max-age=600" };
            HttpCacheClient cache = Client(transport, NewClock(), maxEntryBytes: 2048);
            CollectionAssert.AreEqual(big, cache.Get(origin.Url("/big")).Body);
            CollectionAssert.AreEqual(big, cache.Get(origin.Url("/big")).Body);
            Assert.AreEqual(2, origin.Seen.Count);
            Assert.AreEqual(2L, cache.Stats.TooLarge);
        }

        [TestMethod]
        [DataRow("socket")]
        [DataRow("handler")]
        [DataRow("webrequest")]
        public async Task AChunkedBodyIsReadWhole(string transport)
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            byte[] body = Encoding.UTF8.GetBytes(new string('c', 3000) + "end");
            resources["/chunked"] = new Resource { Body = body, Chunked = true, CacheControl = "max-age=60" };
            HttpCacheClient cache = Client(transport, NewClock());
            CollectionAssert.AreEqual(body, cache.Get(origin.Url("/chunked")).Body);
            Assert.AreEqual(CacheSource.Cache, cache.Get(origin.Url("/chunked")).Source);
        }

        [TestMethod]
        public void MalformedResponsesFailClearlyAndLeaveTheStoredEntryUntouched()
        {
            using RawOrigin raw = new RawOrigin();
            string good = "HTTP/1.1 200 OK\r\nCache-Control: max-age=0\r\nETag: \"g\"\r\nContent-Length: 4\r\n\r\ngood";
            raw.Then(good)
                .Then("HTTP/1.1 2x0 OK\r\n\r\n")
                .Then("HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n")
                .Then("HTTP/1.1 200 OK\r\nX-Big: " + new string('h', 20000) + "\r\n\r\n")
                .Then("HTTP/1.1 200 OK\r\nETag: \"new\"\r\nContent-Length: 100\r\n\r\nonly-part-of-the-body")
                .Then("HTTP/1.1 304 Not Modified\r\nETag: \"g\"\r\n\r\n");
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), NewClock(), new CacheOptions());
            string url = raw.Url("/cfg");
            Assert.AreEqual("good", Encoding.ASCII.GetString(cache.Get(url).Body));
            string[] expected = { "status line", "header section", "exceeds", "Connection closed" };
            for (int i = 0; i < expected.Length; i++)
            {
                CacheResponse failed = cache.Get(url);
                Assert.AreEqual(504, failed.StatusCode, expected[i]);
                StringAssert.Contains(failed.Error, expected[i]);
            }

            CacheResponse after = cache.Get(url);
            Assert.AreEqual(CacheSource.CacheRevalidated, after.Source, "the stored entry survived every malformed response");
            Assert.AreEqual("good", Encoding.ASCII.GetString(after.Body));
            Assert.AreEqual(4L, cache.Stats.TransportErrors);
        }

        [TestMethod]
        public void ASlowLorisOriginIsCutOffByTheTotalTimeout()
        {
            using RawOrigin raw = new RawOrigin();
            raw.Then("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + new string('s', 1000), delayPerByteMs: 50);
            SocketTransport transport = new SocketTransport { TotalTimeoutMilliseconds = 500 };
            HttpTransportException error = Assert.ThrowsExactly<HttpTransportException>(() => transport.Send(new OriginRequest("GET", raw.Url("/slow"), null, null)));
            StringAssert.Contains(error.Message, "time limit");
        }

        [TestMethod]
        public void HttpsToAPlainHttpPortFailsTheHandshakeWithATransportError()
        {
            using RawOrigin raw = new RawOrigin();
            raw.Then("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno");
            SocketTransport transport = new SocketTransport { TimeoutMilliseconds = 2000, TotalTimeoutMilliseconds = 3000 };
            Assert.ThrowsExactly<HttpTransportException>(() => transport.Send(new OriginRequest("GET", "https://127.0.0.1:" + raw.Port + "/", null, null)));
        }
    }
}
