using System;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class RamStoreTests
    {
        internal static CacheEntry Entry(CacheKey key, int bodyLength)
        {
            return new CacheEntry(key.ToString(), 200, null, Fixtures.Block("ETag: \"x\""), new byte[bodyLength], new StoredResponseInfo(), null, 0);
        }

        private static CacheKey Key(string path)
        {
            return CacheKey.Of("GET", "http://h/" + path);
        }

        [TestMethod]
        public void PutThenFindReturnsTheSameEntry()
        {
            RamStore store = new RamStore(4, 100000);
            CacheEntry entry = Entry(Key("a"), 10);
            Assert.IsTrue(store.Put(Key("a"), entry));
            Assert.AreSame(entry, store.Find(Key("a")));
            Assert.IsNull(store.Find(Key("b")));
            Assert.AreEqual(1, store.Count);
            Assert.AreEqual(entry.Size, store.Bytes);
        }

        [TestMethod]
        public void TheLeastRecentlyUsedEntryIsEvictedFirst()
        {
            RamStore store = new RamStore(3, 100000);
            store.Put(Key("a"), Entry(Key("a"), 1));
            store.Put(Key("b"), Entry(Key("b"), 1));
            store.Put(Key("c"), Entry(Key("c"), 1));
            store.Find(Key("a"));
            store.Put(Key("d"), Entry(Key("d"), 1));
            Assert.IsNull(store.Find(Key("b")), "b was the least recently used");
            Assert.IsNotNull(store.Find(Key("a")));
            Assert.IsNotNull(store.Find(Key("c")));
            Assert.IsNotNull(store.Find(Key("d")));
            Assert.AreEqual(1L, store.Evictions);
        }

        [TestMethod]
        public void TheByteBudgetIsNeverExceeded()
        {
            long budget = Entry(Key("k19"), 1002).Size * 3;
            RamStore store = new RamStore(100, budget);
            for (int i = 0; i < 20; i++)
            {
                Assert.IsTrue(store.Put(Key("k" + i), Entry(Key("k" + i), 1000 + (i % 3))));
                Assert.IsTrue(store.Bytes <= budget, "after put " + i);
            }

            Assert.AreEqual(3, store.Count);
            Assert.IsNotNull(store.Find(Key("k19")));
        }

        [TestMethod]
        public void AnEntryOverThePerEntryLimitIsRefusedAndTheOldOneRemoved()
        {
            RamStore store = new RamStore(4, 100000, 2000);
            Assert.IsTrue(store.Put(Key("a"), Entry(Key("a"), 100)));
            Assert.IsFalse(store.Put(Key("a"), Entry(Key("a"), 5000)));
            Assert.IsNull(store.Find(Key("a")), "an outdated entry is not kept");
            Assert.AreEqual(0L, store.Bytes);
            Assert.AreEqual(1L, store.Rejections);
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new RamStore(4, 100, 200));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new RamStore(4, 0));
        }

        [TestMethod]
        public void ReplacingAnEntryAdjustsTheBytesAndKeepsOneSlot()
        {
            RamStore store = new RamStore(2, 100000);
            store.Put(Key("a"), Entry(Key("a"), 100));
            store.Put(Key("b"), Entry(Key("b"), 100));
            CacheEntry bigger = Entry(Key("a"), 300);
            store.Put(Key("a"), bigger);
            Assert.AreEqual(2, store.Count);
            Assert.AreSame(bigger, store.Find(Key("a")));
            Assert.AreEqual(bigger.Size + Entry(Key("b"), 100).Size, store.Bytes);
            Assert.AreEqual(0L, store.Evictions);
        }

        [TestMethod]
        public void ReplacingAnEntryEvictsOthersButNeverItself()
        {
            CacheEntry small = Entry(Key("a"), 100);
            RamStore store = new RamStore(4, small.Size * 3);
            store.Put(Key("a"), small);
            store.Put(Key("b"), Entry(Key("b"), 100));
            store.Put(Key("c"), Entry(Key("c"), 100));
            store.Find(Key("b"));
            store.Find(Key("c"));
            CacheEntry big = Entry(Key("a"), (int)(small.Size * 2));
            Assert.IsTrue(store.Put(Key("a"), big));
            Assert.AreSame(big, store.Find(Key("a")));
            Assert.IsTrue(store.Bytes <= small.Size * 3);
        }

        [TestMethod]
        public void RemoveForgetsTheEntry()
        {
            RamStore store = new RamStore(2, 100000);
            store.Put(Key("a"), Entry(Key("a"), 10));
            Assert.IsTrue(store.Remove(Key("a")));
            Assert.IsFalse(store.Remove(Key("a")));
            Assert.AreEqual(0, store.Count);
            Assert.AreEqual(0L, store.Bytes);
        }
    }
}
