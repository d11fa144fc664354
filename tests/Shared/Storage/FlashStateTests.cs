// FlashStateTests: named state bytes kept across reboots (IStateStore), written power-safely and only on change, and a
// poll schedule's back-off that survives deep sleep through them.
using System;
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
    public class FlashStateTests
    {
        private const int Minute = 60000;
        private static readonly string Url = "http://origin.test/device/config";

        private static FlashStore Open(MemoryFileSystem fs)
        {
            return new FlashStore(fs, "cache", 8, 16 * 1024, 8 * 1024);
        }

        [TestMethod]
        public void StateIsKeptAcrossAReopenAndAnUnchangedWriteWritesNothing()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            Assert.IsNull(store.ReadState("sched"));
            Assert.IsTrue(store.WriteState("sched", new byte[] { 1, 2, 3, 9 }, 3));
            long written = fs.BytesWritten;
            Assert.IsTrue(store.WriteState("sched", new byte[] { 1, 2, 3 }, 3));
            Assert.AreEqual(written, fs.BytesWritten, "the same bytes: no write");
            Assert.AreEqual(1L, store.StateWrites);

            fs.Reboot();
            FlashStore reopened = Open(fs);
            byte[] kept = reopened.ReadState("sched");
            Assert.AreEqual(3, kept.Length);
            Assert.AreEqual((byte)3, kept[2]);
            Assert.IsTrue(reopened.WriteState("sched", new byte[] { 7 }, 1));
            Assert.AreEqual((byte)7, Open(fs).ReadState("sched")[0], "the newer slot wins");
            Assert.AreEqual(0, Open(fs).Count, "state is not a cache entry");
        }

        [TestMethod]
        public void ANameThatIsNotLettersAndDigitsIsRejected()
        {
            FlashStore store = Open(new MemoryFileSystem());
            string[] names = new string[] { "", "a/b", "..", "a b", "abcdefghijklmnopq" };
            for (int i = 0; i < names.Length; i++)
            {
                string name = names[i];
                Expect.Throws(typeof(ArgumentException), () => store.ReadState(name));
                Expect.Throws(typeof(ArgumentException), () => store.WriteState(name, new byte[1], 1));
            }

            Expect.Throws(typeof(ArgumentException), () => store.ReadState(null));
        }

        [TestMethod]
        public void APowerCutAtAnyByteOfAStateWriteLeavesTheOldValueOrTheNew()
        {
            MemoryFileSystem reference = new MemoryFileSystem();
            FlashStore prepared = Open(reference);
            prepared.WriteState("s", new byte[] { 1, 1, 1, 1 }, 4);
            prepared.WriteState("s", new byte[] { 2, 2, 2, 2 }, 4);
            int olds = 0;
            int news = 0;
            for (long cut = 0; cut <= 24; cut++)
            {
                MemoryFileSystem fs = reference.Clone();
                FlashStore store = Open(fs);
                fs.CutPowerAfterBytes(cut);
                store.WriteState("s", new byte[] { 3, 3, 3, 3 }, 4);
                fs.Reboot();
                byte[] kept = Open(fs).ReadState("s");
                Assert.IsNotNull(kept, "cut after " + cut + " B");
                Assert.IsTrue(kept[3] == 2 || kept[3] == 3, "cut after " + cut + " B: old or new, got " + kept[3]);
                olds += kept[3] == 2 ? 1 : 0;
                news += kept[3] == 3 ? 1 : 0;
            }

            Assert.IsTrue(olds > 0 && news > 0);
        }

        [TestMethod]
        public void ABackOffSurvivesDeepSleepThroughAnOutageAndSteadyPollsWriteNothing()
        {
            // Each wake is a reboot: a new schedule, client, store and poller. The origin is down for five wakes.
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport();
            for (int i = 0; i < 5; i++)
            {
                origin.ThenFail("connection refused");
            }

            for (int i = 0; i < 4; i++)
            {
                origin.Then(Fixtures.Response(200, "Cache-Control: max-age=0\nETag: \"1\"", "{}"));
            }

            long[] delays = new long[9];
            long stateWrites = 0;
            for (int wake = 0; wake < 9; wake++)
            {
                clock.Reboot();
                FlashStore store = Open(fs);
                PollSchedule schedule = new PollSchedule(clock, Minute, 11);
                ConfigPoller poller = new ConfigPoller(new HttpCacheClient(store, origin, clock, new CacheOptions()), Url, schedule, store);
                PollResult result = poller.Poll();
                delays[wake] = result.NextPollMilliseconds;
                stateWrites += store.StateWrites;
                Assert.AreEqual(wake < 5 ? wake + 1 : 0, schedule.ConsecutiveFailures, "wake " + wake);
                clock.AdvanceMilliseconds(result.NextPollMilliseconds);
            }

            Assert.IsTrue(delays[4] >= 8 * Minute, "the fifth failure backs off 16 minutes (equal jitter: at least 8), not 1: " + delays[4]);
            Assert.AreEqual(6L, stateWrites, "one write per failure and one when it recovered; none for the steady polls after");
        }
    }
}
