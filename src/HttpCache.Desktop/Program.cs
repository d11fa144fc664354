// httpcache: the desktop simulator of HttpCache.Nano — demo, get, proxy, stats, clear.
using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using HttpCache.Desktop.Demo;
using HttpCache.Desktop.Download;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Desktop
{
    public static class Program
    {
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            RootCommand root = new RootCommand("httpcache: the HttpCache.Nano simulator (the device's cache engine and stores on a PC)")
            {
                DemoCommand(output, error),
                GetCommand(output, error),
                ProxyCommand(output, error),
                StatsCommand(output, error),
                ClearCommand(output, error),
            };
            ParseResult parse = root.Parse(args);
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        private static Command DemoCommand(TextWriter output, TextWriter error)
        {
            Option<int> polls = new("--polls") { Description = "Number of polls", DefaultValueFactory = _ => 15 };
            Option<int> interval = new("--interval-ms") { Description = "Milliseconds between polls", DefaultValueFactory = _ => 1000 };
            Option<int> changeEvery = new("--change-every") { Description = "The config changes every N polls (0: never)", DefaultValueFactory = _ => 6 };
            Option<string> store = new("--store") { Description = "ram, or a directory for a flash store", DefaultValueFactory = _ => "ram" };
            Option<int> maxEntries = new("--max-entries") { Description = "Entry budget", DefaultValueFactory = _ => 8 };
            Option<long> maxBytes = new("--max-bytes") { Description = "Byte budget", DefaultValueFactory = _ => 32 * 1024 };
            Option<double> price = new("--price-per-mb") { Description = "Price per MB on a metered link (0: not shown)", DefaultValueFactory = _ => 0 };
            Option<int> port = new("--port") { Description = "Port of the embedded origin on 127.0.0.1 (fixed, so a second run with --store DIR finds what the first stored; 0: any free port)", DefaultValueFactory = _ => ConfigOrigin.DefaultPort };
            Command command = new("demo", "Poll an embedded local origin through the cache like a device and print what it saved (Ctrl-C or SIGTERM: stop, print the table so far, exit 130 or 143)")
            {
                polls, interval, changeEvery, store, maxEntries, maxBytes, price, port,
            };
            command.SetAction(result => Guard(error, () =>
            {
                if (result.GetValue(price) < 0)
                {
                    throw new ArgumentException("--price-per-mb must not be negative.");
                }

                if (result.GetValue(port) < 0 || result.GetValue(port) > 65535)
                {
                    throw new ArgumentException("--port must be 0 to 65535.");
                }

                using CancellationTokenSource stop = new CancellationTokenSource();
                PosixSignal received = 0;
                void OnSignal(PosixSignalContext context)
                {
                    context.Cancel = true;
                    received = context.Signal;
                    stop.Cancel();
                }

                using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
                using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
                DemoResult demo = DemoRunner.Run(new DemoOptions
                {
                    Polls = result.GetValue(polls),
                    IntervalMilliseconds = result.GetValue(interval),
                    ChangeEvery = result.GetValue(changeEvery),
                    Store = result.GetValue(store),
                    MaxEntries = result.GetValue(maxEntries),
                    MaxBytes = result.GetValue(maxBytes),
                    PricePerMegabyte = result.GetValue(price),
                    Port = result.GetValue(port),
                    Stop = stop.Token,
                }, output);

                // The shell's convention for a run ended by a signal: 128 + its number.
                return !demo.Interrupted ? 0 : received == PosixSignal.SIGINT ? 130 : 143;
            }));
            return command;
        }

        private static Command GetCommand(TextWriter output, TextWriter error)
        {
            Argument<string> url = new("url") { Description = "Absolute http or https URL" };
            Option<string> store = new("--store") { Description = "ram, or a directory for a flash store", DefaultValueFactory = _ => "ram" };
            Option<string> outputFile = new("--output") { Description = "Download the body through the flash store (--store DIR) into this file, resuming after a dropped connection" };
            Option<int> retries = new("--retries") { Description = "With --output: resume attempts after a dropped connection", DefaultValueFactory = _ => 5 };
            Command command = new("get", "Fetch a URL through the cache and print the status, the cache decision and the headers") { url, store, outputFile, retries };
            command.SetAction(result => Guard(error, () =>
            {
                if (result.GetValue(outputFile) != null)
                {
                    if (result.GetValue(store) == "ram")
                    {
                        throw new ArgumentException("--output downloads through a flash store: give --store DIR.");
                    }

                    if (result.GetValue(retries) < 0)
                    {
                        throw new ArgumentException("--retries must be 0 or more.");
                    }

                    return FileDownload.Run(result.GetValue(url), result.GetValue(store), result.GetValue(outputFile), result.GetValue(retries), output);
                }

                ICacheStore cacheStore = StoreFactory.Create(result.GetValue(store), 64, 4 * 1024 * 1024, out FlashStore _);
                HttpCacheClient client = new HttpCacheClient(cacheStore, new SocketTransport { MaxBodyBytes = 4 * 1024 * 1024 }, new SystemClock(), new CacheOptions());
                CacheResponse response = client.Get(result.GetValue(url));
                output.WriteLine($"{response.StatusCode} {response.ReasonPhrase}  ({response.Source}{(response.Age >= 0 ? ", age " + response.Age + " s" : "")})");
                if (response.Error != null)
                {
                    output.WriteLine("error: " + response.Error);
                }

                HttpHeaders headers = response.GetHeaders();
                for (int i = 0; i < headers.Count; i++)
                {
                    output.WriteLine(headers.GetName(i) + ": " + headers.GetValue(i));
                }

                output.WriteLine($"({response.Body.Length} body bytes)");
                CacheStats stats = client.Stats;
                output.WriteLine($"link: {stats.LinkBytesSent} bytes sent, {stats.LinkBytesReceived} received at the socket (TLS included), {stats.ConnectionsOpened} connection(s), {stats.TlsHandshakes} TLS handshake(s); HTTP {stats.WireBytesSent} + {stats.WireBytesReceived} bytes");
                return response.StatusCode >= 500 ? 1 : 0;
            }));
            return command;
        }

        private static Command ProxyCommand(TextWriter output, TextWriter error)
        {
            Option<string> listen = new("--listen") { Description = "Listen URL, e.g. http://127.0.0.1:8080", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
            Option<string> origin = new("--origin") { Description = "Origin base URL, e.g. http://api.example.com", Required = true };
            Option<string> store = new("--store") { Description = "ram, or a directory for a flash store", DefaultValueFactory = _ => "ram" };
            Option<int> maxEntries = new("--max-entries") { Description = "Entry budget", DefaultValueFactory = _ => 256 };
            Option<long> maxBytes = new("--max-bytes") { Description = "Byte budget", DefaultValueFactory = _ => 16L * 1024 * 1024 };
            Option<bool> privateMode = new("--private")
            {
                Description = "Single-user mode: cache like a private (one user's) cache, storing private responses and reusing them for every client. "
                    + "Only for your own device or browser; the default is a shared cache, safe for many users",
            };
            Option<bool> noStaleOnError = new("--no-stale-on-error")
            {
                Description = "Answer 502/504 when the origin cannot be reached, instead of serving the stored response stale (RFC 9111 4.2.4; never done for must-revalidate, proxy-revalidate or no-cache)",
            };
            Command command = new("proxy", "Run a caching reverse proxy in front of an origin (a shared cache: one user's private responses never reach another)")
            {
                listen, origin, store, maxEntries, maxBytes, privateMode, noStaleOnError,
            };
            command.SetAction(result => Guard(error, () =>
            {
                ICacheStore cacheStore = StoreFactory.Create(result.GetValue(store), result.GetValue(maxEntries), result.GetValue(maxBytes), out FlashStore _);
                CacheMode mode = result.GetValue(privateMode) ? CacheMode.Private : CacheMode.Shared;
                CachingProxy proxy = new CachingProxy(result.GetValue(listen), result.GetValue(origin), cacheStore, mode, output, !result.GetValue(noStaleOnError));
                proxy.StartAsync().GetAwaiter().GetResult();
                output.WriteLine(proxy.StartupLine);
                WaitForStopSignal(proxy);
                output.WriteLine("stopping: no new connections, finishing the requests in flight (up to " + CachingProxy.ShutdownGrace.TotalSeconds + " s)");
                bool finished = proxy.StopAsync(CachingProxy.ShutdownGrace).GetAwaiter().GetResult();
                proxy.DisposeAsync().AsTask().GetAwaiter().GetResult();
                output.WriteLine(proxy.Client.Stats.ToString());
                output.WriteLine(finished ? "stopped" : "stopped with " + proxy.InFlight + " request(s) unfinished");
                return 0;
            }));
            return command;
        }

        // SIGTERM (a service manager, kill) and SIGINT (Ctrl-C, kill -INT), or the host's own lifetime seeing either first.
        private static void WaitForStopSignal(CachingProxy proxy)
        {
            using ManualResetEventSlim stop = new ManualResetEventSlim();
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Set();
            }

            using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using CancellationTokenRegistration stopping = proxy.Stopping.Register(stop.Set);
            stop.Wait();
        }

        private static Command StatsCommand(TextWriter output, TextWriter error)
        {
            Argument<string> dir = new("dir") { Description = "Flash-store directory" };
            Command command = new("stats", "Show what a flash-store directory holds") { dir };
            command.SetAction(result => Guard(error, () =>
            {
                FlashStore flash = OpenExisting(result.GetValue(dir));
                output.WriteLine($"{flash.Count} entries, {flash.Bytes} bytes in {flash.Directory}");
                if (flash.Dropped > 0 || flash.Recovered > 0)
                {
                    output.WriteLine($"dropped {flash.Dropped} corrupt files, recovered {flash.Recovered} interrupted writes");
                }

                foreach (string key in flash.Keys())
                {
                    output.WriteLine("  " + key);
                }

                return 0;
            }));
            return command;
        }

        private static Command ClearCommand(TextWriter output, TextWriter error)
        {
            Argument<string> dir = new("dir") { Description = "Flash-store directory" };
            Command command = new("clear", "Remove every entry of a flash-store directory") { dir };
            command.SetAction(result => Guard(error, () =>
            {
                FlashStore flash = OpenExisting(result.GetValue(dir));
                int count = flash.Count;
                flash.Clear();
                output.WriteLine($"removed {count} entries from {flash.Directory}");
                return 0;
            }));
            return command;
        }

        private static FlashStore OpenExisting(string dir)
        {
            if (!Directory.Exists(dir))
            {
                throw new ArgumentException("No such directory: " + dir);
            }

            return new FlashStore(dir, 4096, long.MaxValue / 4);
        }

        // Bad arguments and I/O problems become one clear line on stderr and exit code 2, not a stack trace.
        private static int Guard(TextWriter error, Func<int> action)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (e is ArgumentException || e is IOException || e is UnauthorizedAccessException || e is UriFormatException)
            {
                error.WriteLine("httpcache: " + e.Message);
                return 2;
            }
        }
    }
}
