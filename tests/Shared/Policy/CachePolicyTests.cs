using System;
using HttpCache.Nano.Parsing;
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
    /// <summary>RFC 9111 freshness and reuse rules, each driven by an explicit clock: no sleeping.</summary>
    [TestClass]
    public class CachePolicyTests
    {
        private static readonly HeaderFacts NoRequestHeaders = new HeaderFacts();

        // A response received at the clock's current reading, with request and response at the same instant.
        private static StoredResponseInfo Stored(ManualClock clock, int status, string headers)
        {
            CacheNow now = CacheNow.Read(clock);
            return StoredResponseInfo.Describe(status, Fixtures.Facts(headers), now, now, 86400);
        }

        private static CacheDecision Decide(ManualClock clock, StoredResponseInfo stored, HeaderFacts request)
        {
            return CachePolicy.Decide(request, stored, false, CacheNow.Read(clock), new CacheOptions());
        }

        private static CacheDecision Decide(ManualClock clock, StoredResponseInfo stored)
        {
            return Decide(clock, stored, NoRequestHeaders);
        }

        private static void AssertAction(CacheAction expected, CacheDecision decision, string why)
        {
            Assert.AreEqual((int)expected, (int)decision.Action, why + ": expected " + expected.ToString() + " got " + decision.Action.ToString());
        }

        [TestMethod]
        public void MaxAgeIsFreshUntilItsLastSecond()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=60\nETag: \"v1\"");
            clock.Advance(59);
            CacheDecision decision = Decide(clock, stored);
            AssertAction(CacheAction.ServeFresh, decision, "age 59 of 60");
            Assert.AreEqual(59L, decision.Age);
            clock.Advance(1);
            decision = Decide(clock, stored);
            AssertAction(CacheAction.Revalidate, decision, "age 60 of 60 is stale (fresh means lifetime > age)");
            Assert.AreEqual(0L, decision.Staleness);
        }

        [TestMethod]
        public void WithoutValidatorsAStaleResponseIsFetchedAgain()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Cache-Control: max-age=10");
            clock.Advance(11);
            AssertAction(CacheAction.Fetch, Decide(clock, stored), "no ETag, Last-Modified nor Date");
        }

        [TestMethod]
        public void ExpiresMinusDateGivesTheLifetimeAndMaxAgeOverridesIt()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nExpires: " + Fixtures.Date(Fixtures.T0 + 300));
            Assert.AreEqual(300L, stored.FreshnessLifetime);
            stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nExpires: " + Fixtures.Date(Fixtures.T0 + 300) + "\nCache-Control: max-age=5");
            Assert.AreEqual(5L, stored.FreshnessLifetime);
        }

        [TestMethod]
        public void InvalidOrPastExpiresMeansAlreadyExpired()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            Assert.AreEqual(0L, Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nExpires: 0").FreshnessLifetime);
            Assert.AreEqual(0L, Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nExpires: " + Fixtures.Date(Fixtures.T0 - 10)).FreshnessLifetime);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nExpires: 0");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "Expires: 0 with a Date validator");
        }

        [TestMethod]
        public void ExpiresWithoutDateUsesTheTimeOfReceipt()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            Assert.AreEqual(120L, Stored(clock, 200, "Expires: " + Fixtures.Date(Fixtures.T0 + 120)).FreshnessLifetime);
        }

        [TestMethod]
        public void SharedMaxAgeIsIgnoredByAPrivateCache()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            Assert.AreEqual(0L, Stored(clock, 200, "Cache-Control: s-maxage=600").FreshnessLifetime);
            Assert.AreEqual(10L, Stored(clock, 200, "Cache-Control: s-maxage=600, max-age=10").FreshnessLifetime);
        }

        [TestMethod]
        public void HeuristicFreshnessIsTenPercentOfDateMinusLastModifiedForHeuristicCodesOnly()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            string headers = "Date: " + Fixtures.Date(Fixtures.T0) + "\nLast-Modified: " + Fixtures.Date(Fixtures.T0 - 1000);
            StoredResponseInfo stored = Stored(clock, 200, headers);
            Assert.AreEqual(100L, stored.FreshnessLifetime);
            Assert.IsTrue(stored.IsHeuristic);
            Assert.AreEqual(100L, Stored(clock, 404, headers).FreshnessLifetime);
            Assert.AreEqual(0L, Stored(clock, 302, headers).FreshnessLifetime, "302 is not heuristically cacheable");
            Assert.AreEqual(0L, Stored(clock, 500, headers).FreshnessLifetime);
            Assert.AreEqual(86400L, Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nLast-Modified: " + Fixtures.Date(Fixtures.T0 - 86400L * 3650)).FreshnessLifetime, "capped at a day");
            Assert.AreEqual(0L, Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nLast-Modified: " + Fixtures.Date(Fixtures.T0 + 50)).FreshnessLifetime, "Last-Modified in the future");
        }

        [TestMethod]
        public void AgeHeaderApparentAgeAndResponseDelayAddUp()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nAge: 50\nCache-Control: max-age=60");
            Assert.AreEqual(50L, stored.InitialAge);
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored), "age 50 of 60");
            clock.Advance(10);
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "age 60 of 60, Date as validator");

            // Date 100 s before receipt: the apparent age wins over a smaller Age.
            clock = new ManualClock(Fixtures.T0);
            stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0 - 100) + "\nAge: 20\nCache-Control: max-age=300");
            Assert.AreEqual(100L, stored.InitialAge);

            // A 3 s response delay counts.
            clock = new ManualClock(Fixtures.T0);
            CacheNow sent = CacheNow.Read(clock);
            clock.Advance(3);
            stored = StoredResponseInfo.Describe(200, Fixtures.Facts("Date: " + Fixtures.Date(Fixtures.T0 + 3) + "\nAge: 10\nCache-Control: max-age=60"), sent, CacheNow.Read(clock), 86400);
            Assert.AreEqual(13L, stored.InitialAge);
        }

        [TestMethod]
        public void AWallClockJumpNeitherResurrectsNorKillsAnEntry()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=60\nETag: \"a\"");
            clock.Advance(30);
            clock.SetWallClock(Fixtures.T0 + 86400L * 365, true);
            CacheDecision decision = Decide(clock, stored);
            AssertAction(CacheAction.ServeFresh, decision, "a year forward on the wall clock");
            Assert.AreEqual(30L, decision.Age);
            clock.SetWallClock(Fixtures.T0 - 86400L * 365, true);
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored), "a year back");
            clock.Advance(31);
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "61 s of monotonic time");
        }

        [TestMethod]
        public void AnEntryStoredBeforeTheClockWasSetIsRevalidatedAfterSyncAcrossAReboot()
        {
            ManualClock clock = new ManualClock(0);
            clock.SetWallClock(0, false);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=3600\nETag: \"a\"");
            Assert.AreEqual(-1L, stored.ReceivedAt);
            clock.Advance(10);
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored), "same boot: the monotonic clock measures residence");
            clock.Reboot();
            clock.SetWallClock(Fixtures.T0 + 20, true);
            CacheDecision decision = Decide(clock, stored);
            AssertAction(CacheAction.Revalidate, decision, "another boot, no wall time at receipt: age unknown");
            Assert.AreEqual(-1L, decision.Age);
            Assert.AreEqual(CacheControl.Unbounded, decision.Staleness);
        }

        [TestMethod]
        public void AfterARebootTheWallClockMeasuresResidenceWhenBothReadingsAreKnown()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=3600\nETag: \"a\"");
            stored.ReceivedEpoch = -1;
            clock.Reboot();
            clock.SetWallClock(Fixtures.T0 + 600, true);
            CacheDecision decision = Decide(clock, stored);
            AssertAction(CacheAction.ServeFresh, decision, "600 s by the wall clock");
            Assert.AreEqual(600L, decision.Age);
            clock.SetWallClock(Fixtures.T0 - 5, true);
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "wall clock before receipt: untrusted");
        }

        [TestMethod]
        public void RequestMaxAgeAndMinFreshNarrowFreshness()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=100");
            clock.Advance(30);
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Cache-Control: max-age=10")), "age 30 > max-age 10");
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored, Fixtures.Facts("Cache-Control: max-age=30")), "age 30 = max-age 30");
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored, Fixtures.Facts("Cache-Control: min-fresh=70")), "70 s left");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Cache-Control: min-fresh=71")), "71 > 70 s left");
        }

        [TestMethod]
        public void MaxStaleAcceptsStaleResponsesWithAndWithoutAValue()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=10");
            clock.Advance(25);
            CacheDecision decision = Decide(clock, stored, Fixtures.Facts("Cache-Control: max-stale=15"));
            AssertAction(CacheAction.ServeStale, decision, "15 s stale, max-stale=15");
            Assert.AreEqual((int)StaleReason.MaxStale, (int)decision.StaleReason);
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Cache-Control: max-stale=14")), "15 s stale, max-stale=14");
            AssertAction(CacheAction.ServeStale, Decide(clock, stored, Fixtures.Facts("Cache-Control: max-stale")), "bare max-stale");
        }

        [TestMethod]
        public void RequestNoCacheAndPragmaForceRevalidationOfAFreshResponse()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=100\nETag: \"a\"");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Cache-Control: no-cache")), "request no-cache");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Pragma: no-cache")), "Pragma without Cache-Control");
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored, Fixtures.Facts("Pragma: no-cache\nCache-Control: max-stale=5")), "Pragma is ignored with Cache-Control");
        }

        [TestMethod]
        public void OnlyIfCachedNeverUsesTheNetwork()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            HeaderFacts onlyIfCached = Fixtures.Facts("Cache-Control: only-if-cached");
            CacheDecision miss = CachePolicy.Decide(onlyIfCached, null, false, CacheNow.Read(clock), new CacheOptions());
            AssertAction(CacheAction.GatewayTimeout, miss, "miss");
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=10\nETag: \"a\"");
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored, onlyIfCached), "fresh");
            clock.Advance(20);
            AssertAction(CacheAction.GatewayTimeout, Decide(clock, stored, onlyIfCached), "stale");
            AssertAction(CacheAction.ServeStale, Decide(clock, stored, Fixtures.Facts("Cache-Control: only-if-cached, max-stale=60")), "stale within max-stale");
        }

        [TestMethod]
        public void ResponseNoCacheAlwaysRevalidatesEvenWhenFresh()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=100, no-cache\nETag: \"a\"");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "no-cache");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Cache-Control: max-stale")), "max-stale does not override no-cache");
            stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: no-cache=\"Set-Cookie\", max-age=100\nETag: \"a\"");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "qualified no-cache is treated as no-cache");
        }

        [TestMethod]
        public void MustRevalidateForbidsEveryStaleServe()
        {
            // must-revalidate binds every cache; proxy-revalidate, and s-maxage which implies it, bind shared caches (RFC 9111 5.2.2.8, 5.2.2.10).
            string[] directives = new string[] { "must-revalidate", "must-revalidate", "proxy-revalidate", "s-maxage=10" };
            CacheMode[] modes = new CacheMode[] { CacheMode.Private, CacheMode.Shared, CacheMode.Shared, CacheMode.Shared };
            for (int i = 0; i < directives.Length; i++)
            {
                // Named from the index: nanoCLR cannot ToString() an enum read from an enum array (NullReferenceException).
                string why = directives[i] + (i == 0 ? " in a private cache" : " in a shared cache");
                ManualClock clock = new ManualClock(Fixtures.T0);
                CacheNow now = CacheNow.Read(clock);
                StoredResponseInfo stored = StoredResponseInfo.Describe(200, Fixtures.Facts("Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=10, stale-if-error=600, stale-while-revalidate=600, "
                    + directives[i] + "\nETag: \"a\""), null, now, now, modes[i], 86400);
                clock.Advance(20);
                CacheOptions options = new CacheOptions();
                options.MaxStaleWhenOffline = CacheControl.Unbounded;
                options.Mode = modes[i];
                CacheDecision decision = CachePolicy.Decide(Fixtures.Facts("Cache-Control: max-stale"), stored, false, CacheNow.Read(clock), options);
                AssertAction(CacheAction.Revalidate, decision, why);
                Assert.IsFalse(decision.StaleIfErrorAllowed, why);
                Assert.IsFalse(decision.StaleWhenOfflineAllowed, why);
            }
        }

        [TestMethod]
        public void APrivateCacheIgnoresProxyRevalidate()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=10, proxy-revalidate\nETag: \"a\"");
            clock.Advance(20);
            CacheOptions options = new CacheOptions();
            options.MaxStaleWhenOffline = CacheControl.Unbounded;
            CacheDecision decision = CachePolicy.Decide(Fixtures.Facts("Cache-Control: max-stale"), stored, false, CacheNow.Read(clock), options);
            AssertAction(CacheAction.ServeStale, decision, "proxy-revalidate does not apply to private caches (RFC 9111 5.2.2.8)");
            Assert.IsTrue(decision.StaleWhenOfflineAllowed);
        }

        [TestMethod]
        public void StaleWhileRevalidateServesStaleOnceThenRevalidates()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=10, stale-while-revalidate=30\nETag: \"a\"");
            clock.Advance(40);
            CacheDecision decision = Decide(clock, stored);
            AssertAction(CacheAction.ServeStale, decision, "30 s stale");
            Assert.AreEqual((int)StaleReason.WhileRevalidate, (int)decision.StaleReason);
            decision = CachePolicy.Decide(NoRequestHeaders, stored, true, CacheNow.Read(clock), new CacheOptions());
            AssertAction(CacheAction.Revalidate, decision, "pending revalidation");
            clock.Advance(1);
            AssertAction(CacheAction.Revalidate, Decide(clock, stored), "31 s stale");
        }

        [TestMethod]
        public void StaleIfErrorAndTheOfflineOptionBoundServingOnFailure()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=10, stale-if-error=60\nETag: \"a\"");
            clock.Advance(70);
            CacheDecision decision = Decide(clock, stored);
            AssertAction(CacheAction.Revalidate, decision, "stale");
            Assert.IsTrue(decision.StaleIfErrorAllowed, "60 s stale");
            Assert.IsFalse(decision.StaleWhenOfflineAllowed, "off by default");
            clock.Advance(1);
            Assert.IsFalse(Decide(clock, stored).StaleIfErrorAllowed, "61 s stale");
            Assert.IsTrue(Decide(clock, stored, Fixtures.Facts("Cache-Control: stale-if-error=100")).StaleIfErrorAllowed, "request stale-if-error");

            CacheOptions offline = new CacheOptions();
            offline.MaxStaleWhenOffline = 3600;
            Assert.IsTrue(CachePolicy.Decide(NoRequestHeaders, stored, false, CacheNow.Read(clock), offline).StaleWhenOfflineAllowed);
            stored.ReceivedEpoch = -1;
            stored.ReceivedAt = -1;
            Assert.IsFalse(CachePolicy.Decide(NoRequestHeaders, stored, false, CacheNow.Read(clock), offline).StaleWhenOfflineAllowed, "unknown age");
            offline.MaxStaleWhenOffline = CacheControl.Unbounded;
            Assert.IsTrue(CachePolicy.Decide(NoRequestHeaders, stored, false, CacheNow.Read(clock), offline).StaleWhenOfflineAllowed, "unbounded accepts unknown age");
        }

        [TestMethod]
        public void AFreshImmutableResponseIsNotRevalidatedForMaxAgeZero()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo stored = Stored(clock, 200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=100, immutable\nETag: \"a\"");
            clock.Advance(5);
            AssertAction(CacheAction.ServeFresh, Decide(clock, stored, Fixtures.Facts("Cache-Control: max-age=0")), "immutable");
            AssertAction(CacheAction.Revalidate, Decide(clock, stored, Fixtures.Facts("Cache-Control: no-cache")), "no-cache still revalidates");
        }

        [TestMethod]
        public void StalenessWindowsHandleUnboundedAndUnknown()
        {
            Assert.IsFalse(CachePolicy.Within(0, -1));
            Assert.IsTrue(CachePolicy.Within(5, 5));
            Assert.IsFalse(CachePolicy.Within(6, 5));
            Assert.IsTrue(CachePolicy.Within(CacheControl.Unbounded, CacheControl.Unbounded));
            Assert.IsFalse(CachePolicy.Within(CacheControl.Unbounded, 2147483648L));
        }
    }
}
