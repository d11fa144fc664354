// FleetSimulation: a fleet of devices polling one origin, with fixed 60 s polls or with PollSchedule, with and without the
// cache, with and without a 10-minute outage: the origin's mean and peak load in 1-second buckets over a day of steady
// state (after a first hour that absorbs the common start), and the peak of that start on its own.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;

namespace HttpCache.Nano.Benchmarks
{
    /// <summary>How the devices of a fleet time their polls.</summary>
    internal enum FleetTiming
    {
        /// <summary>A poll, then 60 s of sleep, from a random second of the first minute (a plain loop).</summary>
        Fixed,

        /// <summary><see cref="PollSchedule"/> with consecutive device ids (serial numbers), all devices started together.</summary>
        ScheduleConsecutiveIds,

        /// <summary><see cref="PollSchedule"/> with random device ids, all devices started together.</summary>
        ScheduleRandomIds,
    }

    /// <summary>One simulated day of a fleet.</summary>
    internal sealed class FleetRow
    {
        public FleetTiming Timing;
        public bool Cache;
        public long Requests;
        public long Refused;
        public int Peak;
        public int StartPeak;
        public int PeakAfterOutage;
        public long RequestsAfterOutage;

        public double MeanAfterOutage => RequestsAfterOutage / (double)FleetSimulation.OutageSeconds;

        public double Mean => Requests / (double)FleetSimulation.DaySeconds;

        public double PeakToMean => Peak / Mean;
    }

    internal static class FleetSimulation
    {
        public const int DaySeconds = 86400;
        public const int WarmUpSeconds = 3600;
        public const int OutageStart = WarmUpSeconds + 12 * 3600;
        public const int OutageSeconds = 600;
        private const long Start = 1795392000L;
        private const int Interval = 60000;

        /// <summary>Runs every timing with and without the cache for one origin max-age, and prints the table.</summary>
        public static FleetRow[] Run(int devices, int maxAge, bool outage, TextWriter output)
        {
            List<FleetRow> rows = new List<FleetRow>();
            foreach (FleetTiming timing in new[] { FleetTiming.Fixed, FleetTiming.ScheduleConsecutiveIds, FleetTiming.ScheduleRandomIds })
            {
                foreach (bool cache in new[] { false, true })
                {
                    rows.Add(Simulate(devices, maxAge, timing, cache, outage));
                }
            }

            string disturbance = outage ? $", the origin down for {OutageSeconds / 60} minutes at 12:00" : string.Empty;
            output.WriteLine($"Fleet: {devices} devices started in the same minute, a poll every 60 s, 10 changes a day, max-age={maxAge}{disturbance}; counted over the 24 h after the first hour:");
            output.WriteLine();
            string outageColumns = outage ? " refused during the outage | mean req/s in the 10 min after | peak req/s in the 10 min after |" : string.Empty;
            string outageRule = outage ? "---:|---:|---:|" : string.Empty;
            output.WriteLine("| polling | cache | origin requests | mean req/s | peak req/s (1 s buckets) | peak ÷ mean | peak req/s, first 2 min |" + outageColumns);
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|" + outageRule);
            foreach (FleetRow row in rows)
            {
                string extra = outage ? string.Format(CultureInfo.InvariantCulture, " {0} | {1:0.0} | {2} |", row.Refused, row.MeanAfterOutage, row.PeakAfterOutage) : string.Empty;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3:0.0} | {4} | {5:0.00} | {6} |{7}",
                    Describe(row.Timing), row.Cache ? "HttpCache.Nano" : "none", row.Requests, row.Mean, row.Peak, row.PeakToMean, row.StartPeak, extra));
            }

            output.WriteLine();
            return rows.ToArray();
        }

        private static string Describe(FleetTiming timing)
        {
            switch (timing)
            {
                case FleetTiming.Fixed:
                    return "fixed 60 s loop, random start second";
                case FleetTiming.ScheduleConsecutiveIds:
                    return "PollSchedule, consecutive device ids";
                default:
                    return "PollSchedule, random device ids";
            }
        }

        /// <summary>A first hour and a day of the fleet; every device polls through its own client (a cache of one entry, or none).</summary>
        public static FleetRow Simulate(int devices, int maxAge, FleetTiming timing, bool useCache, bool outage)
        {
            Random random = new Random(42);
            ManualClock clock = new ManualClock(Start);
            SimulatedOrigin origin = new SimulatedOrigin(clock, true, true, maxAge);
            origin.RequestTimes = new List<long>();
            ConfigPoller[] pollers = new ConfigPoller[devices];
            PriorityQueue<int, long> due = new PriorityQueue<int, long>();
            for (int d = 0; d < devices; d++)
            {
                ICacheStore store = useCache ? new RamStore(1, 8 * 1024) : new NoStore();
                HttpCacheClient client = new HttpCacheClient(store, origin, clock, new CacheOptions());
                if (timing == FleetTiming.Fixed)
                {
                    pollers[d] = new ConfigPoller(client, SimulatedOrigin.Url);
                    due.Enqueue(d, random.Next(60) * 1000L);
                }
                else
                {
                    uint id = timing == FleetTiming.ScheduleConsecutiveIds ? (uint)d : (uint)random.Next() ^ ((uint)random.Next() << 16);
                    PollSchedule schedule = new PollSchedule(clock, Interval, id);
                    pollers[d] = new ConfigPoller(client, SimulatedOrigin.Url, schedule);
                    due.Enqueue(d, schedule.FirstDelayMilliseconds());
                }
            }

            long changeEvery = DaySeconds / 10 * 1000L;
            long nextChange = changeEvery;
            long now = 0;
            long end = (WarmUpSeconds + DaySeconds) * 1000L;
            while (due.TryDequeue(out int device, out long at) && at < end)
            {
                clock.AdvanceMilliseconds(at - now);
                now = at;
                while (nextChange <= now)
                {
                    origin.Change();
                    nextChange += changeEvery;
                }

                origin.Down = outage && now >= OutageStart * 1000L && now < (OutageStart + OutageSeconds) * 1000L;
                PollResult result = pollers[device].Poll();
                due.Enqueue(device, now + (timing == FleetTiming.Fixed ? Interval : result.NextPollMilliseconds));
            }

            int[] perSecond = new int[WarmUpSeconds + DaySeconds];
            foreach (long t in origin.RequestTimes)
            {
                perSecond[t - Start]++;
            }

            int peak = 0;
            int startPeak = 0;
            int peakAfter = 0;
            long requestsAfter = 0;
            long requests = 0;
            for (int s = 0; s < perSecond.Length; s++)
            {
                if (s < 120)
                {
                    startPeak = Math.Max(startPeak, perSecond[s]);
                }

                if (s >= WarmUpSeconds)
                {
                    peak = Math.Max(peak, perSecond[s]);
                    requests += perSecond[s];
                }

                if (s >= OutageStart + OutageSeconds && s < OutageStart + 2 * OutageSeconds)
                {
                    peakAfter = Math.Max(peakAfter, perSecond[s]);
                    requestsAfter += perSecond[s];
                }
            }

            return new FleetRow
            {
                Timing = timing,
                Cache = useCache,
                Requests = requests,
                StartPeak = startPeak,
                Refused = origin.Refused,
                Peak = peak,
                PeakAfterOutage = peakAfter,
                RequestsAfterOutage = requestsAfter,
            };
        }

        // A device without a cache: nothing is kept, every poll is a full download.
        private sealed class NoStore : ICacheStore
        {
            public int Count => 0;

            public long Bytes => 0;

            public long Evictions => 0;

            public long Rejections => 0;

            public CacheEntry Find(CacheKey key) => null;

            public bool Put(CacheKey key, CacheEntry entry) => false;

            public void Freshen(CacheKey key, CacheEntry entry, bool validatorsChanged)
            {
            }

            public bool Remove(CacheKey key) => false;

            public int RemoveVariants(CacheKey key) => 0;
        }
    }
}
