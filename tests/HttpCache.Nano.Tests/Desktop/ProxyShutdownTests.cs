// httpcache proxy as a service manager runs it: a separate process with a flash store, stopped with SIGTERM under load.
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class ProxyShutdownTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task SigtermFinishesTheRequestsInFlightClosesTheStoreAndExitsZero()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("POSIX signals");
            }

            byte[] body = Encoding.ASCII.GetBytes(new string('c', 4000));
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                await Task.Delay(150);
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = "\"" + context.Request.Path.Value.GetHashCode() + "\"";
                await context.Response.Body.WriteAsync(body);
            });
            string dir = Path.Combine(Path.GetTempPath(), "httpcache-term-" + Guid.NewGuid().ToString("N"));
            string cli = typeof(HttpCache.Desktop.Program).Assembly.Location;
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in new[] { cli, "proxy", "--listen", "http://127.0.0.1:0", "--origin", origin.BaseUrl, "--store", dir })
            {
                start.ArgumentList.Add(arg);
            }

            using Process proxy = Process.Start(start);
            try
            {
                string listening = await proxy.StandardOutput.ReadLineAsync();
                StringAssert.StartsWith(listening, "listening on http://127.0.0.1:");
                string address = listening.Substring("listening on ".Length).Split(' ')[0];

                using HttpClient client = new HttpClient();
                ConcurrentBag<string> outcomes = new ConcurrentBag<string>();
                using CancellationTokenSource stopClients = new CancellationTokenSource();
                Task[] clients = new Task[6];
                for (int c = 0; c < clients.Length; c++)
                {
                    int id = c;
                    clients[c] = Task.Run(async () =>
                    {
                        for (int i = 0; !stopClients.IsCancellationRequested; i++)
                        {
                            try
                            {
                                byte[] got = await client.GetByteArrayAsync(address + "/r" + id + "-" + (i % 5));
                                outcomes.Add(got.Length == body.Length ? "ok" : "short " + got.Length);
                            }
                            catch (HttpRequestException)
                            {
                                // Refused once the proxy has stopped listening: expected after the signal.
                                outcomes.Add("refused");
                                await Task.Delay(20);
                            }
                        }
                    });
                }

                await Task.Delay(1500);
                int beforeSignal = outcomes.Count;
                using (Process kill = Process.Start("kill", "-TERM " + proxy.Id))
                {
                    await kill.WaitForExitAsync();
                }

                using CancellationTokenSource exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await proxy.WaitForExitAsync(exitWait.Token);
                stopClients.Cancel();
                await Task.WhenAll(clients);
                string output = await proxy.StandardOutput.ReadToEndAsync();

                Assert.AreEqual(0, proxy.ExitCode, output + await proxy.StandardError.ReadToEndAsync());
                StringAssert.Contains(output, "stopping: no new connections");
                StringAssert.Contains(output, "\nstopped", output);
                Assert.IsTrue(beforeSignal > 0, "clients were being served when the signal came");
                foreach (string outcome in outcomes)
                {
                    Assert.IsTrue(outcome == "ok" || outcome == "refused", "no truncated response: " + outcome);
                }

                FlashStore reopened = new FlashStore(dir, 256, 16L * 1024 * 1024);
                Assert.AreEqual(0L, reopened.Dropped, "nothing torn");
                Assert.IsTrue(reopened.Count > 0, "entries persisted");
            }
            finally
            {
                if (!proxy.HasExited)
                {
                    proxy.Kill();
                }

                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public async Task SigtermWithASlowDownloadInFlightExitsWithinTheGraceAndTheClientHadBytes()
        {
            // 5 MB at about 500 KB/s: the client has its first bytes at once (streamed, over --max-bytes), the signal comes
            // mid-download, and the process is gone within the 5 s grace (plus start-up margin), not twice that.
            byte[] chunk = new byte[50 * 1024];
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.ContentLength = 100L * chunk.Length;
                for (int i = 0; i < 100 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(100, context.RequestAborted);
                }
            });
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in new[] { typeof(HttpCache.Desktop.Program).Assembly.Location, "proxy", "--listen", "http://127.0.0.1:0", "--origin", origin.BaseUrl, "--max-bytes", "1048576" })
            {
                start.ArgumentList.Add(arg);
            }

            using Process proxy = Process.Start(start);
            try
            {
                string listening = await proxy.StandardOutput.ReadLineAsync();
                string address = listening.Substring("listening on ".Length).Split(' ')[0];
                using HttpClient client = new HttpClient();
                using HttpResponseMessage response = await client.GetAsync(address + "/big.bin", HttpCompletionOption.ResponseHeadersRead);
                System.IO.Stream body = await response.Content.ReadAsStreamAsync();
                byte[] buffer = new byte[64 * 1024];
                long received = 0;
                while (received < 200 * 1024)
                {
                    int read = await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                    Assert.IsTrue(read > 0, "the body ended early");
                    received += read;
                }

                Stopwatch stopping = Stopwatch.StartNew();
                using (Process kill = Process.Start("kill", "-TERM " + proxy.Id))
                {
                    await kill.WaitForExitAsync();
                }

                using CancellationTokenSource exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await proxy.WaitForExitAsync(exitWait.Token);
                Console.WriteLine("exited " + stopping.Elapsed.TotalSeconds + " s after SIGTERM");
                Assert.IsTrue(stopping.Elapsed < TimeSpan.FromSeconds(8.5), "exited " + stopping.Elapsed.TotalSeconds + " s after SIGTERM (grace 5 s, once; twice was 10 s)");
                Assert.AreEqual(0, proxy.ExitCode);
                Assert.IsTrue(received >= 200 * 1024, "the client had bytes while the origin was still sending");
            }
            finally
            {
                if (!proxy.HasExited)
                {
                    proxy.Kill();
                }
            }
        }
    }
}
