// The flash store on the real file system (a temp directory), driven through the client across a "reboot".
using System;
using System.IO;
using System.Linq;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class PhysicalFlashStoreTests
    {
        private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "httpcache-nano-tests", Guid.NewGuid().ToString("N"));

        [TestMethod]
        public void AThousandUnchangedPollsWriteFlashOnceAndARebootRevalidatesInsteadOfDownloading()
        {
            string dir = NewDirectory();
            try
            {
                ManualClock clock = new ManualClock(Fixtures.T0);
                ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, "Date: " + Fixtures.Date(Fixtures.T0) + "\nCache-Control: max-age=0\nETag: \"cfg\"", "{\"mode\":\"eco\"}"));
                for (int i = 0; i < 1001; i++)
                {
                    origin.Then(Fixtures.Response(304, "Cache-Control: max-age=0\nETag: \"cfg\"", null));
                }

                FlashStore flash = new FlashStore(dir, 8, 64 * 1024);
                HttpCacheClient cache = new HttpCacheClient(new TieredStore(new RamStore(4, 16 * 1024), flash), origin, clock, new CacheOptions());
                for (int i = 0; i < 1001; i++)
                {
                    Assert.AreEqual("{\"mode\":\"eco\"}", Fixtures.Text(cache.Get("http://device.test/config").Body));
                    clock.Advance(60);
                }

                Assert.AreEqual(1L, flash.Writes, "only the first full response was written");
                Assert.AreEqual(1000L, cache.Stats.NotModified);

                // Reboot: RAM is gone, the clock restarts (set again by SNTP), the flash directory remains.
                clock.Reboot();
                clock.SetWallClock(Fixtures.T0 + 90000, true);
                FlashStore reopened = new FlashStore(dir, 8, 64 * 1024);
                HttpCacheClient afterBoot = new HttpCacheClient(new TieredStore(new RamStore(4, 16 * 1024), reopened), origin, clock, new CacheOptions());
                CacheResponse first = afterBoot.Get("http://device.test/config");
                Assert.AreEqual(CacheSource.CacheRevalidated, first.Source, "a 304 after the reboot, not a download");
                Assert.AreEqual("{\"mode\":\"eco\"}", Fixtures.Text(first.Body));
                Assert.AreEqual("\"cfg\"", origin.Last.Headers.Get("If-None-Match"));
                Assert.AreEqual(0L, reopened.Writes);
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [TestMethod]
        public void ACorruptFileOnDiskIsDroppedAndNeverServed()
        {
            string dir = NewDirectory();
            try
            {
                ManualClock clock = new ManualClock(Fixtures.T0);
                ScriptedTransport origin = new ScriptedTransport()
                    .Then(Fixtures.Response(200, "Cache-Control: max-age=600\nETag: \"a\"", "precious"))
                    .Then(Fixtures.Response(200, "Cache-Control: max-age=600\nETag: \"a\"", "precious"));
                HttpCacheClient cache = new HttpCacheClient(new FlashStore(dir, 8, 64 * 1024), origin, clock, new CacheOptions());
                cache.Get("http://device.test/x");
                string file = Directory.GetFiles(dir).Single();
                byte[] bytes = File.ReadAllBytes(file);
                bytes[bytes.Length - 6] ^= 1;
                File.WriteAllBytes(file, bytes);
                FlashStore reopened = new FlashStore(dir, 8, 64 * 1024);
                HttpCacheClient again = new HttpCacheClient(reopened, origin, clock, new CacheOptions());
                CacheResponse response = again.Get("http://device.test/x");
                Assert.AreEqual(CacheSource.Network, response.Source, "the corrupt body was not served");
                Assert.AreEqual("precious", Fixtures.Text(response.Body));
                Assert.AreEqual(1L, reopened.Dropped);
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }
}
