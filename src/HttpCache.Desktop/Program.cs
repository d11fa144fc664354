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
                StoreCommands.Stats(output, error),
                StoreCommands.Clear(output, error),
                StoreCommands.Repair(output, error),
            };
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // A usage error is one line and exit 2, as the commands' own checks are; --help shows the options.
                string command = parse.CommandResult.Command == root ? "" : " " + parse.CommandResult.Command.Name;
                error.WriteLine("httpcache: " + parse.Errors[0].Message + " (httpcache" + command + " --help lists the options)");
                return 2;
            }

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
                    ExplicitBudget = Given(result, maxEntries) || Given(result, maxBytes),
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
            Option<int> retries = new("--retries") { Description = "With --output: resume attempts after a dropped connection, a timeout or a 5xx", DefaultValueFactory = _ => 5 };
            Option<int> maxEntries = new("--max-entries") { Description = "The store directory's entry budget, kept in the directory for every later command (default: what it keeps, else 256)" };
            Option<long> maxBytes = new("--max-bytes") { Description = "The store directory's byte budget, kept likewise (default: what it keeps, else 1 GiB)" };
            Option<string> ca = new("--ca") { Description = "A PEM file of a root CA to trust for this run (a development CA for a local https origin)" };
            Command command = new("get", "Fetch a URL through the cache and print the status, the cache decision and the headers") { url, store, outputFile, retries, maxEntries, maxBytes, ca };
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

                    FlashStore downloads = StoreFactory.OpenFlash(result.GetValue(store), Optional(result, maxEntries), Optional(result, maxBytes));
                    return FileDownload.Run(result.GetValue(url), downloads, result.GetValue(outputFile), result.GetValue(retries), TrustedRoot.Authenticator(result.GetValue(ca)), output);
                }

                ICacheStore cacheStore = StoreFactory.Create(result.GetValue(store), Optional(result, maxEntries), Optional(result, maxBytes), 64, 4 * 1024 * 1024, out FlashStore flash);
                long evictionsBefore = flash == null ? 0 : flash.Evictions;
                SocketTransport transport = new SocketTransport { MaxBodyBytes = 4 * 1024 * 1024, TlsAuthenticator = TrustedRoot.Authenticator(result.GetValue(ca)) };
                HttpCacheClient client = new HttpCacheClient(cacheStore, transport, new SystemClock(), new CacheOptions());
                CacheResponse response = client.Get(result.GetValue(url));
                if (response.Source == CacheSource.Generated && response.Error != null)
                {
                    // No response came: say why, not a status the origin never sent.
                    output.WriteLine("error: " + response.Error);
                    if (response.BodyTooLarge)
                    {
                        output.WriteLine("the body is over the 4 MB a plain get holds in memory: download it with --output FILE --store DIR");
                    }

                    output.WriteLine($"link: {transport.ConnectionsOpened} connection(s) opened");
                    return 1;
                }

                output.WriteLine($"{response.StatusCode} {response.ReasonPhrase}  ({response.Source}{(response.Age >= 0 ? ", age " + response.Age + " s" : "")})");

                HttpHeaders headers = response.GetHeaders();
                for (int i = 0; i < headers.Count; i++)
                {
                    output.WriteLine(headers.GetName(i) + ": " + headers.GetValue(i));
                }

                output.WriteLine($"({response.Body.Length} body bytes)");
                CacheStats stats = client.Stats;
                output.WriteLine($"link: {stats.LinkBytesSent} bytes sent, {stats.LinkBytesReceived} received at the socket (TLS included), {stats.ConnectionsOpened} connection(s), {stats.TlsHandshakes} TLS handshake(s); HTTP {stats.WireBytesSent} + {stats.WireBytesReceived} bytes");
                if (flash != null && flash.Evictions > evictionsBefore)
                {
                    output.WriteLine($"evicted {flash.Evictions - evictionsBefore} entr{(flash.Evictions - evictionsBefore == 1 ? "y" : "ies")} to stay within the store's budget ({StoreBudget.Kept(result.GetValue(store))}; --max-bytes to change it)");
                }

                return response.StatusCode >= 500 ? 1 : 0;
            }));
            return command;
        }

        private static Command ProxyCommand(TextWriter output, TextWriter error)
        {
            Option<string> listen = new("--listen") { Description = "Listen URL, e.g. http://127.0.0.1:8080", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
            Option<string> origin = new("--origin") { Description = "Origin base URL, e.g. http://api.example.com", Required = true };
            Option<string> store = new("--store") { Description = "ram, or a directory for a flash store", DefaultValueFactory = _ => "ram" };
            Option<int> maxEntries = new("--max-entries") { Description = "Entry budget (with --store DIR: kept in the directory; default what it keeps, else 256)", DefaultValueFactory = _ => 256 };
            Option<long> maxBytes = new("--max-bytes") { Description = "Byte budget (with --store DIR: kept in the directory; default what it keeps, else 1 GiB; RAM: 16 MiB)", DefaultValueFactory = _ => 16L * 1024 * 1024 };
            Option<bool> privateMode = new("--private")
            {
                Description = "Single-user mode: cache like a private (one user's) cache, storing private responses and reusing them for every client. "
                    + "Only for your own device or browser; the default is a shared cache, safe for many users",
            };
            Option<bool> noStaleOnError = new("--no-stale-on-error")
            {
                Description = "Answer 502/504 when the origin cannot be reached, instead of serving the stored response stale (RFC 9111 4.2.4; never done for must-revalidate, proxy-revalidate or no-cache)",
            };
            Option<string> targetedField = new("--targeted-field") { Description = "The targeted cache-control field this gateway cache obeys ahead of Cache-Control (RFC 9213); ignored with --private", DefaultValueFactory = _ => "CDN-Cache-Control" };
            Option<string> cacheStatusName = new("--cache-status-name") { Description = "The name of this cache in the Cache-Status field of every response (RFC 9211)", DefaultValueFactory = _ => "httpcache" };
            Command command = new("proxy", "Run a caching reverse proxy in front of an origin (a shared cache: one user's private responses never reach another)")
            {
                listen, origin, store, maxEntries, maxBytes, privateMode, noStaleOnError, cacheStatusName, targetedField,
            };
            command.SetAction(result => Guard(error, () =>
            {
                ICacheStore cacheStore = StoreFactory.Create(result.GetValue(store), Optional(result, maxEntries), Optional(result, maxBytes), result.GetValue(maxEntries), result.GetValue(maxBytes), out FlashStore _);
                CacheMode mode = result.GetValue(privateMode) ? CacheMode.Private : CacheMode.Shared;
                CachingProxy proxy = new CachingProxy(result.GetValue(listen), result.GetValue(origin), cacheStore, mode, output, !result.GetValue(noStaleOnError));
                proxy.Client.Options.TargetedField = string.IsNullOrWhiteSpace(result.GetValue(targetedField)) ? null : result.GetValue(targetedField);

                if (string.IsNullOrWhiteSpace(result.GetValue(cacheStatusName)) || result.GetValue(cacheStatusName).IndexOfAny(new[] { ';', ',', '"', ' ', '=' }) >= 0)
                {
                    throw new ArgumentException("--cache-status-name must be a token (letters, digits, - . _ and the like).");
                }

                proxy.CacheStatusName = result.GetValue(cacheStatusName);

                // A body the store could never hold is streamed through as it arrives, not buffered first.
                long budget = result.GetValue(store) == "ram" ? result.GetValue(maxBytes) : StoreBudget.Kept(result.GetValue(store)).Bytes;
                proxy.MaxBodyBytes = (int)Math.Min(proxy.MaxBodyBytes, budget);
                proxy.StartAsync().GetAwaiter().GetResult();
                output.WriteLine(proxy.StartupLine);
                WaitForStopSignal(proxy);
                output.WriteLine("stopping: no new connections, finishing the requests in flight (up to " + CachingProxy.ShutdownGrace.TotalSeconds + " s)");
                bool finished = proxy.StopAsync(CachingProxy.ShutdownGrace).GetAwaiter().GetResult();
                proxy.DisposeAsync().AsTask().GetAwaiter().GetResult();
                output.WriteLine("answered: " + (proxy.Answered.Length == 0 ? "nothing" : proxy.Answered));
                output.WriteLine("engine: " + proxy.Client.Stats);
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

        // True when the option was written on the command line (not its default).
        private static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

        private static int? Optional(ParseResult result, Option<int> option) => Given(result, option) ? result.GetValue(option) : null;

        private static long? Optional(ParseResult result, Option<long> option) => Given(result, option) ? result.GetValue(option) : null;

        // Bad arguments and I/O problems become one clear line on stderr and exit code 2, not a stack trace.
        internal static int Guard(TextWriter error, Func<int> action)
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
