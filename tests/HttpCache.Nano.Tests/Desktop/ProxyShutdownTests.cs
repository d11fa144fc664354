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
    }
}
