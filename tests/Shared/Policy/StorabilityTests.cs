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
    }
}
