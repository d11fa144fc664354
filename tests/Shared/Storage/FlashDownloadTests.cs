using System.IO;
using HttpCache.Nano.Parsing;
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
    /// <summary>Partial downloads on flash: segments, a reboot in the middle, completion, and a power cut at every step.</summary>
    [TestClass]
    public class FlashDownloadTests
    {
        private const string Dir = "I:\\cache";
        private const int Total = 3000;
        private static readonly CacheKey Key = CacheKey.Of("GET", "http://device.test/firmware.bin");

        private static FlashStore Open(MemoryFileSystem fs)
        {
            FlashStore store = new FlashStore(fs, Dir, 4, 32 * 1024, 16 * 1024);
            store.DownloadSegmentBytes = 512;
            return store;
        }

        private static byte[] Data()
        {
            byte[] data = new byte[Total];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(i * 31 + 7);
            }

            return data;
        }

        private static CacheEntry Head()
        {
            byte[] block = Fixtures.Block("Content-Length: " + Total + "\nETag: \"fw1\"\nCache-Control: max-age=60");
            CacheNow now = CacheNow.Read(new ManualClock(Fixtures.T0));
            StoredResponseInfo info = StoredResponseInfo.Describe(200, Fixtures.Facts("Content-Length: " + Total + "\nETag: \"fw1\"\nCache-Control: max-age=60"), now, now, 86400);
            return new CacheEntry(Key.Normalized, 200, "OK", block, new byte[0], info, null, 0);
        }

        private static byte[] BodyOf(FlashStore store)
        {
            CacheEntry entry = store.Find(Key);
            return entry == null ? null : entry.Body;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        [TestMethod]
        public void ADownloadSurvivesARebootIsNeverServedAndCompletesIntoAnEntry()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            byte[] data = Data();
            FlashStore store = Open(fs);
            FlashDownload download = store.StartDownload(Key, Head(), Total);
            download.Append(data, 0, 700);
            download.Append(data, 700, 500);
            Assert.AreEqual(1200L, download.StoredLength);
            Assert.AreEqual(1024L, download.CommittedLength, "two full segments are safe; the third is still open");
            download.Commit();
            Assert.IsNull(store.Find(Key), "a partial download is never served");

            FlashStore reopened = Open(fs);
            FlashDownload found = reopened.FindDownload(Key);
            Assert.IsNotNull(found);
            Assert.AreEqual(1200L, found.StoredLength);
            Assert.AreEqual((long)Total, found.TotalLength);
            Assert.IsNull(reopened.Find(Key));
            found.Append(data, 1200, Total - 1200);
            Assert.IsTrue(found.IsComplete);
            Assert.IsTrue(reopened.CompleteDownload(found, Head()));
            Assert.IsTrue(Same(data, BodyOf(reopened)), "byte-identical");
            Assert.IsNull(reopened.FindDownload(Key));
            Assert.AreEqual(1, fs.Names().Length, "only the entry's file is left");
            Assert.IsTrue(Same(data, BodyOf(Open(fs))));
        }

        [TestMethod]
        public void ACorruptSegmentFailsTheCompletionAndNothingTornIsStored()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            byte[] data = Data();
            FlashStore store = Open(fs);
            FlashDownload download = store.StartDownload(Key, Head(), Total);
            download.Append(data, 0, Total);
            download.Commit();
            string[] names = fs.Names();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].EndsWith(".002"))
                {
                    byte[] segment = fs.Read(names[i]);
                    segment[10] ^= 0xFF;
                    fs.Overwrite(names[i], segment);
                }
            }

            Assert.IsFalse(store.CompleteDownload(download, Head()));
            Assert.IsNull(store.Find(Key));
            Assert.IsNull(store.FindDownload(Key), "dropped: the next request starts again");
        }

        [TestMethod]
        public void APowerCutAtEveryStepOfAResumeLeavesTheOldPartTheLongerOneOrTheWholeEntry()
        {
            byte[] data = Data();
            MemoryFileSystem start = new MemoryFileSystem();
            FlashDownload first = Open(start).StartDownload(Key, Head(), Total);
            first.Append(data, 0, 1000);
            first.Commit();

            MemoryFileSystem probe = start.Clone();
            long before = probe.Operations;
            FlashStore probeStore = Open(probe);
            FlashDownload probeDownload = probeStore.FindDownload(Key);
            probeDownload.Append(data, 1000, Total - 1000);
            probeStore.CompleteDownload(probeDownload, Head());
            long operations = probe.Operations - before;
            Assert.IsTrue(operations > 10, "operations: " + operations);

            int whole = 0;
            int partial = 0;
            for (long k = 0; k <= operations + 2; k++)
            {
                MemoryFileSystem fs = start.Clone();
                FlashStore store = Open(fs);
                fs.CutPowerAfterOperations(k);
                try
                {
                    FlashDownload download = store.FindDownload(Key);
                    download.Append(data, 1000, Total - 1000);
                    store.CompleteDownload(download, Head());
                }
                catch (IOException)
                {
                    // The power went.
                }

                fs.Reboot();
                FlashStore after = Open(fs);
                byte[] body = BodyOf(after);
                if (body != null)
                {
                    Assert.IsTrue(Same(data, body), "a complete entry is the whole body, cut at " + k);
                    whole++;
                    continue;
                }

                FlashDownload left = after.FindDownload(Key);
                Assert.IsNotNull(left, "the part is never lost, cut at " + k);
                Assert.IsTrue(left.StoredLength >= 1000 && left.StoredLength <= Total, "cut at " + k + ": " + left.StoredLength);

                // What is left is a true prefix: completing it from there gives the body.
                left.Append(data, (int)left.StoredLength, Total - (int)left.StoredLength);
                Assert.IsTrue(after.CompleteDownload(left, Head()), "cut at " + k);
                Assert.IsTrue(Same(data, BodyOf(after)), "completed after a cut at " + k);
                partial++;
            }

            Assert.IsTrue(whole > 0 && partial > 0, "both outcomes: " + whole + " whole, " + partial + " partial");
        }
    }
}
