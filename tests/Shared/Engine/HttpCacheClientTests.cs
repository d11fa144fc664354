using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Engine
{
    /// <summary>The client carrying out the policy against an in-memory origin and an explicit clock.</summary>
    [TestClass]
    public class HttpCacheClientTests
    {
        private const string Url = "http://origin.test/config";

        private static HttpCacheClient Client(ScriptedTransport origin, ManualClock clock)
        {
            return new HttpCacheClient(new RamStore(8, 64 * 1024), origin, clock, new CacheOptions());
        }

        private static string Dated(ManualClock clock, string lines)
        {
            return "Date: " + Fixtures.Date(clock.UnixSeconds) + "\n" + lines;
        }

        private static void AssertSource(CacheSource expected, CacheResponse response)
        {
            Assert.AreEqual((int)expected, (int)response.Source, "expected " + expected.ToString() + " got " + response.Source.ToString());
        }

        private static void AssertOutcomesAddUp(CacheStats stats)
        {
            Assert.AreEqual(stats.Requests, stats.FreshHits + stats.StaleServed + stats.NotModified + stats.FullResponses + stats.GatewayTimeouts + stats.PassThroughs, stats.ToString());
            Assert.AreEqual(stats.StaleServed, stats.StaleMaxStale + stats.StaleWhileRevalidate + stats.StaleOnError + stats.StaleOffline);
        }

        [TestMethod]
        public void AFreshResponseIsServedFromTheCacheWithItsAge()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60\nAge: 5\nContent-Type: text/plain"), "hello"));
            HttpCacheClient cache = Client(origin, clock);
            CacheResponse first = cache.Get(Url);
            AssertSource(CacheSource.Network, first);
            Assert.AreEqual("hello", Fixtures.Text(first.Body));
            clock.Advance(20);
            CacheResponse second = cache.Get(Url);
            AssertSource(CacheSource.Cache, second);
            Assert.AreEqual(1, origin.Count);
            Assert.AreEqual("hello", Fixtures.Text(second.Body));
            Assert.AreEqual(25L, second.Age);
            Assert.AreEqual("25", second.GetHeader("Age"));
            Assert.AreEqual("text/plain", second.GetHeader("content-type"));
            Assert.AreEqual("25", second.GetHeaders().Get("Age"));
            CacheStats stats = cache.Stats;
            Assert.AreEqual(2L, stats.Requests);
            Assert.AreEqual(1L, stats.FreshHits);
            Assert.AreEqual(1L, stats.FullResponses);
            Assert.AreEqual(5L, stats.BodyBytesSaved);
            Assert.AreEqual(5L, stats.BodyBytesReceived);
            AssertOutcomesAddUp(stats);
        }

        [TestMethod]
        public void AStaleResponseIsRevalidatedWithItsETagAndA304ReusesTheBody()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\"\nLast-Modified: " + Fixtures.Date(Fixtures.T0 - 100)), "config-v1"))
                .Then(Fixtures.Response(304, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\""), null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            clock.Advance(10);
            CacheResponse second = cache.Get(Url);
            AssertSource(CacheSource.CacheRevalidated, second);
            Assert.AreEqual("config-v1", Fixtures.Text(second.Body));
            Assert.AreEqual(200, second.StatusCode);
            OriginRequest conditional = origin.Last;
            Assert.AreEqual("\"v1\"", conditional.Headers.Get("If-None-Match"));
            Assert.IsNull(conditional.Headers.Get("If-Modified-Since"), "with an ETag, If-None-Match alone (RFC 9111 4.3.1)");
            CacheStats stats = cache.Stats;
            Assert.AreEqual(1L, stats.Revalidations);
            Assert.AreEqual(1L, stats.NotModified);
            Assert.AreEqual(9L, stats.BodyBytesSaved);
            AssertOutcomesAddUp(stats);
        }

        [TestMethod]
        public void LastModifiedIsSentAsIfModifiedSinceWhenThereIsNoETag()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nLast-Modified: " + Fixtures.Date(Fixtures.T0 - 100)), "lm"))
                .Then(Fixtures.Response(304, Dated(clock, ""), null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            AssertSource(CacheSource.CacheRevalidated, cache.Get(Url));
            Assert.AreEqual(Fixtures.Date(Fixtures.T0 - 100), origin.Last.Headers.Get("If-Modified-Since"));
            Assert.IsNull(origin.Last.Headers.Get("If-None-Match"));
        }

        [TestMethod]
        public void IfModifiedSinceFallsBackToTheStoredDate()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: no-cache"), "x"))
                .Then(Fixtures.Response(304, Dated(clock, ""), null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            cache.Get(Url);
            Assert.AreEqual(Fixtures.Date(Fixtures.T0), origin.Last.Headers.Get("If-Modified-Since"));
            Assert.IsNull(origin.Last.Headers.Get("If-None-Match"));
        }

        [TestMethod]
        public void A304MergesHeadersAndRestartsFreshness()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10\nETag: \"v1\"\nX-Version: 1\nContent-Length: 2"), "v1"))
                .Then(Fixtures.Response(304, "Date: " + Fixtures.Date(Fixtures.T0 + 15) + "\nCache-Control: max-age=100\nETag: \"v1\"\nX-Version: 2\nContent-Length: 0", null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            clock.Advance(15);
            CacheResponse revalidated = cache.Get(Url);
            Assert.AreEqual("2", revalidated.GetHeader("X-Version"));
            Assert.AreEqual("2", revalidated.GetHeader("Content-Length"), "Content-Length is never taken from a 304");
            clock.Advance(90);
            CacheResponse hit = cache.Get(Url);
            AssertSource(CacheSource.Cache, hit);
            Assert.AreEqual(90L, hit.Age);
            Assert.AreEqual(2, origin.Count);
        }

        [TestMethod]
        public void A304ThatDoesNotMatchTheStoredValidatorLeadsToAFullFetch()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\""), "one"))
                .Then(Fixtures.Response(304, Dated(clock, "ETag: \"v9\""), null))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v2\""), "two"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            CacheResponse response = cache.Get(Url);
            AssertSource(CacheSource.Network, response);
            Assert.AreEqual("two", Fixtures.Text(response.Body));
            Assert.AreEqual(3, origin.Count);
            Assert.IsNull(origin.Last.Headers.Get("If-None-Match"), "the retry is unconditional");
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void AFullResponseToARevalidationReplacesTheEntry()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\""), "one"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60\nETag: \"v2\""), "two"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            Assert.AreEqual("two", Fixtures.Text(cache.Get(Url).Body));
            CacheResponse hit = cache.Get(Url);
            AssertSource(CacheSource.Cache, hit);
            Assert.AreEqual("two", Fixtures.Text(hit.Body));
        }

        [TestMethod]
        public void ServerErrorsDuringRevalidationFollowStaleIfError()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10, stale-if-error=60\nETag: \"v1\""), "good"))
                .Then(Fixtures.Response(503, Dated(clock, ""), "down"))
                .Then(Fixtures.Response(503, Dated(clock, ""), "down"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            clock.Advance(30);
            CacheResponse stale = cache.Get(Url);
            AssertSource(CacheSource.CacheStale, stale);
            Assert.AreEqual((int)StaleReason.Error, (int)stale.StaleReason);
            Assert.AreEqual("good", Fixtures.Text(stale.Body));
            clock.Advance(60);
            CacheResponse error = cache.Get(Url);
            AssertSource(CacheSource.Network, error);
            Assert.AreEqual(503, error.StatusCode);
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void TransportFailuresServeStaleOnlyWhereAllowedAndOtherwiseAnswer504()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10, must-revalidate, stale-if-error=600\nETag: \"v1\""), "strict"))
                .ThenFail("connection refused");
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            clock.Advance(20);
            CacheResponse response = cache.Get(Url);
            AssertSource(CacheSource.Generated, response);
            Assert.AreEqual(504, response.StatusCode);
            Assert.AreEqual("connection refused", response.Error);
            Assert.AreEqual(1L, cache.Stats.TransportErrors);
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void TheOfflineOptionServesStaleWhenTheOriginIsUnreachable()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10\nETag: \"v1\""), "cfg"))
                .ThenFail("no route")
                .ThenFail("no route");
            CacheOptions options = new CacheOptions();
            options.MaxStaleWhenOffline = 3600;
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 10000), origin, clock, options);
            cache.Get(Url);
            clock.Advance(600);
            CacheResponse stale = cache.Get(Url);
            AssertSource(CacheSource.CacheStale, stale);
            Assert.AreEqual((int)StaleReason.Offline, (int)stale.StaleReason);
            clock.Advance(3600);
            Assert.AreEqual(504, cache.Get(Url).StatusCode, "beyond the offline window");
            CacheStats stats = cache.Stats;
            Assert.AreEqual(1L, stats.StaleOffline);
            AssertOutcomesAddUp(stats);
        }

        [TestMethod]
        public void OnlyIfCachedMissAnswers504WithoutTheNetwork()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport();
            HttpCacheClient cache = Client(origin, clock);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Cache-Control", "only-if-cached");
            CacheResponse response = cache.Send("GET", Url, headers, null);
            Assert.AreEqual(504, response.StatusCode);
            Assert.AreEqual(0, origin.Count);
        }

        [TestMethod]
        public void StaleWhileRevalidateServesAtOnceAndRevalidatesOnTheNextUse()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10, stale-while-revalidate=60\nETag: \"v1\""), "v1"))
                .Then(Fixtures.Response(304, "Date: " + Fixtures.Date(Fixtures.T0 + 20) + "\nCache-Control: max-age=10, stale-while-revalidate=60\nETag: \"v1\"", null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            clock.Advance(20);
            AssertSource(CacheSource.CacheStale, cache.Get(Url));
            Assert.AreEqual(1, origin.Count);
            AssertSource(CacheSource.CacheRevalidated, cache.Get(Url));
            Assert.AreEqual(2, origin.Count);
            AssertSource(CacheSource.Cache, cache.Get(Url));
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void StaleWhileRevalidateAlsoRevalidatesOnTheNextUseWithAFlashStoreAlone()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10, stale-while-revalidate=60\nETag: \"v1\""), "v1"))
                .Then(Fixtures.Response(304, "Date: " + Fixtures.Date(Fixtures.T0 + 20) + "\nCache-Control: max-age=10, stale-while-revalidate=60\nETag: \"v1\"", null));
            HttpCacheClient cache = new HttpCacheClient(new FlashStore(new MemoryFileSystem(), "cache", 4, 16384, 8192), origin, clock, new CacheOptions());
            cache.Get(Url);
            clock.Advance(20);
            AssertSource(CacheSource.CacheStale, cache.Get(Url));
            AssertSource(CacheSource.CacheRevalidated, cache.Get(Url));
            Assert.AreEqual(2, origin.Count);
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void UnsafeMethodsInvalidateTheTargetAndSameOriginLocations()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "a"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "b"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "c"))
                .Then(Fixtures.Response(201, "Location: /items/b\nContent-Location: http://elsewhere.test/items/c", "created"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "a2"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "b2"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get("http://origin.test/items/a");
            cache.Get("http://origin.test/items/b");
            cache.Get("http://elsewhere.test/items/c");
            CacheResponse post = cache.Send("POST", "http://origin.test/items/a", null, Fixtures.Bytes("{}"));
            Assert.AreEqual(201, post.StatusCode);
            Assert.AreEqual("a2", Fixtures.Text(cache.Get("http://origin.test/items/a").Body));
            Assert.AreEqual("b2", Fixtures.Text(cache.Get("http://origin.test/items/b").Body));
            AssertSource(CacheSource.Cache, cache.Get("http://elsewhere.test/items/c"));
            Assert.AreEqual(2L, cache.Stats.Invalidations);
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void AnErrorAnswerToAnUnsafeMethodInvalidatesNothing()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "a"))
                .Then(Fixtures.Response(500, "", "oops"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            cache.Send("DELETE", Url, null, null);
            AssertSource(CacheSource.Cache, cache.Get(Url));
        }

        [TestMethod]
        public void HeadIsAnsweredFromTheStoredGetWithoutABody()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60\nContent-Length: 5"), "hello"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            CacheResponse head = cache.Send("HEAD", Url, null, null);
            AssertSource(CacheSource.Cache, head);
            Assert.AreEqual(0, head.Body.Length);
            Assert.AreEqual("5", head.GetHeader("Content-Length"));
            Assert.AreEqual(1, origin.Count);
        }

        [TestMethod]
        public void AHeadResponseWithOtherValidatorsMakesTheStoredGetUnusable()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\""), "one"))
                .Then(Fixtures.Response(200, Dated(clock, "ETag: \"v2\""), null))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v2\""), "two"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            cache.Send("HEAD", Url, null, null);
            Assert.AreEqual("two", Fixtures.Text(cache.Get(Url).Body));
            Assert.IsNull(origin.Last.Headers.Get("If-None-Match"), "the v1 entry was dropped");
        }

        [TestMethod]
        public void VaryKeepsVariantsApartAndTheNewestReplacesTheEntry()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600\nVary: Accept-Language"), "hello"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600\nVary: Accept-Language"), "hallo"));
            HttpCacheClient cache = Client(origin, clock);
            HttpHeaders en = new HttpHeaders();
            en.Add("Accept-Language", "en");
            HttpHeaders de = new HttpHeaders();
            de.Add("Accept-Language", "de");
            Assert.AreEqual("hello", Fixtures.Text(cache.Send("GET", Url, en, null).Body));
            Assert.AreEqual("hello", Fixtures.Text(cache.Send("GET", Url, en, null).Body));
            Assert.AreEqual("hallo", Fixtures.Text(cache.Send("GET", Url, de, null).Body));
            Assert.AreEqual("hallo", Fixtures.Text(cache.Send("GET", Url, de, null).Body));
            Assert.AreEqual(2, origin.Count);
        }

        [TestMethod]
        public void AResponseToACredentialIsReusedOnlyForThatCredential()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "alice-data"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "bob-data"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), "anonymous"));
            HttpCacheClient cache = Client(origin, clock);
            HttpHeaders alice = new HttpHeaders();
            alice.Add("Authorization", "Bearer alice");
            HttpHeaders bob = new HttpHeaders();
            bob.Add("Authorization", "Bearer bob");
            Assert.AreEqual("alice-data", Fixtures.Text(cache.Send("GET", Url, alice, null).Body));
            Assert.AreEqual("alice-data", Fixtures.Text(cache.Send("GET", Url, alice, null).Body));
            Assert.AreEqual("bob-data", Fixtures.Text(cache.Send("GET", Url, bob, null).Body));
            Assert.AreEqual("anonymous", Fixtures.Text(cache.Get(Url).Body));
            Assert.AreEqual(3, origin.Count);
            Assert.AreEqual("Bearer bob", origin.Request(1).Headers.Get("Authorization"));
        }

        [TestMethod]
        public void NoStoreTooLargeAndUncacheableResponsesAreNotStored()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: no-store, max-age=600"), "secret"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: no-store, max-age=600"), "secret"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), new string('x', 3000)))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=600"), new string('x', 3000)));
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 2000), origin, clock, new CacheOptions());
            cache.Get(Url);
            cache.Get(Url);
            cache.Get("http://origin.test/big");
            CacheResponse big = cache.Get("http://origin.test/big");
            Assert.AreEqual(3000, big.Body.Length);
            Assert.AreEqual(4, origin.Count);
            CacheStats stats = cache.Stats;
            Assert.AreEqual(2L, stats.Uncacheable);
            Assert.AreEqual(2L, stats.TooLarge);
            Assert.AreEqual(0, cache.Store.Count);
        }

        [TestMethod]
        public void HopByHopFieldsAndAgeAreNotStored()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200,
                Dated(clock, "Cache-Control: max-age=60\nConnection: close, X-Trace\nKeep-Alive: timeout=5\nX-Trace: abc\nTransfer-Encoding: chunked\nAge: 3\nX-Kept: yes"), "b"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            CacheResponse hit = cache.Get(Url);
            AssertSource(CacheSource.Cache, hit);
            Assert.IsNull(hit.GetHeader("Connection"));
            Assert.IsNull(hit.GetHeader("Keep-Alive"));
            Assert.IsNull(hit.GetHeader("X-Trace"));
            Assert.IsNull(hit.GetHeader("Transfer-Encoding"));
            Assert.AreEqual("yes", hit.GetHeader("X-Kept"));
            Assert.AreEqual("3", hit.GetHeader("Age"));
        }

        [TestMethod]
        public void RequestHopByHopFieldsAreNotForwarded()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60"), "b"));
            HttpCacheClient cache = Client(origin, clock);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Connection", "X-Secret");
            headers.Add("X-Secret", "1");
            headers.Add("Proxy-Authorization", "Basic x");
            headers.Add("Accept", "application/json");
            cache.Send("GET", Url, headers, null);
            Assert.AreEqual(1, origin.Last.Headers.Count);
            Assert.AreEqual("application/json", origin.Last.Headers.Get("Accept"));
        }

        [TestMethod]
        public void ARangeMissIsForwardedAndA206WithoutAStrongValidatorIsNotStored()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(206, "Content-Range: bytes 0-1/10\nCache-Control: max-age=60", "ab"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60"), "full"));
            HttpCacheClient cache = Client(origin, clock);
            HttpHeaders range = new HttpHeaders();
            range.Add("Range", "bytes=0-1");
            Assert.AreEqual(206, cache.Send("GET", Url, range, null).StatusCode);
            Assert.AreEqual("bytes=0-1", origin.Last.Headers.Get("Range"));
            Assert.AreEqual("full", Fixtures.Text(cache.Get(Url).Body));
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void AClientsOwnConditionalIsForwardedOnAMissAndIts304IsNotStored()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(304, Dated(clock, "ETag: \"v1\""), null))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60\nETag: \"v1\""), "body"));
            HttpCacheClient cache = Client(origin, clock);
            HttpHeaders conditional = new HttpHeaders();
            conditional.Add("If-None-Match", "\"v1\"");
            Assert.AreEqual(304, cache.Send("GET", Url, conditional, null).StatusCode);
            Assert.AreEqual("\"v1\"", origin.Last.Headers.Get("If-None-Match"));
            Assert.AreEqual("body", Fixtures.Text(cache.Get(Url).Body));
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void AClientsOwnValidatorsMatchingTheStoredResponseGetA304FromTheCache()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200,
                Dated(clock, "Cache-Control: max-age=600\nETag: \"v7\"\nLast-Modified: " + Fixtures.Date(Fixtures.T0 - 50) + "\nContent-Type: text/plain\nContent-Length: 4"), "body"));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            HttpHeaders matching = new HttpHeaders();
            matching.Add("If-None-Match", "\"v6\", W/\"v7\"");
            CacheResponse notModified = cache.Send("GET", Url, matching, null);
            Assert.AreEqual(304, notModified.StatusCode);
            Assert.AreEqual(0, notModified.Body.Length);
            AssertSource(CacheSource.Cache, notModified);
            Assert.AreEqual("\"v7\"", notModified.GetHeader("ETag"));
            Assert.IsNull(notModified.GetHeader("Content-Type"), "no body fields on a 304");
            HttpHeaders other = new HttpHeaders();
            other.Add("If-None-Match", "\"v6\"");
            Assert.AreEqual(200, cache.Send("GET", Url, other, null).StatusCode);
            HttpHeaders since = new HttpHeaders();
            since.Add("If-Modified-Since", Fixtures.Date(Fixtures.T0 - 50));
            Assert.AreEqual(304, cache.Send("GET", Url, since, null).StatusCode);
            Assert.AreEqual(1, origin.Count, "all answered from the cache");
            AssertOutcomesAddUp(cache.Stats);
        }

        [TestMethod]
        public void BadUrlsAndMethodsAreRejectedBeforeAnyNetworkUse()
        {
            ScriptedTransport origin = new ScriptedTransport();
            HttpCacheClient cache = Client(origin, new ManualClock(Fixtures.T0));
            Expect.Throws(typeof(ArgumentException), () => cache.Get("not a url"));
            Expect.Throws(typeof(ArgumentNullException), () => cache.Get(null));
            Expect.Throws(typeof(ArgumentNullException), () => cache.Send(null, Url, null, null));
            Expect.Throws(typeof(ArgumentNullException), () => new HttpCacheClient(null, origin));
            Assert.AreEqual(0, origin.Count);
        }

        [TestMethod]
        public void AHundredUnchangedPollsCostOneFullResponseAndNinetyNine304s()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\""), "{\"interval\":60}"));
            for (int i = 0; i < 99; i++)
            {
                origin.Then(Fixtures.Response(304, Dated(clock, "Cache-Control: max-age=0\nETag: \"v1\""), null));
            }

            HttpCacheClient cache = Client(origin, clock);
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual("{\"interval\":60}", Fixtures.Text(cache.Get(Url).Body));
                clock.Advance(60);
            }

            CacheStats stats = cache.Stats;
            Assert.AreEqual(1L, stats.FullResponses);
            Assert.AreEqual(99L, stats.NotModified);
            Assert.AreEqual(15L, stats.BodyBytesReceived);
            Assert.AreEqual(99L * 15, stats.BodyBytesSaved);
            AssertOutcomesAddUp(stats);
        }
    }
}
