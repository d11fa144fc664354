using System;
using HttpCache.Nano.Storage;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class LruIndexTests
    {
        private static CacheKey Key(string path)
        {
            return CacheKey.Of("GET", "http://h/" + path);
        }

        private static int Add(LruIndex index, string path)
        {
            CacheKey key = Key(path);
            return index.Add(key.ToString(), key.Hash);
        }

        private static string Order(LruIndex index)
        {
            string order = "";
            for (int slot = index.Oldest; slot >= 0; slot = index.NewerThan(slot))
            {
                order = order + index.KeyAt(slot).Substring(13) + " ";
            }

            return order;
        }

        [TestMethod]
        public void KeysAreFoundUntilRemoved()
        {
            LruIndex index = new LruIndex(4);
            int a = Add(index, "a");
            int b = Add(index, "b");
            Assert.AreEqual(a, index.Find(Key("a")));
            Assert.AreEqual(b, index.Find(Key("b")));
            Assert.AreEqual(-1, index.Find(Key("c")));
            index.Remove(a);
            Assert.AreEqual(-1, index.Find(Key("a")));
            Assert.AreEqual(b, index.Find(Key("b")));
            Assert.AreEqual(1, index.Count);
        }

        [TestMethod]
        public void RecencyOrderFollowsAddsAndTouches()
        {
            LruIndex index = new LruIndex(4);
            int a = Add(index, "a");
            Add(index, "b");
            int c = Add(index, "c");
            Assert.AreEqual("a b c ", Order(index));
            index.Touch(a);
            Assert.AreEqual("b c a ", Order(index));
            index.Touch(a);
            Assert.AreEqual("b c a ", Order(index));
            index.Touch(c);
            Assert.AreEqual("b a c ", Order(index));
            index.Remove(a);
            Assert.AreEqual("b c ", Order(index));
            Assert.AreEqual(c, index.Newest);
        }

        [TestMethod]
        public void ItHoldsExactlyItsCapacityAndReusesFreedSlots()
        {
            LruIndex index = new LruIndex(2);
            Add(index, "a");
            int b = Add(index, "b");
            Assert.IsTrue(index.IsFull);
            Expect.Throws(typeof(InvalidOperationException), () => Add(index, "c"));
            index.Remove(index.Oldest);
            int c = Add(index, "c");
            Assert.IsTrue(c >= 0 && c < 2 && c != b);
            Assert.AreEqual("b c ", Order(index));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new LruIndex(0));
        }

        [TestMethod]
        public void AForcedHashCollisionStillComparesTheFullKey()
        {
            LruIndex index = new LruIndex(8);
            CacheKey a = CacheKey.WithHash("GET", "http://h/a", 42);
            CacheKey b = CacheKey.WithHash("GET", "http://h/b", 42);
            CacheKey c = CacheKey.WithHash("GET", "http://h/c", 42);
            int slotA = index.Add(a.ToString(), a.Hash);
            int slotB = index.Add(b.ToString(), b.Hash);
            Assert.AreEqual(slotA, index.Find(a));
            Assert.AreEqual(slotB, index.Find(b));
            Assert.AreEqual(-1, index.Find(c), "same hash, different key: a miss");
            index.Remove(slotB);
            Assert.AreEqual(slotA, index.Find(a));
            Assert.AreEqual(-1, index.Find(b));
            index.Remove(slotA);
            Assert.AreEqual(-1, index.Find(a));
        }

        [TestMethod]
        public void ManyAddsAndRemovesKeepTheIndexConsistent()
        {
            LruIndex index = new LruIndex(16);
            int[] slots = new int[64];
            for (int round = 0; round < 64; round++)
            {
                if (index.IsFull)
                {
                    index.Remove(index.Oldest);
                }

                slots[round] = Add(index, "k" + round);
            }

            Assert.AreEqual(16, index.Count);
            for (int round = 0; round < 48; round++)
            {
                Assert.AreEqual(-1, index.Find(Key("k" + round)), "evicted k" + round);
            }

            for (int round = 48; round < 64; round++)
            {
                Assert.AreEqual(slots[round], index.Find(Key("k" + round)), "kept k" + round);
            }
        }
    }
}
