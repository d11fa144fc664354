// AgeTests: the age of a response to the millisecond (RFC 9111 4.2.3) — a sub-second response delay does not age it by a
// whole second, and the Age sent is the current age in whole seconds, rounded down.
using HttpCache.Nano.Policy;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Policy
{
    [TestClass]
    public class AgeTests
    {
        // The response received delay ms after the request was sent (Date: the second it was sent in).
        private static StoredResponseInfo Received(ManualClock clock, long delay, string fields, out CacheNow received)
        {
            CacheNow sent = CacheNow.Read(clock);
            clock.AdvanceMilliseconds(delay);
            received = CacheNow.Read(clock);
            return StoredResponseInfo.Describe(200, Fixtures.Facts("Date: " + Fixtures.Date(Fixtures.T0) + "\n" + fields), sent, received, 86400);
        }

        [TestMethod]
        public void TheResponseDelayCountsInMillisecondsAndTheAgeIsRoundedDown()
        {
            long[] delays = new long[] { 0, 1, 999, 1001 };
            long[] withAge10 = new long[] { 10, 10, 10, 11 };
            long[] withoutAge = new long[] { 0, 0, 0, 1 };
            for (int i = 0; i < delays.Length; i++)
            {
                CacheNow received;
                StoredResponseInfo aged = Received(new ManualClock(Fixtures.T0), delays[i], "Age: 10\nCache-Control: max-age=60", out received);
                Assert.AreEqual(10000 + delays[i], aged.InitialAgeMilliseconds, "Age 10, delay " + delays[i] + " ms");
                Assert.AreEqual(withAge10[i], Freshness.CurrentAge(aged, received), "Age 10, delay " + delays[i] + " ms");
                StoredResponseInfo fresh = Received(new ManualClock(Fixtures.T0), delays[i], "Cache-Control: max-age=60", out received);
                Assert.AreEqual(withoutAge[i], Freshness.CurrentAge(fresh, received), "no Age, delay " + delays[i] + " ms");
            }
        }

        [TestMethod]
        public void AMaxAgeOfOneSecondIsReusedWithinThatSecond()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            CacheNow received;
            StoredResponseInfo stored = Received(clock, 3, "Cache-Control: max-age=1\nETag: \"1\"", out received);
            clock.AdvanceMilliseconds(25);
            CacheDecision decision = CachePolicy.Decide(Fixtures.Facts(""), stored, false, CacheNow.Read(clock), new CacheOptions());
            Assert.AreEqual((int)CacheAction.ServeFresh, (int)decision.Action, "28 ms old, fresh for 1 s");
            Assert.AreEqual(0L, decision.Age);
            clock.AdvanceMilliseconds(972);
            decision = CachePolicy.Decide(Fixtures.Facts(""), stored, false, CacheNow.Read(clock), new CacheOptions());
            Assert.AreEqual((int)CacheAction.Revalidate, (int)decision.Action, "1,000 ms old: stale");
        }

        [TestMethod]
        public void AnUpstreamAgeIsNotInflatedByASubSecondDelay()
        {
            CacheNow received;
            StoredResponseInfo stored = Received(new ManualClock(Fixtures.T0), 15, "Age: 7200\nCache-Control: max-age=3600", out received);
            Assert.AreEqual(7200L, Freshness.CurrentAge(stored, received), "7200, not 7201");
        }
    }
}
