// Hostile origins on a raw TCP listener: each misbehaviour has a defined outcome, memory stays bounded,
// and the stored entry is never corrupted nor replaced by a partial response.
using System;
using System.Linq;
using System.Text;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Hardening
{
    [TestClass]
    public class HostileOriginTests
    {
        private const string Good = "HTTP/1.1 200 OK\r\nCache-Control: max-age=0\r\nETag: \"good\"\r\nContent-Length: 9\r\n\r\ngood-body";
        private const string GoodNotModified = "HTTP/1.1 304 Not Modified\r\nETag: \"good\"\r\n\r\n";

        // Stores the good entry, serves the hostile reply to the revalidation, then checks the entry is intact.
        private static CacheResponse AgainstStoredEntry(string hostile, out HttpCacheClient cache, out RamStore store, SocketTransport transport = null)
        {
            RawOrigin origin = new RawOrigin();
            origin.Then(Good).Then(hostile).Then(GoodNotModified);
            store = new RamStore(4, 64 * 1024);
            cache = new HttpCacheClient(store, transport ?? new SocketTransport { TotalTimeoutMilliseconds = 3000, TimeoutMilliseconds = 2000 }, new ManualClock(Fixtures.T0), new CacheOptions());
            string url = origin.Url("/cfg");
            Assert.AreEqual("good-body", Fixtures.Text(cache.Get(url).Body));
            CacheResponse response = cache.Get(url);
            CacheResponse after = cache.Get(url);
            Assert.AreEqual("good-body", Fixtures.Text(after.Body), "the stored entry survived: " + hostile.Substring(0, Math.Min(60, hostile.Length)));
            Assert.IsTrue(store.Bytes <= 64 * 1024);
            origin.Dispose();
            return response;
        }

        private static void AssertTransportError(CacheResponse response, string reason)
        {
            Assert.AreEqual(504, response.StatusCode, reason);
            Assert.IsTrue(response.OriginUnreachable, reason);
            StringAssert.Contains(response.Error, reason);
        }

        [TestMethod]
        public void AMegabyteHeaderLineIsRejectedWithinTheHeaderLimit()
        {
            AssertTransportError(AgainstStoredEntry("HTTP/1.1 200 OK\r\nX-Huge: " + new string('a', 1 << 20) + "\r\n\r\n", out _, out _), "exceeds");
        }

        [TestMethod]
        public void TenThousandHeaderFieldsAreRejected()
        {
            StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 10000; i++)
            {
                many.Append("X-").Append(i).Append(": v\r\n");
            }

            AssertTransportError(AgainstStoredEntry(many + "\r\n", out _, out _, new SocketTransport { MaxHeaderBytes = 1 << 20 }), "header fields");
        }

        [TestMethod]
        public void TenThousandCacheControlDirectivesParseInBoundedTimeAndFirstWins()
        {
            string directives = "max-age=5, " + string.Join(", ", Enumerable.Range(0, 10000).Select(i => "x" + i + "=" + i)) + ", max-age=999";
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\nCache-Control: " + directives + "\r\nContent-Length: 2\r\n\r\nok");
            ManualClock clock = new ManualClock(Fixtures.T0);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 256 * 1024), new SocketTransport { MaxHeaderBytes = 1 << 20 }, clock, new CacheOptions());
            cache.Get(origin.Url("/cc"));
            clock.Advance(4);
            Assert.AreEqual(CacheSource.Cache, cache.Get(origin.Url("/cc")).Source, "max-age=5 (the first) applies");
            origin.Dispose();
        }

        [TestMethod]
        public void AHugeMaxAgeSaturatesAndBadAgeValuesAreIgnored()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\nCache-Control: max-age=99999999999999999999\r\nAge: -5\r\nContent-Length: 1\r\n\r\na")
                .Then("HTTP/1.1 200 OK\r\nCache-Control: max-age=100\r\nAge: soon\r\nContent-Length: 1\r\n\r\nb");
            ManualClock clock = new ManualClock(Fixtures.T0);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), clock, new CacheOptions());
            cache.Get(origin.Url("/a"));
            cache.Get(origin.Url("/b"));
            clock.Advance(99);
            Assert.AreEqual(CacheSource.Cache, cache.Get(origin.Url("/a")).Source);
            CacheResponse b = cache.Get(origin.Url("/b"));
            Assert.AreEqual(CacheSource.Cache, b.Source, "Age: soon is ignored, not an error");
            Assert.AreEqual(99L, b.Age);
            origin.Dispose();
        }

        [TestMethod]
        public void DatesIn1900And2100AndExpiresZeroGiveRfcFreshness()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 1900 00:00:00 GMT\r\nExpires: Tue, 01 Jan 1901 00:00:00 GMT\r\nContent-Length: 1\r\n\r\na")
                .Then("HTTP/1.1 200 OK\r\nDate: Fri, 01 Jan 2100 00:00:00 GMT\r\nCache-Control: max-age=60\r\nContent-Length: 1\r\n\r\nb")
                .Then("HTTP/1.1 200 OK\r\nExpires: 0\r\nContent-Length: 1\r\n\r\nc")
                .Then("HTTP/1.1 200 OK\r\nExpires: 0\r\nContent-Length: 1\r\n\r\nc")
                .Then("HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 1900 00:00:00 GMT\r\nExpires: Tue, 01 Jan 1901 00:00:00 GMT\r\nContent-Length: 1\r\n\r\na");
            ManualClock clock = new ManualClock(Fixtures.T0);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), clock, new CacheOptions());
            cache.Get(origin.Url("/1900"));
            cache.Get(origin.Url("/2100"));
            cache.Get(origin.Url("/expires0"));
            Assert.AreEqual(CacheSource.Cache, cache.Get(origin.Url("/2100")).Source, "a Date in the future does not make the age negative");
            Assert.AreEqual(CacheSource.Network, cache.Get(origin.Url("/expires0")).Source, "Expires: 0 is already expired");
            Assert.AreEqual(CacheSource.Network, cache.Get(origin.Url("/1900")).Source, "1900 dates clamp to the epoch: stale");
            origin.Dispose();
        }

        [TestMethod]
        public void DuplicateConflictingValidatorsUseTheFirst()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\nCache-Control: max-age=0\r\nETag: \"first\"\r\nETag: \"second\"\r\nContent-Length: 1\r\n\r\nx")
                .Then("HTTP/1.1 304 Not Modified\r\nETag: \"first\"\r\n\r\n");
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), new ManualClock(Fixtures.T0), new CacheOptions());
            cache.Get(origin.Url("/v"));
            Assert.AreEqual(CacheSource.CacheRevalidated, cache.Get(origin.Url("/v")).Source);
            origin.Dispose();
        }

        [TestMethod]
        public void AContentLengthLongerThanTheBodyNeverReplacesTheEntry()
        {
            AssertTransportError(AgainstStoredEntry("HTTP/1.1 200 OK\r\nETag: \"bad\"\r\nContent-Length: 1000\r\n\r\nshort", out _, out _), "Connection closed");
        }

        [TestMethod]
        public void AContentLengthShorterThanTheBodyTakesExactlyThatMany()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\nCache-Control: max-age=60\r\nContent-Length: 4\r\n\r\nbodyEXTRA-BYTES-IGNORED");
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), new ManualClock(Fixtures.T0), new CacheOptions());
            Assert.AreEqual("body", Fixtures.Text(cache.Get(origin.Url("/s")).Body));
            origin.Dispose();
        }

        [TestMethod]
        public void ConnectionsDroppedMidHeaderOrMidBodyFailCleanly()
        {
            AssertTransportError(AgainstStoredEntry("HTTP/1.1 200 OK\r\nETag: \"x\"\r\nContent-Le", out _, out _), "Connection closed");
            AssertTransportError(AgainstStoredEntry("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nhalf", out _, out _), "Connection closed");
        }

        [TestMethod]
        public void ASlowLorisOriginHitsTheTotalTimeoutAndTheEntrySurvives()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then(Good).Then("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + new string('s', 100), delayPerByteMs: 30).Then(GoodNotModified);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport { TotalTimeoutMilliseconds = 600 }, new ManualClock(Fixtures.T0), new CacheOptions());
            cache.Get(origin.Url("/slow"));
            AssertTransportError(cache.Get(origin.Url("/slow")), "time limit");
            Assert.AreEqual("good-body", Fixtures.Text(cache.Get(origin.Url("/slow")).Body));
            origin.Dispose();
        }

        [TestMethod]
        public void A304CarryingABodyIgnoresTheBody()
        {
            CacheResponse response = AgainstStoredEntry("HTTP/1.1 304 Not Modified\r\nETag: \"good\"\r\nContent-Length: 12\r\n\r\nnot-the-body", out HttpCacheClient cache, out _);
            Assert.AreEqual(CacheSource.CacheRevalidated, response.Source);
            Assert.AreEqual("good-body", Fixtures.Text(response.Body));
        }

        [TestMethod]
        public void A304ForAnEntryNeverRequestedWithValidatorsIsPassedThroughAndNotStored()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 304 Not Modified\r\nETag: \"ghost\"\r\n\r\n").Then("HTTP/1.1 200 OK\r\nCache-Control: max-age=60\r\nContent-Length: 4\r\n\r\nreal");
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), new ManualClock(Fixtures.T0), new CacheOptions());
            CacheResponse first = cache.Get(origin.Url("/ghost"));
            Assert.AreEqual(304, first.StatusCode);
            Assert.AreEqual(0, cache.Store.Count);
            Assert.AreEqual("real", Fixtures.Text(cache.Get(origin.Url("/ghost")).Body));
            origin.Dispose();
        }

        [TestMethod]
        public void RedirectsToOtherOriginsAreReturnedNotFollowed()
        {
            RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 302 Found\r\nLocation: http://evil.example/steal\r\nContent-Length: 0\r\n\r\n");
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 64 * 1024), new SocketTransport(), new ManualClock(Fixtures.T0), new CacheOptions());
            CacheResponse response = cache.Get(origin.Url("/r"));
            Assert.AreEqual(302, response.StatusCode);
            Assert.AreEqual("http://evil.example/steal", response.GetHeader("Location"));
            Assert.AreEqual(1, origin.Connections);
            Assert.AreEqual(0, cache.Store.Count, "a 302 without freshness is not stored");
            origin.Dispose();
        }
    }
}
