// RebootTests: a device that deep-sleeps (a reboot: RAM gone, a new monotonic clock) between polls, with its cache on
// flash: what a revalidation taught survives, and the age of a stored response after a reboot comes from the wall clock.
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
    [TestClass]
    public class RebootTests
    {
        private const string Url = "http://origin.test/device/config";

        private static string Fields(long date, int maxAge)
        {
            return "Date: " + Fixtures.Date(date) + "\nCache-Control: max-age=" + maxAge + "\nETag: \"v1\"";
        }

        // A wake: a new store over the same flash and a new client, as after a reboot; one Get.
        private static CacheResponse Wake(MemoryFileSystem fs, ManualClock clock, ScriptedTransport origin)
        {
            FlashStore store = new FlashStore(fs, "cache", 8, 64 * 1024, 16 * 1024);
            return new HttpCacheClient(store, origin, clock, new CacheOptions()).Get(Url);
        }

        // Wakes at T0 (a full response) and at T0 + 301 (a 304 renewing max-age=300 on flash).
        private static ScriptedTransport Renewed(MemoryFileSystem fs, ManualClock clock)
        {
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Fields(Fixtures.T0, 300), "{\"v\":1}"))
                .Then(Fixtures.Response(304, Fields(Fixtures.T0 + 301, 300), null));
            Assert.AreEqual((int)CacheSource.Network, (int)Wake(fs, clock, origin).Source);
            clock.Reboot();
            clock.SetWallClock(Fixtures.T0 + 301, true);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)Wake(fs, clock, origin).Source);
            clock.Reboot();
            return origin;
        }

        [TestMethod]
        public void AWakeWithinARenewedLifetimeIsAFreshHitWithNoRequest()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Renewed(fs, clock);
            clock.SetWallClock(Fixtures.T0 + 361, true);
            CacheResponse third = Wake(fs, clock, origin);
            Assert.AreEqual((int)CacheSource.Cache, (int)third.Source, "fresh from the renewal on flash");
            Assert.AreEqual(60L, third.Age, "aged by the wall clock since the 304");
            Assert.AreEqual(2, origin.Count, "no request");
        }

        [TestMethod]
        public void BeforeTheWallClockIsSetAStoredResponseIsRevalidated()
        {
            // After a reboot the age is known only from the wall clock: until SNTP has set it, nothing stored is fresh.
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Renewed(fs, clock);
            origin.Then(Fixtures.Response(304, Fields(Fixtures.T0 + 361, 300), null));
            clock.SetWallClock(0, false);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)Wake(fs, clock, origin).Source);
            Assert.AreEqual("\"v1\"", origin.Last.Headers.Get("If-None-Match"), "a conditional request, not a download");
        }

        [TestMethod]
        public void AWallClockThatJumpsBackBeforeTheResponseMakesItStale()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Renewed(fs, clock);
            origin.Then(Fixtures.Response(304, Fields(Fixtures.T0 + 361, 300), null));
            clock.SetWallClock(Fixtures.T0 - 3600, true);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)Wake(fs, clock, origin).Source, "an age it cannot know is not fresh");
            Assert.AreEqual(3, origin.Count);
        }

        [TestMethod]
        public void AWallClockThatJumpsForwardAgesTheResponse()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = Renewed(fs, clock);
            origin.Then(Fixtures.Response(304, Fields(Fixtures.T0 + 5000, 300), null));
            clock.SetWallClock(Fixtures.T0 + 5000, true);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)Wake(fs, clock, origin).Source, "past its lifetime: revalidated");
            Assert.AreEqual(3, origin.Count);
        }

        [TestMethod]
        public void AnUnchangedMaxAgeZeroPollWritesNothingAcrossReboots()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Fields(Fixtures.T0, 0), "{\"v\":1}"));
            Wake(fs, clock, origin);
            long written = fs.BytesWritten;
            for (int wake = 1; wake <= 20; wake++)
            {
                clock.Reboot();
                clock.SetWallClock(Fixtures.T0 + 60 * wake, true);
                origin.Then(Fixtures.Response(304, Fields(Fixtures.T0 + 60 * wake, 0), null));
                Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)Wake(fs, clock, origin).Source);
            }

            Assert.AreEqual(written, fs.BytesWritten, "20 unchanged polls after 20 reboots wrote no byte");
        }
    }
}
