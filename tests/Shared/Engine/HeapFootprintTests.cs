// HeapFootprintTests: the managed heap a realistic device setup keeps, measured after a full collection on
// each platform (HeapProbe: GC.Run on the device, GC.GetTotalMemory on desktop).
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
    /// <summary>
    /// A client with <c>RamStore(8, 32 KB)</c>, one 2 KB cached response and 100 revalidations answered 304 by an
    /// in-memory origin. An ESP32 without PSRAM has about 80 KB of managed heap: the cache may keep at most
    /// <see cref="MaxKeptBytes"/> of it (a fifth, leaving the rest to the application), and polling must not
    /// grow it by more than <see cref="MaxGrowthBytes"/> over 100 polls. Partial: the desktop project runs it
    /// on its own (no other test allocating meanwhile).
    /// </summary>
    [TestClass]
    public partial class HeapFootprintTests
    {
        private const int MaxKeptBytes = 16 * 1024;
        private const int MaxGrowthBytes = 1024;
        private const string Url = "http://origin.test/device/config";

        [TestMethod]
        public void ACachedConfigAndAHundredRevalidationsFitASmallHeap()
        {
            // The objects live only in this array, so releasing them is exact: setup and polling run in helpers whose
            // frames (and temporaries) are gone when the heap is read. A first round warms up statics and code.
            // HeapProbe.Copies identical setups make the reading precise (one on the device, where it is exact).
            int copies = HeapProbe.Copies;
            object[] setup = new object[2 * copies];
            Start(setup, 1);
            Poll(setup, 1, 1);
            Release(setup);

            // Up to three readings: on desktop the heap is process-wide, and a thread another test left behind may allocate
            // meanwhile (the noise only ever adds bytes); the first reading within bounds counts. The device has one.
            long kept = 0;
            long grown = 0;
            CacheStats stats = new CacheStats();
            for (int attempt = 0; attempt < 3; attempt++)
            {
                Start(setup, copies);
                long withCache = HeapProbe.Level();
                Poll(setup, copies, 100);
                long afterPolls = HeapProbe.Level();
                stats = ((HttpCacheClient)setup[0]).Stats;
                Release(setup);
                long released = HeapProbe.Level();
                kept = (withCache - released) / copies;
                grown = (afterPolls - withCache) / copies;
                if (kept >= 2048 && kept <= MaxKeptBytes && grown <= MaxGrowthBytes)
                {
                    break;
                }
            }

            HeapProbe.Report("heap kept by client + RamStore(8, 32 KB) + one 2 KB response: " + kept + " B; growth over 100 revalidations: " + grown + " B");
            Assert.AreEqual(100L, stats.NotModified, "every poll was a 304");
            Assert.AreEqual(101L, stats.Requests);
            Assert.IsTrue(kept >= 2048, "the 2 KB body is held: " + kept + " B");
            Assert.IsTrue(kept <= MaxKeptBytes, "kept " + kept + " B, bound " + MaxKeptBytes + " B");
            Assert.IsTrue(grown <= MaxGrowthBytes, "grew " + grown + " B over 100 polls, bound " + MaxGrowthBytes + " B");
        }

        // Each copy: a client, its store and clock, and the first (full, 2 KB) response cached.
        private static void Start(object[] setup, int copies)
        {
            for (int k = 0; k < copies; k++)
            {
                ManualClock clock = new ManualClock(Fixtures.T0);
                HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), new ConfigOrigin(clock), clock, new CacheOptions());
                cache.Get(Url);
                setup[2 * k] = cache;
                setup[2 * k + 1] = clock;
            }
        }

        // Polls once a minute past the response's max-age, so each poll is a revalidation.
        private static void Poll(object[] setup, int copies, int polls)
        {
            for (int k = 0; k < copies; k++)
            {
                HttpCacheClient cache = (HttpCacheClient)setup[2 * k];
                ManualClock clock = (ManualClock)setup[2 * k + 1];
                for (int i = 0; i < polls; i++)
                {
                    clock.Advance(61);
                    cache.Get(Url);
                }
            }
        }

        private static void Release(object[] setup)
        {
            for (int i = 0; i < setup.Length; i++)
            {
                setup[i] = null;
            }
        }

        // Answers the first request with the config and every later one with a 304; keeps nothing per request
        // (a recording transport would itself grow the heap being measured).
        private sealed class ConfigOrigin : IHttpTransport
        {
            private readonly ManualClock _clock;
            private int _requests;

            public ConfigOrigin(ManualClock clock)
            {
                _clock = clock;
            }

            public OriginResponse Send(OriginRequest request)
            {
                _requests++;
                string fields = "Date: " + Fixtures.Date(_clock.UnixSeconds) + "\nCache-Control: max-age=60\nETag: \"v1\"";
                return _requests == 1 ? Fixtures.Response(200, fields + "\nContent-Type: application/json", new string('c', 2048)) : Fixtures.Response(304, fields, null);
            }
        }
    }
}
