// FlashRenewalTests: a revalidation's renewed freshness kept on flash as a small record — written only when it buys a
// later wake, never the body, and power-safe at every byte.
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class FlashRenewalTests
    {
        private const string Dir = "cache";
        private const string Body = "{\"config\":\"a body of some length that a renewal must never rewrite\"}";

        private static CacheKey Key()
        {
            return CacheKey.Of(HttpMethods.Get, "http://origin.test/config");
        }

        // The entry as received at the given wall time with the given max-age.
        private static CacheEntry Entry(long receivedAt, int maxAge, string etag)
        {
            ManualClock clock = new ManualClock(receivedAt);
            CacheNow now = CacheNow.Read(clock);
            string headers = "Date: " + Fixtures.Date(receivedAt) + "\nCache-Control: max-age=" + maxAge + "\nETag: \"" + etag + "\"";
            StoredResponseInfo info = StoredResponseInfo.Describe(200, Fixtures.Facts(headers), now, now, 86400);
            return new CacheEntry(Key().ToString(), 200, "OK", Fixtures.Block(headers), Fixtures.Bytes(Body), info, null, 0);
        }

        private static FlashStore Open(MemoryFileSystem fs)
        {
            return new FlashStore(fs, Dir, 8, 16 * 1024, 8 * 1024);
        }

        [TestMethod]
        public void ARenewalThatOutlastsWhatFlashHoldsIsWrittenSmallAndFoundAfterAReboot()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            store.Put(Key(), Entry(Fixtures.T0, 300, "v1"));
            long bytes = fs.BytesWritten;
            store.Freshen(Key(), Entry(Fixtures.T0 + 301, 300, "v1"), false);
            Assert.AreEqual(1L, store.Renewals);
            Assert.IsTrue(fs.BytesWritten - bytes < 512, "a metadata record, not the body: " + (fs.BytesWritten - bytes) + " B");

            fs.Reboot();
            FlashStore reopened = Open(fs);
            CacheEntry found = reopened.Find(Key());
            Assert.IsNotNull(found);
            Assert.AreEqual(Fixtures.T0 + 301, found.Info.ReceivedAt, "the renewed freshness, not the file's");
            Assert.AreEqual(Body, Fixtures.Text(found.Body), "the body from the entry's own file");
        }

        [TestMethod]
        public void ARenewalThatBuysNoLaterWakeWritesNothing()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            store.Put(Key(), Entry(Fixtures.T0, 0, "v1"));
            long writes = store.Writes;
            for (int minute = 1; minute <= 100; minute++)
            {
                store.Freshen(Key(), Entry(Fixtures.T0 + 60 * minute, 0, "v1"), false);
            }

            Assert.AreEqual(writes, store.Writes, "max-age=0: a renewal is stale before any later wake");

            store.Put(Key(), Entry(Fixtures.T0, 300, "v1"));
            writes = store.Writes;
            store.Freshen(Key(), Entry(Fixtures.T0 + 30, 300, "v1"), false);
            Assert.AreEqual(writes, store.Writes, "30 s more than flash holds is under RenewalMinSeconds (60)");
            store.Freshen(Key(), Entry(Fixtures.T0 + 90, 300, "v1"), false);
            Assert.AreEqual(writes + 1, store.Writes, "90 s more is written");
            store.Freshen(Key(), Entry(Fixtures.T0 + 100, 300, "v1"), false);
            Assert.AreEqual(writes + 1, store.Writes, "compared with the renewal on flash now, not the first file");

            store.RenewalMinSeconds = -1;
            store.Freshen(Key(), Entry(Fixtures.T0 + 1000, 300, "v1"), false);
            Assert.AreEqual(writes + 1, store.Writes, "-1 never writes a renewal");
        }

        [TestMethod]
        public void ChangedValidatorsAreRenewedWhateverTheFreshness()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            store.Put(Key(), Entry(Fixtures.T0, 0, "v1"));
            store.Freshen(Key(), Entry(Fixtures.T0 + 60, 0, "v2"), true);
            Assert.AreEqual(1L, store.Renewals);
            fs.Reboot();
            Assert.AreEqual(Fixtures.T0 + 60, Open(fs).Find(Key()).Info.ReceivedAt);
        }

        [TestMethod]
        public void RenewalsAlternateBetweenTwoSlotsAndAReplacedBodyDropsThem()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            store.Put(Key(), Entry(Fixtures.T0, 300, "v1"));
            for (int i = 1; i <= 5; i++)
            {
                store.Freshen(Key(), Entry(Fixtures.T0 + 301 * i, 300, "v1"), false);
            }

            Assert.AreEqual(5L, store.Renewals);
            Assert.AreEqual(3, fs.GetFiles(Dir).Length, "the entry file and its two renewal slots");
            fs.Reboot();
            Assert.AreEqual(Fixtures.T0 + 301 * 5, Open(fs).Find(Key()).Info.ReceivedAt, "the newer slot wins");

            FlashStore again = Open(fs);
            again.Put(Key(), Entry(Fixtures.T0 + 2000, 300, "v9"));
            Assert.AreEqual(1, fs.GetFiles(Dir).Length, "a new body: the renewals of the old one are gone");
            Assert.AreEqual(Fixtures.T0 + 2000, Open(fs).Find(Key()).Info.ReceivedAt);
            again.Remove(Key());
            Assert.AreEqual(0, fs.GetFiles(Dir).Length);
        }

        [TestMethod]
        public void APowerCutAtAnyByteOfARenewalLeavesTheOldStateOrTheNew()
        {
            // Two renewals on flash already (both slots used), then a third cut at every byte: the state after a reboot is
            // the second renewal's or the third's, never the file's first metadata, never a missing or corrupt entry.
            MemoryFileSystem reference = new MemoryFileSystem();
            FlashStore prepared = Open(reference);
            prepared.Put(Key(), Entry(Fixtures.T0, 300, "v1"));
            prepared.Freshen(Key(), Entry(Fixtures.T0 + 301, 300, "v1"), false);
            prepared.Freshen(Key(), Entry(Fixtures.T0 + 602, 300, "v1"), false);
            MemoryFileSystem probe = reference.Clone();
            Open(probe).Freshen(Key(), Entry(Fixtures.T0 + 903, 300, "v1"), false);
            long recordBytes = probe.BytesWritten;
            Assert.IsTrue(recordBytes > 0);

            int oldStates = 0;
            int newStates = 0;
            for (long cut = 0; cut <= recordBytes; cut++)
            {
                MemoryFileSystem fs = reference.Clone();
                FlashStore store = Open(fs);
                fs.CutPowerAfterBytes(cut);
                store.Freshen(Key(), Entry(Fixtures.T0 + 903, 300, "v1"), false);
                fs.Reboot();
                CacheEntry found = Open(fs).Find(Key());
                Assert.IsNotNull(found, "cut after " + cut + " B: the entry is still there");
                Assert.AreEqual(Body, Fixtures.Text(found.Body), "cut after " + cut + " B: the body is whole");
                long receivedAt = found.Info.ReceivedAt;
                Assert.IsTrue(receivedAt == Fixtures.T0 + 602 || receivedAt == Fixtures.T0 + 903, "cut after " + cut + " B: old or new, got " + receivedAt);
                oldStates += receivedAt == Fixtures.T0 + 602 ? 1 : 0;
                newStates += receivedAt == Fixtures.T0 + 903 ? 1 : 0;
            }

            Assert.IsTrue(oldStates > 0 && newStates > 0, "both outcomes were reached: " + oldStates + " old, " + newStates + " new");
        }
    }
}
