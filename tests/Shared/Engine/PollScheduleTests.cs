using System;
using HttpCache.Nano.Parsing;
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
    /// <summary>A fleet's polls: even slots per device id, one contact per period, backoff and Retry-After, return to the slot.</summary>
    [TestClass]
    public class PollScheduleTests
    {
        private const string Url = "http://config.test/device";
        private const int Minute = 60000;

        [TestMethod]
        public void ConsecutiveIdsSpreadTheirFirstPollsEvenlyOverTheInterval()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            int[] perSecond = new int[60];
            for (uint id = 0; id < 120; id++)
            {
                int delay = new PollSchedule(clock, Minute, id).FirstDelayMilliseconds();
                Assert.IsTrue(delay >= 0 && delay < Minute, "within one interval: " + delay);
                perSecond[delay / 1000]++;
            }

            for (int s = 0; s < 60; s++)
            {
                // 120 devices over 60 seconds: two a second, three at most where the golden-ratio points crowd.
                Assert.IsTrue(perSecond[s] >= 1 && perSecond[s] <= 3, "second " + s + ": " + perSecond[s]);
            }
        }

        [TestMethod]
        public void ASuccessfulPollWaitsForTheDevicesSlotInTheNextInterval()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 7);
            long slot = SlotOf(schedule, clock);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=0\nETag: \"1\"", "{}"))
                .Then(Fixtures.Response(304, "ETag: \"1\"", null));
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(2, 4096), origin, clock, new CacheOptions()), Url, schedule);
            WaitUntil(clock, slot);
            PollResult first = poller.Poll();
            Assert.AreEqual(slot + Minute, Now(clock) + first.NextPollMilliseconds, "the same slot, one interval on");

            // A poll a few seconds late (a slow boot, a long TLS handshake) still returns to the slot, not one interval after itself.
            WaitUntil(clock, slot + Minute + 4000);
            PollResult late = poller.Poll();
            Assert.AreEqual(slot + 2 * Minute, Now(clock) + late.NextPollMilliseconds);
            Assert.AreEqual(2, origin.Count);
        }

        [TestMethod]
        public void ADeviceKeepsItsSubSecondSlotThoughTheWallClockShowsWholeSeconds()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 12345);
            clock.AdvanceMilliseconds(schedule.FirstDelayMilliseconds());
            long slot = Now(clock) % Minute;
            Assert.AreNotEqual(0, (int)(slot % 1000), "this id's slot is not on a whole second");
            CacheResponse ok = Generated(200, "");
            for (int i = 0; i < 500; i++)
            {
                clock.AdvanceMilliseconds(schedule.Next(ok));
                Assert.AreEqual(slot, Now(clock) % Minute, "poll " + i);
            }

            // SNTP moves the wall clock by an hour: the grid follows the new time. The first reading after the jump knows the
            // new time to the second only, so the slot may come up to a second late, and it does not drift from there.
            clock.SetWallClock(clock.UnixSeconds + 3600, true);
            for (int i = 0; i < 100; i++)
            {
                clock.AdvanceMilliseconds(schedule.Next(ok));
                long phase = (Now(clock) + 3600000) % Minute;
                Assert.IsTrue(phase >= slot && phase < slot + 1000, "poll " + i + " after the jump: " + phase + " for slot " + slot);
            }
        }

        [TestMethod]
        public void AResponseFreshForLongerThanTheIntervalIsPolledOncePerLifetimeAndRevalidatedAtTheSlot()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 3);
            ScriptedTransport origin = new ScriptedTransport();
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(2, 4096), origin, clock, new CacheOptions()), Url, schedule);
            origin.Then(Fixtures.Response(200, "Date: " + Fixtures.Date(clock.UnixSeconds) + "\nCache-Control: max-age=300\nETag: \"1\"", "{}"));
            PollResult first = poller.Poll();
            Assert.AreEqual(300, (int)first.Response.FreshnessLifetime);
            Assert.AreEqual(300, (int)first.Response.RemainingFreshness);
            Assert.AreEqual(300000, schedule.PeriodMilliseconds);
            Assert.AreEqual(150, (int)schedule.MinFreshSeconds);
            Assert.IsTrue(first.NextPollMilliseconds > 150000 && first.NextPollMilliseconds <= 450000, "a slot of the lifetime's grid: " + first.NextPollMilliseconds);
            long slot = Now(clock) + first.NextPollMilliseconds;
            Assert.AreEqual(SlotOf(schedule, clock) % 300000, slot % 300000, "the device's slot");

            // At its slot the copy was stored half a period to one and a half periods ago: revalidated, fresh or not.
            WaitUntil(clock, slot);
            origin.Then(Fixtures.Response(304, "Date: " + Fixtures.Date(clock.UnixSeconds) + "\nCache-Control: max-age=300\nETag: \"1\"", null));
            PollResult second = poller.Poll();
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)second.Response.Source);
            Assert.AreEqual(slot + 300000, Now(clock) + second.NextPollMilliseconds, "one lifetime on, the same slot");

            // Woken two seconds early: the stored copy is still fresh, but not for half a period, so it is revalidated now.
            WaitUntil(clock, slot + 298000);
            origin.Then(Fixtures.Response(304, "Date: " + Fixtures.Date(clock.UnixSeconds) + "\nCache-Control: max-age=300\nETag: \"1\"", null));
            PollResult early = poller.Poll();
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)early.Response.Source);
            Assert.AreEqual(slot + 600000, Now(clock) + early.NextPollMilliseconds, "and the next poll is still the slot after");
            Assert.AreEqual(3, origin.Count);
            Assert.IsFalse(origin.Last.Headers != null && origin.Last.Headers.Contains("Cache-Control"), "min-fresh is the cache's, never sent");

            // Between slots a plain Get is a fresh hit that says how long it stays fresh.
            clock.Advance(100);
            CacheResponse hit = poller.Poll().Response;
            Assert.AreEqual((int)CacheSource.Cache, (int)hit.Source);
            Assert.AreEqual(200, (int)hit.RemainingFreshness);
        }

        [TestMethod]
        public void ALifetimeLongerThanTheLongestPeriodIsRevalidatedEveryPeriod()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 1);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=86400\nETag: \"1\"", "{}"))
                .Then(Fixtures.Response(304, "ETag: \"1\"", null));
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(2, 4096), origin, clock, new CacheOptions()), Url, schedule);
            PollResult first = poller.Poll();
            Assert.AreEqual(3600000, schedule.PeriodMilliseconds);
            Assert.AreEqual(86400 - 1800, (int)schedule.MinFreshSeconds);
            clock.AdvanceMilliseconds(first.NextPollMilliseconds);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)poller.Poll().Response.Source, "an hour on, still fresh, revalidated");
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => schedule.MaxPeriodMilliseconds = 1000);
        }

        [TestMethod]
        public void TransportFailuresBackOffExponentiallyWithJitterUpToTheCap()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 11);
            ScriptedTransport origin = new ScriptedTransport();
            for (int i = 0; i < 8; i++)
            {
                origin.ThenFail("connection refused");
            }

            origin.Then(Fixtures.Response(200, "Cache-Control: max-age=0\nETag: \"1\"", "{}"));
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(2, 4096), origin, clock, new CacheOptions()), Url, schedule);
            long step = Minute;
            for (int failure = 1; failure <= 8; failure++)
            {
                PollResult result = poller.Poll();
                Assert.IsTrue(result.Response.OriginUnreachable);
                long cap = step < 900000 ? step : 900000;
                Assert.IsTrue(result.NextPollMilliseconds >= cap / 2 && result.NextPollMilliseconds <= cap, "failure " + failure + ": " + result.NextPollMilliseconds);
                Assert.AreEqual(failure, schedule.ConsecutiveFailures);
                clock.AdvanceMilliseconds(result.NextPollMilliseconds);
                step *= 2;
            }

            PollResult recovered = poller.Poll();
            Assert.AreEqual(0, schedule.ConsecutiveFailures);
            Assert.AreEqual(SlotOf(schedule, clock) % Minute, (Now(clock) + recovered.NextPollMilliseconds) % Minute, "back on its own slot");
        }

        [TestMethod]
        public void AStaleCopyServedBecauseTheOriginIsLostCountsAsAFailure()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            CacheOptions offline = new CacheOptions();
            offline.MaxStaleWhenOffline = CacheControl.Unbounded;
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=0\nETag: \"1\"", "{}"))
                .ThenFail("no route");
            PollSchedule schedule = new PollSchedule(clock, Minute, 5);
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(2, 4096), origin, clock, offline), Url, schedule);
            poller.Poll();
            clock.Advance(60);
            PollResult stale = poller.Poll();
            Assert.AreEqual((int)CacheSource.CacheStale, (int)stale.Response.Source);
            Assert.AreEqual(1, schedule.ConsecutiveFailures);
            Assert.IsTrue(stale.NextPollMilliseconds >= Minute / 2 && stale.NextPollMilliseconds <= Minute);
        }

        [TestMethod]
        public void RetryAfterInSecondsWaitsThatLongThenForTheDevicesSlot()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 9);
            int delay = schedule.Next(Generated(503, "Retry-After: 120"));
            Assert.IsTrue(delay >= 120000 && delay < 180000, "at least the Retry-After, then within one interval: " + delay);
            Assert.AreEqual(SlotOf(schedule, clock) % Minute, (Now(clock) + delay) % Minute);
            Assert.AreEqual(1, schedule.ConsecutiveFailures);
        }

        [TestMethod]
        public void RetryAfterAsADateIsReadAgainstTheOriginsDateNotTheDevicesClock()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 9);

            // The origin's clock is 1,000 s ahead of the device's: what counts is the 300 s between its Date and its Retry-After.
            int delay = schedule.Next(Generated(429, "Date: " + Fixtures.Date(Fixtures.T0 + 1000) + "\nRetry-After: " + Fixtures.Date(Fixtures.T0 + 1300)));
            Assert.IsTrue(delay >= 300000 && delay < 360000, "300 s, then the slot: " + delay);

            int withoutDate = new PollSchedule(clock, Minute, 9).Next(Generated(429, "Retry-After: " + Fixtures.Date(Fixtures.T0 + 600)));
            Assert.IsTrue(withoutDate >= 600000 && withoutDate < 660000, "against the wall clock: " + withoutDate);
        }

        [TestMethod]
        public void A503WithoutRetryAfterOrWithAnInvalidOneBacksOff()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule schedule = new PollSchedule(clock, Minute, 2);
            int first = schedule.Next(Generated(503, ""));
            int second = schedule.Next(Generated(503, "Retry-After: soon"));
            int third = schedule.Next(Generated(500, "Retry-After: 5"));
            Assert.IsTrue(first >= 30000 && first <= 60000, "first: " + first);
            Assert.IsTrue(second >= 60000 && second <= 120000, "second: " + second);
            Assert.IsTrue(third >= 120000 && third <= 240000, "Retry-After binds 429 and 503 only: " + third);
        }

        [TestMethod]
        public void TheSameDeviceMakesTheSameChoicesAndOthersDiffer()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule a = new PollSchedule(clock, Minute, 42);
            PollSchedule b = new PollSchedule(clock, Minute, 42);
            PollSchedule other = new PollSchedule(clock, Minute, 43);
            Assert.AreEqual(a.FirstDelayMilliseconds(), b.FirstDelayMilliseconds());
            Assert.AreNotEqual(a.FirstDelayMilliseconds(), other.FirstDelayMilliseconds());
            bool differs = false;
            for (int i = 0; i < 6; i++)
            {
                CacheResponse failure = Generated(502, "");
                int x = a.Next(failure);
                Assert.AreEqual(x, b.Next(failure), "seeded by the id");
                differs |= x != other.Next(failure);
            }

            Assert.IsTrue(differs, "two devices do not retry in step");
        }

        [TestMethod]
        public void SpreadAndArgumentsAreChecked()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            PollSchedule narrow = new PollSchedule(clock, Minute, 77);
            narrow.SpreadPercent = 10;
            Assert.IsTrue(narrow.FirstDelayMilliseconds() < Minute / 10, "within the first tenth");
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => narrow.SpreadPercent = 0);
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => narrow.MaxBackoffMilliseconds = 10);
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new PollSchedule(clock, 999, 1));
            Expect.Throws(typeof(ArgumentNullException), () => new PollSchedule(null, Minute, 1));
            Expect.Throws(typeof(ArgumentNullException), () => narrow.Next(null));
        }

        [TestMethod]
        public void WithoutAWallClockTheMonotonicClockCarriesTheGrid()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            clock.SetWallClock(0, false);
            PollSchedule schedule = new PollSchedule(clock, Minute, 4);
            int first = schedule.FirstDelayMilliseconds();
            clock.AdvanceMilliseconds(first);
            int next = schedule.Next(Generated(200, ""));
            Assert.AreEqual(Minute, next);
        }

        [TestMethod]
        public void ResponsesSayHowLongTheCacheKeepsThemFresh()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=60\nAge: 20", "a"))
                .Then(Fixtures.Response(200, "Cache-Control: no-cache, max-age=60\nETag: \"n\"", "b"))
                .Then(Fixtures.Response(200, "Cache-Control: no-store, max-age=60", "c"));
            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 4096), origin, clock, new CacheOptions());
            CacheResponse stored = cache.Get(Url + "/a");
            Assert.AreEqual(60, (int)stored.FreshnessLifetime);
            Assert.AreEqual(40, (int)stored.RemainingFreshness, "the Age it arrived with counts");
            clock.Advance(30);
            Assert.AreEqual(10, (int)cache.Get(Url + "/a").RemainingFreshness);
            Assert.AreEqual(0, (int)cache.Get(Url + "/b").FreshnessLifetime, "no-cache: revalidated on every use");
            Assert.AreEqual(0, (int)cache.Get(Url + "/c").RemainingFreshness, "not stored");
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => cache.Get(Url, -1));
        }

        // The device's slot in the interval grid, as an absolute time.
        private static long SlotOf(PollSchedule schedule, ManualClock clock)
        {
            return Now(clock) + schedule.FirstDelayMilliseconds();
        }

        // Wall-clock milliseconds of a clock whose wall and monotonic readings started together (the wall clock shows whole seconds).
        private static long Now(ManualClock clock)
        {
            return Fixtures.T0 * 1000 + clock.MonotonicMilliseconds;
        }

        private static void WaitUntil(ManualClock clock, long time)
        {
            clock.AdvanceMilliseconds(time - Now(clock));
        }

        // A response the way the cache hands an origin's error on (not stored, straight from the network).
        internal static CacheResponse Generated(int status, string lines)
        {
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(status, lines, ""));
            return new HttpCacheClient(new RamStore(1, 1024), origin, new ManualClock(Fixtures.T0), new CacheOptions()).Get(Url);
        }
    }
}
