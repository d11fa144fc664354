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
    /// <summary>Several stored responses per URI (RFC 9111 4.1): alternation, the per-URI limit, normalisation, invalidation.</summary>
    [TestClass]
    public class VariantTests
    {
        private const string Url = "http://origin.test/greeting";

        private static ScriptedTransport Greetings(ManualClock clock, int count)
        {
            ScriptedTransport origin = new ScriptedTransport();
            for (int i = 0; i < count; i++)
            {
                origin.Then(Fixtures.Response(200, "Date: " + Fixtures.Date(clock.UnixSeconds) + "\nCache-Control: max-age=600\nVary: Accept-Language", "response " + i));
            }

            return origin;
        }

        private static string Get(HttpCacheClient cache, string language)
        {
            HttpHeaders headers = new HttpHeaders();
            if (language != null)
            {
                headers.Add("Accept-Language", language);
            }

            return Fixtures.Text(cache.Send("GET", Url, headers, null).Body);
        }

        [TestMethod]
        public void TwoLanguagesAlternatingAHundredTimesCostTwoOriginRequests()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Greetings(clock, 2);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 16384), origin, clock, new CacheOptions());
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual(i % 2 == 0 ? "response 0" : "response 1", Get(cache, i % 2 == 0 ? "en" : "de"), "request " + i);
            }

            Assert.AreEqual(2, origin.Count);
            Assert.AreEqual(98L, cache.Stats.FreshHits);
        }

        [TestMethod]
        public void BeyondThePerUriLimitTheLeastRecentlyStoredVariantIsDropped()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Greetings(clock, 4);
            CacheOptions options = new CacheOptions();
            options.MaxVariantsPerUri = 2;
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 16384), origin, clock, options);
            Assert.AreEqual("response 0", Get(cache, "en"));
            Assert.AreEqual("response 1", Get(cache, "de"));
            Assert.AreEqual("response 0", Get(cache, "en"));
            Assert.AreEqual("response 2", Get(cache, "fr"), "a third language: en, moved aside first, is dropped");
            Assert.AreEqual("response 1", Get(cache, "de"));
            Assert.AreEqual("response 3", Get(cache, "en"));
            Assert.AreEqual(4, origin.Count);

            CacheOptions one = new CacheOptions();
            one.MaxVariantsPerUri = 1;
            ScriptedTransport single = Greetings(clock, 3);
            HttpCacheClient latestOnly = new HttpCacheClient(new RamStore(8, 16384), single, clock, one);
            Get(latestOnly, "en");
            Get(latestOnly, "de");
            Get(latestOnly, "en");
            Assert.AreEqual(3, single.Count, "one per URI: each language replaces the other");
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), () => one.MaxVariantsPerUri = 0);
        }

        [TestMethod]
        public void AcceptLanguageIsMatchedWithoutCaseWhitespaceOrOrderButOtherFieldsAreNot()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Greetings(clock, 3);

            // Three variants are kept: the device's default (CacheOptions.DefaultMaxVariantsPerUri, 2) would rightly drop
            // the first when the third arrives, which is what made this test fail on nanoCLR, not the matching.
            CacheOptions three = new CacheOptions();
            three.MaxVariantsPerUri = 3;
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 16384), origin, clock, three);
            Assert.AreEqual("response 0", Get(cache, "en-US, de;q=0.5"));
            Assert.AreEqual("response 0", Get(cache, "DE ; q=0.5,en-us"));
            Assert.AreEqual("response 1", Get(cache, "en-US"), "another set of languages");
            Assert.AreEqual("response 2", Get(cache, null), "no Accept-Language is a variant of its own");
            Assert.AreEqual("response 0", Get(cache, "de;q=0.5, en-US"));
            Assert.AreEqual(3, origin.Count);

            ScriptedTransport encodings = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=600\nVary: Accept-Encoding", "gzip first"))
                .Then(Fixtures.Response(200, "Cache-Control: max-age=600\nVary: Accept-Encoding", "br first"));
            HttpCacheClient other = new HttpCacheClient(new RamStore(8, 16384), encodings, clock, new CacheOptions());
            HttpHeaders gzip = new HttpHeaders();
            gzip.Add("Accept-Encoding", "gzip, br");
            HttpHeaders br = new HttpHeaders();
            br.Add("Accept-Encoding", "br, gzip");
            Assert.AreEqual("gzip first", Fixtures.Text(other.Send("GET", Url, gzip, null).Body));
            Assert.AreEqual("br first", Fixtures.Text(other.Send("GET", Url, br, null).Body), "order kept outside Accept-Language");
        }

        [TestMethod]
        public void AnUnsafeRequestInvalidatesEveryVariantEvenAfterAReboot()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            MemoryFileSystem fs = new MemoryFileSystem();
            ScriptedTransport origin = Greetings(clock, 2);
            HttpCacheClient cache = new HttpCacheClient(new FlashStore(fs, "cache", 8, 65536, 16384), origin, clock, new CacheOptions());
            Get(cache, "en");
            Get(cache, "de");

            // A reboot: nothing in RAM remembers the variants; both are found on flash, and a POST removes both.
            ScriptedTransport after = new ScriptedTransport()
                .Then(Fixtures.Response(204, "", null))
                .Then(Fixtures.Response(200, "Cache-Control: max-age=600\nVary: Accept-Language", "new en"))
                .Then(Fixtures.Response(200, "Cache-Control: max-age=600\nVary: Accept-Language", "new de"));
            FlashStore reopened = new FlashStore(fs, "cache", 8, 65536, 16384);
            Assert.AreEqual(2, reopened.Count);
            HttpCacheClient rebooted = new HttpCacheClient(reopened, after, clock, new CacheOptions());
            Assert.AreEqual("response 1", Get(rebooted, "de"), "the latest, from flash");
            Assert.AreEqual("response 0", Get(rebooted, "en"), "the other variant, from flash");
            Assert.AreEqual(0, after.Count);
            rebooted.Send("POST", Url, null, new byte[] { 1 });
            Assert.AreEqual(0, reopened.Count, "every variant invalidated (RFC 9111 4.4)");
            Assert.AreEqual("new en", Get(rebooted, "en"));
            Assert.AreEqual("new de", Get(rebooted, "de"));
        }
    }
}
