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
    /// <summary>Byte ranges through the cache (RFC 9110 14, 13.1.5; RFC 9111 3.3-3.4), with an injected clock.</summary>
    [TestClass]
    public class RangeTests
    {
        private const string Url = "http://origin.test/file.bin";
        private const string Body = "0123456789abcdefghij";

        private static string Lines(ManualClock clock, string more)
        {
            return "Date: " + Fixtures.Date(clock.UnixSeconds) + "\nLast-Modified: " + Fixtures.Date(clock.UnixSeconds - 3600) + "\n" + more;
        }

        private static HttpCacheClient Client(ScriptedTransport origin, ManualClock clock)
        {
            return new HttpCacheClient(new RamStore(8, 65536), origin, clock, new CacheOptions());
        }

        private static CacheResponse Get(HttpCacheClient cache, string range, string ifRange)
        {
            HttpHeaders headers = new HttpHeaders();
            if (range != null)
            {
                headers.Add("Range", range);
            }

            if (ifRange != null)
            {
                headers.Add("If-Range", ifRange);
            }

            return cache.Send("GET", Url, headers, null);
        }

        [TestMethod]
        public void OneRangeIsCutFromAStoredCompleteResponse()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\"\nContent-Length: 20"), Body));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);

            // range, status, body, Content-Range
            string[] cases = new string[]
            {
                "bytes=0-4", "206", "01234", "bytes 0-4/20",
                "bytes=15-", "206", "fghij", "bytes 15-19/20",
                "bytes=-3", "206", "hij", "bytes 17-19/20",
                "bytes=19-100", "206", "j", "bytes 19-19/20",
                "bytes=0-", "206", Body, "bytes 0-19/20",
                "bytes=20-", "416", "", "bytes */20",
                "bytes=-0", "416", "", "bytes */20",
            };
            for (int i = 0; i < cases.Length; i += 4)
            {
                CacheResponse response = Get(cache, cases[i], null);
                Assert.AreEqual(int.Parse(cases[i + 1]), response.StatusCode, cases[i]);
                Assert.AreEqual(cases[i + 2], response.Body == null ? "" : Fixtures.Text(response.Body), cases[i]);
                HttpHeaders fields = response.GetHeaders();
                Assert.AreEqual(cases[i + 3], fields.Get("Content-Range"), cases[i]);
                Assert.AreEqual((response.Body == null ? 0 : response.Body.Length).ToString(), fields.Get("Content-Length"), "the part's length: " + cases[i]);
                Assert.AreEqual("\"v1\"", fields.Get("ETag"), "a 206 carries what the 200 would");
                Assert.AreEqual((int)CacheSource.Cache, (int)response.Source, cases[i]);
            }

            Assert.AreEqual(1, origin.Count);
            Assert.AreEqual(200, cache.Get(Url).StatusCode, "a plain GET still gets the whole response");
        }

        [TestMethod]
        public void SeveralRangesAndInvalidOnesGoToTheOriginUnchanged()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\""), Body))
                .Then(Fixtures.Response(206, "Content-Type: multipart/byteranges; boundary=x", "--x--"))
                .Then(Fixtures.Response(200, "", Body));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            Assert.AreEqual(206, Get(cache, "bytes=0-1,5-6", null).StatusCode);
            Assert.AreEqual("bytes=0-1,5-6", origin.Last.Headers.Get("Range"));
            Assert.AreEqual(200, Get(cache, "bytes=5-2", null).StatusCode);
            Assert.AreEqual("bytes=5-2", origin.Last.Headers.Get("Range"), "an invalid range is the origin's to ignore");
            Assert.AreEqual(3, origin.Count);
        }

        [TestMethod]
        public void IfRangeGetsThePartOnlyForAStrongMatch()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            string lastModified = Fixtures.Date(Fixtures.T0 - 3600);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\""), Body));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            Assert.AreEqual(206, Get(cache, "bytes=0-1", "\"v1\"").StatusCode);
            Assert.AreEqual(200, Get(cache, "bytes=0-1", "\"v2\"").StatusCode, "another version: the whole representation");
            Assert.AreEqual(200, Get(cache, "bytes=0-1", "W/\"v1\"").StatusCode, "a weak tag never matches");
            Assert.AreEqual(200, Get(cache, "bytes=0-1", "not a validator").StatusCode);
            Assert.AreEqual(206, Get(cache, "bytes=0-1", lastModified).StatusCode, "a Last-Modified an hour before Date is strong");
            Assert.AreEqual(200, Get(cache, "bytes=0-1", Fixtures.Date(Fixtures.T0 - 3599)).StatusCode);

            ScriptedTransport sameSecond = new ScriptedTransport().Then(Fixtures.Response(200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nLast-Modified: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=600", Body));
            HttpCacheClient weak = Client(sameSecond, clock);
            weak.Get(Url);
            Assert.AreEqual(200, Get(weak, "bytes=0-1", Fixtures.Date(Fixtures.T0)).StatusCode, "modified in the second of its Date: weak");
            Assert.AreEqual(1, origin.Count);
        }

        [TestMethod]
        public void AStaleStoredResponseIsRevalidatedWholeAndTheRangeCutFromIt()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Lines(clock, "Cache-Control: max-age=0\nETag: \"v1\""), Body))
                .Then(Fixtures.Response(304, "ETag: \"v1\"", null));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            CacheResponse part = Get(cache, "bytes=2-3", null);
            Assert.AreEqual(206, part.StatusCode);
            Assert.AreEqual("23", Fixtures.Text(part.Body));
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)part.Source);
            Assert.AreEqual("\"v1\"", origin.Last.Headers.Get("If-None-Match"));
            Assert.IsNull(origin.Last.Headers.Get("Range"), "the cache validates the whole representation it holds");
        }

        [TestMethod]
        public void A206IsStoredServedAgainAndCompletedWithOnlyTheMissingBytes()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(206, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\"\nContent-Range: bytes 0-9/20\nContent-Length: 10\nX-Version: 1"), "0123456789"))
                .Then(Fixtures.Response(206, Lines(clock, "Cache-Control: max-age=900\nETag: \"v1\"\nContent-Range: bytes 10-19/20\nContent-Length: 10"), "abcdefghij"));
            HttpCacheClient cache = Client(origin, clock);
            Assert.AreEqual("0123456789", Fixtures.Text(Get(cache, "bytes=0-9", null).Body));
            CacheResponse again = Get(cache, "bytes=3-5", null);
            Assert.AreEqual(206, again.StatusCode);
            Assert.AreEqual("345", Fixtures.Text(again.Body));
            Assert.AreEqual("bytes 3-5/20", again.GetHeaders().Get("Content-Range"));
            Assert.AreEqual(1, origin.Count, "served from the stored part");

            CacheResponse tail = Get(cache, "bytes=8-15", null);
            Assert.AreEqual(206, tail.StatusCode);
            Assert.AreEqual("89abcdef", Fixtures.Text(tail.Body));
            Assert.AreEqual("bytes=10-", origin.Last.Headers.Get("Range"), "only the bytes not stored");
            Assert.AreEqual("\"v1\"", origin.Last.Headers.Get("If-Range"), "so a changed representation comes back whole");

            // Complete now: a plain GET is a fresh hit on the whole 200, its fields the newest with the stored ones kept.
            CacheResponse whole = cache.Get(Url);
            Assert.AreEqual(200, whole.StatusCode);
            Assert.AreEqual(Body, Fixtures.Text(whole.Body));
            Assert.AreEqual((int)CacheSource.Cache, (int)whole.Source);
            HttpHeaders fields = whole.GetHeaders();
            Assert.AreEqual("20", fields.Get("Content-Length"));
            Assert.IsNull(fields.Get("Content-Range"));
            Assert.AreEqual("max-age=900", fields.Get("Cache-Control"), "the new part's fields are used (RFC 9111 3.4)");
            Assert.AreEqual("1", fields.Get("X-Version"), "stored fields it does not carry are kept");
            Assert.AreEqual(2, origin.Count);
        }

        [TestMethod]
        public void ACompletionThatFindsAChangedRepresentationGetsItWhole()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(206, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\"\nContent-Range: bytes 0-9/20"), "0123456789"))
                .Then(Fixtures.Response(200, Lines(clock, "Cache-Control: max-age=600\nETag: \"v2\""), "ABCDEFGHIJKLMNOPQRST"));
            HttpCacheClient cache = Client(origin, clock);
            Get(cache, "bytes=0-9", null);
            CacheResponse part = Get(cache, "bytes=12-13", null);
            Assert.AreEqual(206, part.StatusCode);
            Assert.AreEqual("MN", Fixtures.Text(part.Body), "cut from the new representation, never mixed with the old");
            Assert.AreEqual("\"v2\"", part.GetHeaders().Get("ETag"));
            Assert.AreEqual("ABCDEFGHIJKLMNOPQRST", Fixtures.Text(cache.Get(Url).Body));
            Assert.AreEqual(2, origin.Count);
        }

        [TestMethod]
        public void APlainGetOfAPartlyStoredRepresentationAsksOnlyForTheRest()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(206, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\"\nContent-Range: bytes 0-11/20"), "0123456789ab"))
                .Then(Fixtures.Response(206, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\"\nContent-Range: bytes 12-19/20"), "cdefghij"));
            HttpCacheClient cache = Client(origin, clock);
            Get(cache, "bytes=0-11", null);
            CacheResponse whole = cache.Get(Url);
            Assert.AreEqual(200, whole.StatusCode);
            Assert.AreEqual(Body, Fixtures.Text(whole.Body));
            Assert.AreEqual("bytes=12-", origin.Last.Headers.Get("Range"));
            Assert.AreEqual(12L, cache.Stats.BodyBytesSaved, "the stored part was not downloaded again");
        }

        [TestMethod]
        public void A206WithoutAStrongValidatorOrWithABadContentRangeIsNotStored()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            string[] responses = new string[]
            {
                "Cache-Control: max-age=600\nETag: W/\"v1\"\nContent-Range: bytes 0-9/20",
                "Cache-Control: max-age=600\nETag: 0x8D5\nContent-Range: bytes 0-9/20",
                "Cache-Control: max-age=600\nETag: \"v1\"\nContent-Range: bytes 0-8/20",
                "Cache-Control: max-age=600\nETag: \"v1\"",
                "Cache-Control: no-store\nETag: \"v1\"\nContent-Range: bytes 0-9/20",
            };
            for (int i = 0; i < responses.Length; i++)
            {
                ScriptedTransport origin = new ScriptedTransport()
                    .Then(Fixtures.Response(206, "Date: " + Fixtures.Date(clock.UnixSeconds) + "\n" + responses[i], "0123456789"))
                    .Then(Fixtures.Response(206, "Date: " + Fixtures.Date(clock.UnixSeconds) + "\n" + responses[i], "0123456789"));
                HttpCacheClient cache = Client(origin, clock);
                Get(cache, "bytes=0-9", null);
                Get(cache, "bytes=0-9", null);
                Assert.AreEqual(2, origin.Count, "[" + responses[i] + "]");
            }
        }

        [TestMethod]
        public void HeadIgnoresRange()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Lines(clock, "Cache-Control: max-age=600\nETag: \"v1\""), Body));
            HttpCacheClient cache = Client(origin, clock);
            cache.Get(Url);
            HttpHeaders range = new HttpHeaders();
            range.Add("Range", "bytes=0-1");
            CacheResponse head = cache.Send("HEAD", Url, range, null);
            Assert.AreEqual(200, head.StatusCode, "RFC 9110 14.2: range handling is defined for GET only");
            Assert.AreEqual(1, origin.Count, "source " + head.Source.ToString());
            Assert.IsTrue(head.Body == null || head.Body.Length == 0);
        }
    }
}
