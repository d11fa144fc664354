// A device that deep-sleeps between polls (every wake a reboot: a new client and a new store over the same flash, a
// new monotonic clock) against one that never sleeps: origin requests, link bytes and flash writes in a day.
using System;
using System.Globalization;
using System.IO;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;

namespace HttpCache.Nano.Benchmarks
{
    public static class RebootSimulation
    {
        // What a poll costs on the link over https on a new connection (docs/performance.md section 6, measured): at a
        // poll a minute the connection is never kept (4 s idle timeout), rebooting or not.
        public const long LinkBytesOf304 = 3255;
        public const long LinkBytesOf200 = 5322;

        private const long Start = 1795392000L;

        public sealed class Outcome
        {
            public string Name;
            public long Requests;
            public long Full;
            public long NotModified;
            public long FreshHits;
            public long LinkBytes;
            public long FlashWrites;
            public long FlashBytes;
            public long FlashWritesOnUnchanged;
        }

        /// <summary>Simulates a day of polls every 60 s with 10 changes, max-age as given, sleeping or not; prints a table.</summary>
        public static Outcome[] Run(int maxAge, int hours, TextWriter output)
        {
            Outcome awake = Simulate("never sleeps (the limit)", maxAge, hours, false, true);
            Outcome sleeping = Simulate("deep-sleeps: a reboot before every poll", maxAge, hours, true, true);
            Outcome before = Simulate("deep-sleeps, renewals off (RenewalMinSeconds = -1: before)", maxAge, hours, true, false);
            output.WriteLine($"A device polling every 60 s for {hours} h, 10 changes a day, max-age={maxAge}, https (a handshake per request), flash store:");
            output.WriteLine();
            output.WriteLine("| device | origin requests | 200 | 304 | fresh hits | link bytes | vs limit | flash writes | flash bytes written | writes on unchanged polls |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (Outcome o in new[] { awake, sleeping, before })
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} | {4} | {5:N0} | {6:+0.0;-0.0;0.0}% | {7} | {8:N0} | {9} |",
                    o.Name, o.Requests, o.Full, o.NotModified, o.FreshHits, o.LinkBytes, 100.0 * (o.LinkBytes - awake.LinkBytes) / awake.LinkBytes,
                    o.FlashWrites, o.FlashBytes, o.FlashWritesOnUnchanged));
            }

            output.WriteLine();
            return new[] { awake, sleeping, before };
        }

        private static Outcome Simulate(string name, int maxAge, int hours, bool reboots, bool renewals)
        {
            int polls = hours * 60;
            int changeEvery = 24 * 60 / 10;
            ManualClock clock = new ManualClock(Start);
            SimulatedOrigin origin = new SimulatedOrigin(clock, true, true, maxAge);
            string dir = Path.Combine(Path.GetTempPath(), "hcn-reboot-" + Guid.NewGuid().ToString("N"));
            Outcome outcome = new Outcome { Name = name };
            FlashStore flash = null;
            HttpCacheClient client = null;
            byte[] previous = null;
            try
            {
                for (int poll = 0; poll < polls; poll++)
                {
                    if (poll > 0 && poll % changeEvery == 0)
                    {
                        origin.Change();
                    }

                    if (reboots || client == null)
                    {
                        // Deep sleep is a reboot: RAM is gone, the monotonic clock starts again, and SNTP sets the wall clock.
                        long wall = clock.UnixSeconds;
                        clock.Reboot();
                        clock.SetWallClock(wall, true);
                        flash = new FlashStore(dir, 4, 64 * 1024);
                        flash.RenewalMinSeconds = renewals ? flash.RenewalMinSeconds : -1;
                        client = new HttpCacheClient(new TieredStore(new RamStore(2, 16 * 1024), flash), origin, clock, new CacheOptions());
                    }

                    long writes = flash.Writes;
                    long bytes = flash.BytesWritten;
                    CacheResponse response = client.Get(SimulatedOrigin.Url);
                    outcome.FreshHits += response.Source == CacheSource.Cache ? 1 : 0;
                    bool unchanged = previous != null && previous.AsSpan().SequenceEqual(response.Body);
                    outcome.FlashWritesOnUnchanged += unchanged && maxAge == 0 ? flash.Writes - writes : 0;
                    outcome.FlashWrites += flash.Writes - writes;
                    outcome.FlashBytes += flash.BytesWritten - bytes;
                    previous = response.Body;
                    clock.Advance(60);
                }

                outcome.Requests = origin.Requests;
                outcome.Full = origin.FullResponses;
                outcome.NotModified = origin.NotModified;
                outcome.LinkBytes = origin.FullResponses * LinkBytesOf200 + origin.NotModified * LinkBytesOf304;
                return outcome;
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
