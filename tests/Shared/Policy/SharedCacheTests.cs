// SharedCacheTests: the rules that differ between a private and a shared cache (RFC 9111), each in both modes,
// with an explicit clock.
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
    [TestClass]
    public class SharedCacheTests
    {
        private static readonly HeaderFacts NoRequestHeaders = new HeaderFacts();

        private static void AssertVerdict(StoreVerdict expected, CacheMode mode, string request, string response)
        {
            StoreVerdict verdict = Storability.Check("GET", 200, request == null ? NoRequestHeaders : Fixtures.Facts(request), Fixtures.Facts(response), mode);
            Assert.AreEqual((int)expected, (int)verdict, mode.ToString() + " [" + request + "] [" + response + "]: got " + verdict.ToString());
        }

        private static StoredResponseInfo Stored(ManualClock clock, CacheMode mode, string request, string response)
        {
            CacheNow now = CacheNow.Read(clock);
            return StoredResponseInfo.Describe(200, Fixtures.Facts("Date: " + Fixtures.Date(clock.UnixSeconds) + "\n" + response), request == null ? null : Fixtures.Facts(request), now, now, mode, 86400);
        }

        private static CacheDecision Decide(ManualClock clock, StoredResponseInfo stored, CacheMode mode)
        {
            CacheOptions options = new CacheOptions();
            options.Mode = mode;
            return CachePolicy.Decide(NoRequestHeaders, stored, false, CacheNow.Read(clock), options);
        }

        private static void AssertAction(CacheAction expected, CacheDecision decision, string why)
        {
            Assert.AreEqual((int)expected, (int)decision.Action, why + ": expected " + expected.ToString() + " got " + decision.Action.ToString());
        }

        [TestMethod]
        public void PrivateResponsesAreStoredByAPrivateCacheOnly()
        {
            // RFC 9111 5.2.2.7
            AssertVerdict(StoreVerdict.Store, CacheMode.Private, null, "Cache-Control: private, max-age=60");
            AssertVerdict(StoreVerdict.Private, CacheMode.Shared, null, "Cache-Control: private, max-age=60");
            AssertVerdict(StoreVerdict.Private, CacheMode.Shared, null, "Cache-Control: max-age=60, PRIVATE");
            AssertVerdict(StoreVerdict.Store, CacheMode.Private, null, "Cache-Control: private");
            AssertVerdict(StoreVerdict.Private, CacheMode.Shared, null, "Cache-Control: public, private");
        }

        [TestMethod]
        public void AQualifiedPrivateWithholdsItsFieldsFromASharedCache()
        {
            HeaderFacts response = Fixtures.Facts("Cache-Control: private=\"Set-Cookie, X-User\", max-age=60\nset-cookie: s=1\nx-user: alice\nContent-Type: text/plain");
            Assert.AreEqual((int)StoreVerdict.Store, (int)Storability.Check("GET", 200, NoRequestHeaders, response, CacheMode.Shared));
            Assert.IsTrue(SharedFields.AnyWithheld(response));
            Assert.IsFalse(SharedFields.IsWithheld(response.Fields, 0, response), "Cache-Control");
            Assert.IsTrue(SharedFields.IsWithheld(response.Fields, 1, response), "Set-Cookie");
            Assert.IsTrue(SharedFields.IsWithheld(response.Fields, 2, response), "X-User, any letter case");
            Assert.IsFalse(SharedFields.IsWithheld(response.Fields, 3, response), "Content-Type");
            Assert.IsTrue(SharedFields.NamesPrivately(response, HeaderName.SetCookie));
            Assert.IsFalse(SharedFields.NamesPrivately(response, HeaderName.ContentType));
            Assert.IsFalse(SharedFields.AnyWithheld(Fixtures.Facts("Cache-Control: max-age=60")));
        }

        [TestMethod]
        public void AResponseThatSetsACookieIsStoredBySharedCachesOnlyWhenPrivateNamesIt()
        {
            AssertVerdict(StoreVerdict.Store, CacheMode.Private, null, "Cache-Control: max-age=60\nSet-Cookie: s=1");
            AssertVerdict(StoreVerdict.SetCookie, CacheMode.Shared, null, "Cache-Control: max-age=60\nSet-Cookie: s=1");
            AssertVerdict(StoreVerdict.SetCookie, CacheMode.Shared, null, "Cache-Control: public, max-age=60\nSet-Cookie: s=1");
            AssertVerdict(StoreVerdict.SetCookie, CacheMode.Shared, null, "Cache-Control: private=\"X-User\", max-age=60\nSet-Cookie: s=1");
            AssertVerdict(StoreVerdict.Store, CacheMode.Shared, null, "Cache-Control: private=\"set-cookie\", max-age=60\nSet-Cookie: s=1");
        }

        [TestMethod]
        public void AnAuthorizedResponseIsStoredBySharedCachesOnlyWhenAllowed()
        {
            // RFC 9111 3.5: public, s-maxage or must-revalidate allow it.
            string auth = "Authorization: Bearer alice";
            AssertVerdict(StoreVerdict.Store, CacheMode.Private, auth, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Authorization, CacheMode.Shared, auth, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Store, CacheMode.Shared, auth, "Cache-Control: public, max-age=60");
            AssertVerdict(StoreVerdict.Store, CacheMode.Shared, auth, "Cache-Control: s-maxage=60");
            AssertVerdict(StoreVerdict.Store, CacheMode.Shared, auth, "Cache-Control: max-age=60, must-revalidate");
            AssertVerdict(StoreVerdict.Store, CacheMode.Shared, null, "Cache-Control: max-age=60");
        }

        [TestMethod]
        public void SMaxAgeOverridesMaxAgeAndExpiresInASharedCacheOnly()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            string response = "Cache-Control: max-age=10, s-maxage=300\nExpires: " + Fixtures.Date(Fixtures.T0 + 20);
            StoredResponseInfo privately = Stored(clock, CacheMode.Private, null, response);
            StoredResponseInfo shared = Stored(clock, CacheMode.Shared, null, response);
            Assert.AreEqual(10L, privately.FreshnessLifetime);
            Assert.AreEqual(300L, shared.FreshnessLifetime);
            Assert.AreEqual(300L, Stored(clock, CacheMode.Shared, null, "Cache-Control: s-maxage=300\nExpires: " + Fixtures.Date(Fixtures.T0 + 20)).FreshnessLifetime);
            clock.Advance(100);
            AssertAction(CacheAction.Revalidate, Decide(clock, privately, CacheMode.Private), "a private cache: stale after 10 s");
            AssertAction(CacheAction.ServeFresh, Decide(clock, shared, CacheMode.Shared), "a shared cache: fresh for 300 s");
            AssertVerdict(StoreVerdict.Store, CacheMode.Shared, null, "Cache-Control: s-maxage=300");
        }

        [TestMethod]
        public void ASharedCacheGivesNoHeuristicFreshnessToAResponseToACookieRequest()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            string response = "Last-Modified: " + Fixtures.Date(Fixtures.T0 - 10000);
            Assert.AreEqual(1000L, Stored(clock, CacheMode.Private, "Cookie: s=alice", response).FreshnessLifetime);
            Assert.AreEqual(1000L, Stored(clock, CacheMode.Shared, null, response).FreshnessLifetime);
            StoredResponseInfo cookie = Stored(clock, CacheMode.Shared, "Cookie: s=alice", response);
            Assert.AreEqual(0L, cookie.FreshnessLifetime);
            AssertAction(CacheAction.Revalidate, Decide(clock, cookie, CacheMode.Shared), "revalidated on every reuse");
            Assert.AreEqual(60L, Stored(clock, CacheMode.Shared, "Cookie: s=alice", "Cache-Control: max-age=60").FreshnessLifetime, "explicit freshness still counts");
        }

        [TestMethod]
        public void AnEntryStoredUnderTheOtherModeIsNotReused()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            StoredResponseInfo privately = Stored(clock, CacheMode.Private, null, "Cache-Control: private, max-age=60");
            StoredResponseInfo shared = Stored(clock, CacheMode.Shared, null, "Cache-Control: max-age=60");
            AssertAction(CacheAction.ServeFresh, Decide(clock, privately, CacheMode.Private), "private entry, private cache");
            AssertAction(CacheAction.Fetch, Decide(clock, privately, CacheMode.Shared), "a private entry (say, in a flash store written by --private) in a shared cache");
            AssertAction(CacheAction.ServeFresh, Decide(clock, shared, CacheMode.Shared), "shared entry, shared cache");
            AssertAction(CacheAction.Fetch, Decide(clock, shared, CacheMode.Private), "a shared entry's lifetime came from the shared rules");
        }
    }
}
