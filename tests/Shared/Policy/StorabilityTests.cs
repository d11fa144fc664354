using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Policy
{
    [TestClass]
    public class StorabilityTests
    {
        private static readonly HeaderFacts NoRequestHeaders = new HeaderFacts();

        private static void AssertVerdict(StoreVerdict expected, string method, int status, string request, string response)
        {
            StoreVerdict verdict = Storability.Check(method, status, request == null ? NoRequestHeaders : Fixtures.Facts(request), Fixtures.Facts(response), CacheMode.Private);
            Assert.AreEqual((int)expected, (int)verdict, method + " " + status + " [" + request + "] [" + response + "]: got " + verdict.ToString());
        }

        [TestMethod]
        public void StorableResponses()
        {
            AssertVerdict(StoreVerdict.Store, "GET", 200, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Store, "GET", 200, null, "ETag: \"a\"");
            AssertVerdict(StoreVerdict.Store, "GET", 200, null, "Cache-Control: private");
            AssertVerdict(StoreVerdict.Store, "GET", 404, null, "X: 1");
            AssertVerdict(StoreVerdict.Store, "GET", 302, null, "Cache-Control: max-age=5");
            AssertVerdict(StoreVerdict.Store, "GET", 307, null, "Expires: Mon, 23 Nov 2026 10:00:00 GMT");
            AssertVerdict(StoreVerdict.Store, "GET", 200, null, "Cache-Control: no-cache");
            AssertVerdict(StoreVerdict.Store, "GET", 200, "Authorization: Bearer x", "Cache-Control: max-age=5");
            AssertVerdict(StoreVerdict.Store, "GET", 200, null, "Cache-Control: no-store, must-understand");
            AssertVerdict(StoreVerdict.Store, "GET", 200, null, "Vary: Accept-Encoding");
        }

        [TestMethod]
        public void UnstorableResponses()
        {
            AssertVerdict(StoreVerdict.Method, "POST", 200, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Method, "HEAD", 200, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Status, "GET", 206, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Status, "GET", 304, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.Status, "GET", 101, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.NoStore, "GET", 200, null, "Cache-Control: no-store, max-age=60");
            AssertVerdict(StoreVerdict.NoStore, "GET", 200, "Cache-Control: no-store", "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.VaryAny, "GET", 200, null, "Cache-Control: max-age=60\nVary: *");
            AssertVerdict(StoreVerdict.NotCacheable, "GET", 302, null, "Location: /x");
            AssertVerdict(StoreVerdict.NotCacheable, "GET", 500, null, "X: 1");
            AssertVerdict(StoreVerdict.Malformed, "GET", 200, null, "Content-Length: 5, 6\nCache-Control: max-age=60");
        }

        [TestMethod]
        public void MustUnderstandStoresOnlyStatusCodesTheCacheImplements()
        {
            // RFC 9111 5.2.2.3: no-store is for caches that do not know must-understand; this one stores what it understands.
            int[] understood = new int[] { 200, 203, 204, 300, 301, 302, 307, 308, 404, 410, 421, 501, 503 };
            for (int i = 0; i < understood.Length; i++)
            {
                AssertVerdict(StoreVerdict.Store, "GET", understood[i], null, "Cache-Control: no-store, must-understand, max-age=60");
            }

            // Not understood: never stored, whatever else the response allows.
            int[] unknown = new int[] { 206, 218, 299, 306, 418, 425, 451, 520, 599 };
            for (int i = 0; i < unknown.Length; i++)
            {
                AssertVerdict(StoreVerdict.Status, "GET", unknown[i], null, "Cache-Control: no-store, must-understand, max-age=60");
                AssertVerdict(StoreVerdict.Status, "GET", unknown[i], null, "Cache-Control: must-understand, public, max-age=60");
            }

            // Without must-understand an unknown final status follows the usual rules.
            AssertVerdict(StoreVerdict.Store, "GET", 599, null, "Cache-Control: max-age=60");
            AssertVerdict(StoreVerdict.NoStore, "GET", 599, null, "Cache-Control: no-store, max-age=60");
            AssertVerdict(StoreVerdict.NotCacheable, "GET", 599, null, "Last-Modified: Mon, 23 Nov 2026 10:00:00 GMT");
            Assert.IsFalse(HeuristicStatus.IsUnderstood(304), "a validation answer, never stored");
            Assert.IsFalse(HeuristicStatus.IsUnderstood(100), "not final");
        }

        [TestMethod]
        public void AnUnknownStatusGetsHeuristicFreshnessOnlyWhenMarkedPublic()
        {
            HeaderFacts plain = Fixtures.Facts("Date: Mon, 23 Nov 2026 10:00:00 GMT\nLast-Modified: Fri, 13 Nov 2026 10:00:00 GMT");
            HeaderFacts marked = Fixtures.Facts("Date: Mon, 23 Nov 2026 10:00:00 GMT\nLast-Modified: Fri, 13 Nov 2026 10:00:00 GMT\nCache-Control: public");
            bool heuristic;
            Assert.AreEqual(0L, Freshness.Lifetime(299, plain, -1, 86400, CacheMode.Private, true, out heuristic));
            Assert.AreEqual(86400L, Freshness.Lifetime(299, marked, -1, 86400, CacheMode.Private, true, out heuristic), "10% of ten days");
            Assert.IsTrue(heuristic);
            Assert.AreEqual(86400L, Freshness.Lifetime(200, plain, -1, 86400, CacheMode.Private, true, out heuristic), "200 is heuristically cacheable");
        }
    }
}
