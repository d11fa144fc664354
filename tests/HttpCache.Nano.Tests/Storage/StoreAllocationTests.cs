// Desktop-only: a hit allocates nothing in the LRU, the store and the policy.
using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class StoreAllocationTests
    {
        private static long Measure(Action action)
        {
            action();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                action();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [TestMethod]
        public void AHitLookupAndItsDecisionAllocateNothing()
        {
            RamStore store = new RamStore(64, 1 << 20);
            for (int i = 0; i < 64; i++)
            {
                CacheKey key = CacheKey.Of("GET", "http://device.test/config/" + i);
                store.Put(key, RamStoreTestsAccess.Entry(key));
            }

            ManualClock clock = new ManualClock(Fixtures.T0);
            HeaderFacts noHeaders = new HeaderFacts();
            CacheOptions options = new CacheOptions();
            CacheNow now = CacheNow.Read(clock);
            CacheDecision decision = new CacheDecision();
            string url = "http://device.test/config/17";
            bool served = false;
            long allocated = Measure(() =>
            {
                CacheEntry entry = store.Find(CacheKey.Of("GET", url));
                now.ReadFrom(clock);
                CachePolicy.Decide(noHeaders, entry.Info, false, now, options, decision);
                served = decision.Action == CacheAction.ServeFresh;
            });
            Assert.IsTrue(served);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void SteadyStateInsertWithEvictionAllocatesNothingInTheIndex()
        {
            LruIndex index = new LruIndex(64);
            string[] keys = new string[128];
            int[] hashes = new int[128];
            for (int i = 0; i < keys.Length; i++)
            {
                CacheKey key = CacheKey.Of("GET", "http://device.test/k" + i);
                keys[i] = key.ToString();
                hashes[i] = key.Hash;
            }

            int next = 0;
            long allocated = Measure(() =>
            {
                if (index.IsFull)
                {
                    index.Remove(index.Oldest);
                }

                index.Add(keys[next], hashes[next]);
                next = (next + 1) % keys.Length;
            });
            Assert.AreEqual(64, index.Count);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void AFreshHitThroughTheClientAllocatesNothing()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, "Cache-Control: max-age=3600\nETag: \"a\"", "{\"on\":true}"));
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), origin, clock, new CacheOptions());
            const string url = "http://device.test/config";
            cache.Get(url);
            CacheResponse first = cache.Get(url);
            long allocated = Measure(() => cache.Get(url));
            Assert.AreEqual(1, origin.Count);
            Assert.AreEqual(0L, allocated, "the entry's own response object is handed out again");
            clock.Advance(5);
            CacheResponse later = cache.Get(url);
            Assert.AreSame(first, later);
            Assert.AreEqual(5L, later.Age, "its age follows the hit");
        }
    }

    [TestClass]
    public class VariantAllocationTests
    {
        [TestMethod]
        public void MatchingAnAcceptLanguageVariantInAnyOrderAllocatesNothing()
        {
            HeaderFields response = Fixtures.Fields("Vary: Accept-Language, Accept");
            byte[] captured = Variance.Capture(response, Fixtures.Fields("Accept-Language: en-US, de;q=0.5\nAccept: */*"));
            HeaderFields reordered = Fixtures.Fields("Accept: */*\nAccept-Language: DE ; q=0.5,  en-us");
            HeaderFields other = Fixtures.Fields("Accept: */*\nAccept-Language: de;q=0.5");
            Assert.IsTrue(Variance.Matches(captured, reordered));
            Assert.IsFalse(Variance.Matches(captured, other));
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool matched = Variance.Matches(captured, reordered);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(matched);
            Assert.AreEqual(0L, allocated);
        }
    }

    internal static class RamStoreTestsAccess
    {
        public static CacheEntry Entry(CacheKey key)
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            CacheNow now = CacheNow.Read(clock);
            StoredResponseInfo info = StoredResponseInfo.Describe(200, Fixtures.Facts("Cache-Control: max-age=3600"), now, now, 86400);
            return new CacheEntry(key.ToString(), 200, null, Fixtures.Block("Cache-Control: max-age=3600"), new byte[100], info, null, 0);
        }
    }
}
