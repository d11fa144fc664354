// AllocationTests: the hot paths allocate nothing, on desktop (bytes counted per thread) and on nanoFramework's
// interpreter (where every executed string literal and every Encoding.UTF8 read would allocate).
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
    /// <summary>Zero allocation where the README promises it: a fresh hit, a store hit, a parse from bytes and from a string.</summary>
    [TestClass]
    public class AllocationTests
    {
        // Enough calls that one object per call would exhaust the device probe's headroom several times over.
        private const int Calls = 5000;
        // Fields, not constants: on nanoFramework a const string is a literal, and each use of a literal allocates.
        private static readonly string Url = "http://origin.test/device/config";
        private static readonly string Block = "Date: Thu, 01 Jan 2026 00:00:00 GMT\r\nCache-Control: max-age=600, public\r\nETag: \"v1\"\r\nContent-Length: 2\r\n\r\n";

        [TestMethod]
        public void AFreshHitGetAllocatesNothing()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, "Cache-Control: max-age=600\nETag: \"v1\"", "{}"));
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), origin, clock, new CacheOptions());
            cache.Get(Url);
            Assert.IsTrue(HeapProbe.AllocatesNothing(() => cache.Get(Url), Calls), "a fresh-hit Get allocated");
            Assert.AreEqual((long)Calls + 1, cache.Stats.FreshHits, "every call was a fresh hit");
            Assert.AreEqual(1, origin.Count);
        }

        [TestMethod]
        public void AStoreHitAllocatesNothing()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            RamStore store = new RamStore(8, 32 * 1024);
            HttpCacheClient cache = new HttpCacheClient(store, new ScriptedTransport().Then(Fixtures.Response(200, "Cache-Control: max-age=600", "{}")), clock, new CacheOptions());
            cache.Get(Url);
            bool found = true;
            Assert.IsTrue(HeapProbe.AllocatesNothing(() => found &= store.Find(CacheKey.Of(HttpMethods.Get, Url)) != null, Calls), "a store hit allocated");
            Assert.IsTrue(found);
        }

        [TestMethod]
        public void ParsingAHeaderBlockFromBytesAllocatesNothing()
        {
            byte[] block = Fixtures.Bytes(Block);
            HeaderFields fields = new HeaderFields(16);
            HeaderFacts facts = new HeaderFacts();
            bool complete = true;
            Assert.IsTrue(HeapProbe.AllocatesNothing(() =>
            {
                complete &= fields.Parse(block, 0, block.Length) == HeaderBlockStatus.Complete;
                facts.Load(fields);
            }, Calls), "a parse from bytes allocated");
            Assert.IsTrue(complete);
            Assert.AreEqual(4, fields.Count);
            Assert.AreEqual(600L, facts.CacheControl.MaxAge);
        }

        [TestMethod]
        public void ParsingAHeaderBlockFromAStringAllocatesNothingOnceItsBufferIsSized()
        {
            HeaderFields fields = new HeaderFields(16);
            bool complete = true;
            Assert.IsTrue(HeapProbe.AllocatesNothing(() => complete &= fields.Parse(Block) == HeaderBlockStatus.Complete, Calls), "a parse from a string allocated");
            Assert.IsTrue(complete);
            Assert.AreEqual(4, fields.Count);
        }
    }
}
