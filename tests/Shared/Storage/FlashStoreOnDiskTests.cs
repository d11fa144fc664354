using System;
using System.IO;
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
    /// <summary>The flash store on the real file system: I:\ on a device, the working directory on a PC.</summary>
    [TestClass]
    public class FlashStoreOnDiskTests
    {
        private static string ScratchDirectory(string name)
        {
            string root = Directory.Exists("I:\\") ? "I:\\" : Directory.GetCurrentDirectory();
            return Path.Combine(root, "hcn-test-" + name);
        }

        private static void DeleteAll(string directory)
        {
            if (!Directory.Exists(directory))
            {
                return;
            }

            string[] files = Directory.GetFiles(directory);
            for (int i = 0; i < files.Length; i++)
            {
                File.Delete(files[i]);
            }

            Directory.Delete(directory);
        }

        [TestMethod]
        public void AnEntrySurvivesReopeningAndACorruptOneIsDropped()
        {
            string directory = ScratchDirectory("roundtrip");
            DeleteAll(directory);
            try
            {
                CacheKey key = CacheKey.Of("GET", "http://device.test/config");
                ManualClock clock = new ManualClock(Fixtures.T0);
                CacheNow now = CacheNow.Read(clock);
                StoredResponseInfo info = StoredResponseInfo.Describe(200, Fixtures.Facts("Cache-Control: max-age=60\nETag: \"a\""), now, now, 86400);
                CacheEntry entry = new CacheEntry(key.ToString(), 200, "OK", Fixtures.Block("Cache-Control: max-age=60\nETag: \"a\""), Fixtures.Bytes("{\"on\":true}"), info, null, 0);
                FlashStore store = new FlashStore(directory, 4, 16384);
                Assert.IsTrue(store.Put(key, entry));
                FlashStore reopened = new FlashStore(directory, 4, 16384);
                CacheEntry loaded = reopened.Find(key);
                Assert.IsNotNull(loaded);
                Assert.AreEqual("{\"on\":true}", Fixtures.Text(loaded.Body));

                string[] files = Directory.GetFiles(directory);
                Assert.AreEqual(1, files.Length);
                byte[] bytes = File.ReadAllBytes(files[0]);
                bytes[bytes.Length - 8] ^= 0x01;
                File.WriteAllBytes(files[0], bytes);
                FlashStore corrupt = new FlashStore(directory, 4, 16384);
                Assert.IsNull(corrupt.Find(key), "a corrupt body is never served");
                Assert.AreEqual(1L, corrupt.Dropped);
                Assert.AreEqual(0, Directory.GetFiles(directory).Length);
            }
            finally
            {
                DeleteAll(directory);
            }
        }
    }
}
