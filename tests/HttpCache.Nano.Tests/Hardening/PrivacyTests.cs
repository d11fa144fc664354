// Privacy through the public API: a real hash collision between two URLs never mixes their responses.
using System.Collections.Generic;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Hardening
{
    [TestClass]
    public class PrivacyTests
    {
        [TestMethod]
        public void TwoUrlsWithTheSameKeyHashKeepTheirOwnResponses()
        {
            // Find a genuine 32-bit FNV-1a collision between two cache keys (birthday search).
            Dictionary<int, string> seen = new Dictionary<int, string>();
            string a = null;
            string b = null;
            for (int i = 0; a == null; i++)
            {
                string url = "http://collide.test/user/" + i;
                int hash = CacheKey.HashOf("GET " + url);
                if (seen.TryGetValue(hash, out string other))
                {
                    a = other;
                    b = url;
                }
                else
                {
                    seen[hash] = url;
                }
            }

            Assert.AreEqual(CacheKey.Of("GET", a).Hash, CacheKey.Of("GET", b).Hash);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=600", "secret-of-A"))
                .Then(Fixtures.Response(200, "Cache-Control: max-age=600", "secret-of-B"));
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 64 * 1024), origin, new ManualClock(Fixtures.T0), new CacheOptions());
            Assert.AreEqual("secret-of-A", Fixtures.Text(cache.Get(a).Body));
            Assert.AreEqual("secret-of-B", Fixtures.Text(cache.Get(b).Body), "same hash, other key: a miss, not A's response");
            Assert.AreEqual("secret-of-A", Fixtures.Text(cache.Get(a).Body));
            Assert.AreEqual("secret-of-B", Fixtures.Text(cache.Get(b).Body));
            Assert.AreEqual(2, origin.Count);
        }
    }
}
