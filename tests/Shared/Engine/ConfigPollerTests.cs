using System;
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
    /// <summary>The device sample's loop: apply once per boot and on each change, survive a boot without network.</summary>
    [TestClass]
    public class ConfigPollerTests
    {
        private const string Url = "http://config.test/device";

        [TestMethod]
        public void TheConfigIsAppliedOnceAndAgainOnlyWhenItChanges()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, "Cache-Control: max-age=0\nETag: \"1\"", "{\"v\":1}"))
                .Then(Fixtures.Response(304, "ETag: \"1\"", null))
                .Then(Fixtures.Response(200, "Cache-Control: max-age=0\nETag: \"2\"", "{\"v\":2}"))
                .Then(Fixtures.Response(304, "ETag: \"2\"", null));
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(4, 8192), origin, clock, new CacheOptions()), Url);
            Assert.IsTrue(poller.Poll().Changed, "first poll");
            Assert.IsFalse(poller.Poll().Changed, "304");
            PollResult changed = poller.Poll();
            Assert.IsTrue(changed.Changed, "new version");
            Assert.AreEqual("{\"v\":2}", Fixtures.Text(changed.Response.Body));
            Assert.IsFalse(poller.Poll().Changed, "304 again");
        }

        [TestMethod]
        public void AfterARebootWithoutNetworkTheStoredConfigIsServedAndApplied()
        {
            MemoryFileSystem flash = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, "Cache-Control: max-age=60\nETag: \"1\"", "{\"v\":1}"));
            new ConfigPoller(new HttpCacheClient(new FlashStore(flash, "I:/cache", 4, 16384, 8192), origin, clock, new CacheOptions()), Url).Poll();

            clock.Reboot();
            CacheOptions offline = new CacheOptions();
            offline.MaxStaleWhenOffline = CacheControl.Unbounded;
            ScriptedTransport down = new ScriptedTransport().ThenFail("no Wi-Fi").ThenFail("no Wi-Fi");
            ConfigPoller afterBoot = new ConfigPoller(new HttpCacheClient(new FlashStore(flash, "I:/cache", 4, 16384, 8192), down, clock, offline), Url);
            PollResult result = afterBoot.Poll();
            Assert.IsTrue(result.Changed, "applied once per boot");
            Assert.AreEqual((int)CacheSource.CacheStale, (int)result.Response.Source);
            Assert.AreEqual("{\"v\":1}", Fixtures.Text(result.Response.Body));
            Assert.IsFalse(afterBoot.Poll().Changed, "the same stored config again");
        }

        [TestMethod]
        public void ErrorsAreNeverApplied()
        {
            ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(500, "", "oops")).ThenFail("down");
            ConfigPoller poller = new ConfigPoller(new HttpCacheClient(new RamStore(4, 8192), origin, new ManualClock(Fixtures.T0), new CacheOptions()), Url);
            Assert.IsFalse(poller.Poll().Changed);
            PollResult down = poller.Poll();
            Assert.IsFalse(down.Changed);
            Assert.AreEqual(504, down.Response.StatusCode);
            Expect.Throws(typeof(ArgumentNullException), () => new ConfigPoller(null, Url));
        }
    }
}
