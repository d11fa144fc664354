// DemoRunner: polls the embedded origin through the cache like a device would, logging one line per poll.
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using HttpCache.Nano;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Desktop.Demo
{
    /// <summary>Runs the demo: an origin on 127.0.0.1, a device-sized cache, a poll loop and a final table.</summary>
    public static class DemoRunner
    {
        public static DemoResult Run(DemoOptions options, TextWriter output)
        {
            if (options.Polls < 1 || options.IntervalMilliseconds < 0 || options.ChangeEvery < 0)
            {
                throw new ArgumentException("--polls must be at least 1; --interval-ms and --change-every must not be negative.");
            }

            ConfigOrigin origin = new ConfigOrigin(options.MaxAgeSeconds);
            origin.StartAsync(options.Port).GetAwaiter().GetResult();
            try
            {
                ICacheStore store = StoreFactory.Create(options.Store, options.ExplicitBudget ? options.MaxEntries : null, options.ExplicitBudget ? options.MaxBytes : null,
                    options.MaxEntries, options.MaxBytes, out FlashStore flash);
                HttpCacheClient cache = new HttpCacheClient(store, new SocketTransport(), new SystemClock(), new CacheOptions());
                output.WriteLine($"origin  {origin.ConfigUrl}  (max-age={options.MaxAgeSeconds}, ETag + Last-Modified, changes every {options.ChangeEvery} polls)");
                output.WriteLine($"cache   {(flash == null ? "RAM, " + options.MaxEntries + " entries, " + options.MaxBytes + " bytes" : "RAM + flash at " + flash.Directory + ", " + StoreBudget.Kept(options.Store))}; SocketTransport");
                output.WriteLine();
                Stopwatch clock = Stopwatch.StartNew();
                byte[] applied = null;
                int changesApplied = 0;
                long fullExchangeBytes = 0;
                int fullExchanges = 0;
                long wire = 0;
                int polls = 0;
                for (int poll = 1; poll <= options.Polls && !options.Stop.IsCancellationRequested; poll++)
                {
                    polls = poll;
                    if (poll > 1 && options.ChangeEvery > 0 && (poll - 1) % options.ChangeEvery == 0)
                    {
                        origin.Change();
                    }

                    CacheStats before = cache.Stats;
                    CacheResponse response = cache.Get(origin.ConfigUrl);
                    CacheStats after = cache.Stats;
                    long exchange = after.WireBytesSent + after.WireBytesReceived - before.WireBytesSent - before.WireBytesReceived;
                    wire += exchange;
                    if (response.Source == CacheSource.Network && response.StatusCode == 200)
                    {
                        fullExchangeBytes += exchange;
                        fullExchanges++;
                    }

                    string change = "";
                    if (response.StatusCode == 200 && (applied == null || !Same(applied, response.Body)))
                    {
                        applied = response.Body;
                        changesApplied++;
                        change = "  -> config applied";
                    }

                    output.WriteLine(string.Format(CultureInfo.InvariantCulture, "poll {0,3}  +{1,6:0.0}s  {2,-17} {3}  wire {4,5} B  body on wire {5,4} B{6}",
                        poll, clock.Elapsed.TotalSeconds, Describe(response, after.Revalidations > before.Revalidations), response.StatusCode, exchange,
                        after.BodyBytesReceived - before.BodyBytesReceived, change));

                    // A line per poll as it happens, also when the output is a pipe.
                    output.Flush();
                    if (poll < options.Polls)
                    {
                        long next = (long)poll * options.IntervalMilliseconds;
                        long wait = next - clock.ElapsedMilliseconds;
                        if (wait > 0)
                        {
                            options.Stop.WaitHandle.WaitOne((int)wait);
                        }
                    }
                }

                bool interrupted = polls < options.Polls;
                if (interrupted)
                {
                    output.WriteLine($"stopped after {polls} of {options.Polls} polls");
                }

                CacheStats stats = cache.Stats;
                long perFull = fullExchanges == 0 ? 0 : fullExchangeBytes / fullExchanges;
                DemoResult result = new DemoResult
                {
                    Stats = stats,
                    Polls = polls,
                    WireBytes = wire,
                    WireBytesWithoutCache = perFull * polls,
                    FlashWrites = flash == null ? 0 : flash.Writes,
                    OriginFullResponses = origin.FullResponses,
                    OriginNotModified = origin.NotModifiedResponses,
                    OriginBodyBytes = origin.BodyBytesSent,
                    ConfigChangesApplied = changesApplied,
                    Interrupted = interrupted,
                };
                PrintTable(result, options, output);
                return result;
            }
            finally
            {
                origin.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        private static string Describe(CacheResponse response, bool revalidated) => response.Source switch
        {
            CacheSource.Network when revalidated => "CHANGED (full)",
            CacheSource.Cache => "HIT (fresh)",
            CacheSource.CacheRevalidated => "REVALIDATED (304)",
            CacheSource.CacheStale => "STALE",
            CacheSource.Generated => "GENERATED",
            _ => "MISS (full)",
        };

        private static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

        private static void PrintTable(DemoResult r, DemoOptions options, TextWriter output)
        {
            CacheStats s = r.Stats;
            long saved = r.WireBytesWithoutCache - r.WireBytes;
            double percent = r.WireBytesWithoutCache == 0 ? 0 : 100.0 * saved / r.WireBytesWithoutCache;
            output.WriteLine();
            output.WriteLine("+------------------------------+-------------+");
            Row(output, "polls", r.Polls.ToString(CultureInfo.InvariantCulture));
            Row(output, "fresh hits (no request)", s.FreshHits.ToString(CultureInfo.InvariantCulture));
            Row(output, "304 Not Modified", s.NotModified.ToString(CultureInfo.InvariantCulture));
            Row(output, "full responses", s.FullResponses.ToString(CultureInfo.InvariantCulture));
            Row(output, "config changes applied", r.ConfigChangesApplied.ToString(CultureInfo.InvariantCulture));
            Row(output, "bytes on the wire", r.WireBytes.ToString(CultureInfo.InvariantCulture));
            Row(output, "  without a cache", r.WireBytesWithoutCache.ToString(CultureInfo.InvariantCulture));
            Row(output, "bytes saved", saved.ToString(CultureInfo.InvariantCulture) + string.Format(CultureInfo.InvariantCulture, " ({0:0}%)", percent));
            Row(output, "body bytes saved", s.BodyBytesSaved.ToString(CultureInfo.InvariantCulture));
            Row(output, "bytes at the socket", (s.LinkBytesSent + s.LinkBytesReceived).ToString(CultureInfo.InvariantCulture));
            Row(output, "connections opened", s.ConnectionsOpened.ToString(CultureInfo.InvariantCulture));
            Row(output, "TLS handshakes", s.TlsHandshakes.ToString(CultureInfo.InvariantCulture));
            Row(output, "flash writes", options.Store == "ram" ? "- (RAM)" : r.FlashWrites.ToString(CultureInfo.InvariantCulture));
            if (options.PricePerMegabyte > 0)
            {
                double cost = r.WireBytes / 1048576.0 * options.PricePerMegabyte;
                double costWithout = r.WireBytesWithoutCache / 1048576.0 * options.PricePerMegabyte;
                Row(output, "metered link cost", string.Format(CultureInfo.InvariantCulture, "{0:0.000000}", cost));
                Row(output, "  without a cache", string.Format(CultureInfo.InvariantCulture, "{0:0.000000}", costWithout));
            }

            output.WriteLine("+------------------------------+-------------+");
            output.WriteLine(s.ToString());
        }

        private static void Row(TextWriter output, string name, string value)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0,-28} | {1,11} |", name, value));
        }
    }
}
