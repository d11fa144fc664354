using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Engine
{
    /// <summary>What real origins send that the RFCs did not foresee, and what travels with a response from the network.</summary>
    [TestClass]
    public class OriginInteropTests
    {
        private const string Url = "http://origin.test/blob";

        private static HttpCacheClient Client(ScriptedTransport origin, ManualClock clock)
        {
            return new HttpCacheClient(new RamStore(4, 8192), origin, clock, new CacheOptions());
        }

        private static HttpHeaders Conditional(string ifNoneMatch)
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("If-None-Match", ifNoneMatch);
            return headers;
        }

        [TestMethod]
        public void AnUnquotedETagIsSentBackVerbatimAndMatchedExactly()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "ETag: 0x8D5AB12\nCache-Control: max-age=0", "v1"))
                .Then(Fixtures.Response(304, "ETag: 0x8D5AB12", null))
                .Then(Fixtures.Response(304, "ETag: 0x8D5AB13", null))
                .Then(Fixtures.Response(200, "ETag: 0x8D5AB13\nCache-Control: max-age=0", "v2"));
            HttpCacheClient cache = Client(origin, clock);
            Assert.AreEqual("v1", Fixtures.Text(cache.Get(Url).Body));

            CacheResponse revalidated = cache.Get(Url);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)revalidated.Source);
            Assert.AreEqual("0x8D5AB12", origin.Last.Headers.Get("If-None-Match"), "byte for byte, as browsers and curl send it");

            // A 304 naming another value does not select the stored response: one full fetch follows (RFC 9111 4.3.3).
            CacheResponse changed = cache.Get(Url);
            Assert.AreEqual("v2", Fixtures.Text(changed.Body));
            Assert.AreEqual(4, origin.Count);
            Assert.IsNull(origin.Last.Headers.Get("If-None-Match"));
        }

        [TestMethod]
        public void AClientsOwnUnquotedValidatorGetsA304FromTheCache()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, "ETag: 0x8D5AB12\nCache-Control: max-age=600", "v1"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            Assert.AreEqual(304, cache.Send("GET", Url, Conditional("0x8D5AB12"), null).StatusCode);
            Assert.AreEqual(304, cache.Send("GET", Url, Conditional("\"x\", 0x8D5AB12"), null).StatusCode);
            Assert.AreEqual(200, cache.Send("GET", Url, Conditional("0x8D5AB1"), null).StatusCode);
            Assert.AreEqual(200, cache.Send("GET", Url, Conditional("\"0x8D5AB12\""), null).StatusCode, "a quoted tag is another validator");
            Assert.AreEqual(1, origin.Count);
        }

        [TestMethod]
        public void AValueThatIsNeitherATagNorOneTokenIsNoValidator()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            string[] values = new string[] { "a b", "a,b", "\"open", "" };
            for (int i = 0; i < values.Length; i++)
            {
                ScriptedTransport origin = new ScriptedTransport()
                    .Then(Fixtures.Response(200, "ETag: " + values[i] + "\nCache-Control: max-age=0", "v1"))
                    .Then(Fixtures.Response(200, "Cache-Control: max-age=0", "v1"));
                HttpCacheClient cache = Client(origin, clock);
                cache.Get(Url);
                cache.Get(Url);
                Assert.IsNull(origin.Last.Headers.Get("If-None-Match"), "[" + values[i] + "]");
            }
        }

        [TestMethod]
        public void LastModifiedIsSentBackAsTheOriginWroteIt()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Last-Modified: Monday, 23-Nov-26 09:00:00 GMT\nCache-Control: max-age=0", "v1"))
                .Then(Fixtures.Response(304, "", null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            cache.Get(Url);
            Assert.AreEqual("Monday, 23-Nov-26 09:00:00 GMT", origin.Last.Headers.Get("If-Modified-Since"), "RFC 9110 13.1.3: the exact string the server knows");
        }

        [TestMethod]
        public void AResponseFromTheNetworkKeepsTheAgeAnUpstreamCacheGaveIt()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nAge: 7200\nCache-Control: max-age=3600", "old"))
                .Then(Fixtures.Response(200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=3600", "new"))
                .Then(Fixtures.Response(200, "Date: " + Fixtures.Date(Fixtures.T0 - 30) + "\nAge: 10\nCache-Control: no-store", "passed"));
            HttpCacheClient cache = Client(origin, clock);
            CacheResponse aged = cache.Get(Url + "/aged");
            Assert.AreEqual((int)CacheSource.Network, (int)aged.Source);
            Assert.AreEqual(7200, (int)aged.Age, "stale on arrival, and it says so");
            Assert.AreEqual("7200", aged.GetHeaders().Get("Age"));

            CacheResponse fresh = cache.Get(Url + "/new");
            Assert.AreEqual(-1, (int)fresh.Age, "no Age from the origin: none is added (RFC 9111 5.1)");
            Assert.IsNull(fresh.GetHeaders().Get("Age"));

            // Not stored, still forwarded with the age the cache works out: the apparent age when the Date is older.
            Assert.AreEqual(30, (int)cache.Get(Url + "/passed").Age);

            clock.Advance(5);
            Assert.AreEqual(5, (int)cache.Get(Url + "/new").Age, "a stored response's own age");
        }

        [TestMethod]
        public void APostResponseNamingItsOwnUriWithExplicitFreshnessServesLaterGets()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            // Content-Location, freshness, whether a later GET is served from it
            string[] cases = new string[]
            {
                "Content-Location: /blob\nCache-Control: max-age=60", "yes",
                "Content-Location: http://origin.test/blob\nCache-Control: max-age=60", "yes",
                "Content-Location: /other\nCache-Control: max-age=60", "no",
                "Content-Location: /blob", "no",
                "Cache-Control: max-age=60", "no",
                "Content-Location: /blob\nCache-Control: max-age=60, no-store", "no",
            };
            for (int i = 0; i < cases.Length; i += 2)
            {
                ScriptedTransport origin = new ScriptedTransport()
                    .Then(Fixtures.Response(200, cases[i], "posted"))
                    .Then(Fixtures.Response(200, "Cache-Control: max-age=60", "got"));
                HttpCacheClient cache = Client(origin, clock);
                Assert.AreEqual("posted", Fixtures.Text(cache.Send("POST", Url, null, new byte[] { 1 }).Body));
                Assert.AreEqual(cases[i + 1] == "yes" ? "posted" : "got", Fixtures.Text(cache.Get(Url).Body), "[" + cases[i] + "]");
            }
        }
    }
}
