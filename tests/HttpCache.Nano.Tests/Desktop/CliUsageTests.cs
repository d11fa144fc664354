// What a new user hit with the CLI and the proxy: one-line errors, the absolute-form target, retries that can succeed,
// --ca, one budget per store directory, and stats / clear / repair that see partial downloads and change nothing.
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Desktop;
using HttpCache.Desktop.Download;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class CliUsageTests
    {
        private static string TempDir() => Path.Combine(Path.GetTempPath(), "httpcache-usage-" + Guid.NewGuid().ToString("N"));

        private static (int Exit, string Output, string Error) Cli(params string[] args)
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();
            int exit = Program.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }

        private static string Logged(StringWriter log)
        {
            lock (log)
            {
                return log.ToString();
            }
        }

        private static int ClosedPort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        [TestMethod]
        public void EveryUserErrorIsOneLineAndExit2()
        {
            string dir = TempDir();
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, "a-file");
            File.WriteAllText(file, "x");
            try
            {
                string[][] cases =
                {
                    new[] { "proxy", "--origin", "http://127.0.0.1:1", "--listen", "garbage" },
                    new[] { "proxy", "--origin", "http://127.0.0.1:1", "--listen", "https://127.0.0.1:8443" },
                    new[] { "proxy", "--origin", "http://127.0.0.1:1", "--listen", "http://127.0.0.1:99999" },
                    new[] { "proxy", "--origin", "http://127.0.0.1:1", "--listen", "http://192.0.2.1:8080" },
                    new[] { "proxy", "--origin", "nonsense", "--listen", "http://127.0.0.1:0" },
                    new[] { "demo", "--polls", "many" },
                    new[] { "demo", "--price-per-mb", "-3" },
                    new[] { "get", "http://127.0.0.1:1/x", "--store", file },
                    new[] { "get", "http://127.0.0.1:1/x", "--store", Path.Combine(dir, "store"), "--output", dir },
                    new[] { "stats", file },
                    new[] { "frobnicate" },
                };
                foreach (string[] args in cases)
                {
                    var (exit, _, error) = Cli(args);
                    string what = string.Join(" ", args) + " -> " + error;
                    Assert.AreEqual(2, exit, what);
                    StringAssert.StartsWith(error, "httpcache: ", what);
                    Assert.AreEqual(1, error.Trim().Split('\n').Length, what);
                    Assert.IsFalse(error.Contains("   at ") || error.Contains("(Parameter"), what);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public async Task TheAbsoluteFormIsAcceptedForTheOriginAndRefusedForAnyOther()
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/config.json"] = new Resource { Body = Encoding.UTF8.GetBytes("{\"a\":1}"), CacheControl = "max-age=60" };
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            Uri address = new Uri(proxy.Address);
            string Ask(string target)
            {
                using TcpClient tcp = new TcpClient("127.0.0.1", address.Port);
                NetworkStream stream = tcp.GetStream();
                // A client configured with a proxy sends the absolute form and the Host of the same authority.
                string host = Uri.TryCreate(target, UriKind.Absolute, out Uri parsed) ? parsed.Authority : "x";
                byte[] request = Encoding.ASCII.GetBytes("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
                stream.Write(request);
                return new StreamReader(stream, Encoding.Latin1).ReadToEnd();
            }

            string served = Ask(origin.BaseUrl + "/config.json");
            StringAssert.StartsWith(served, "HTTP/1.1 200");
            StringAssert.Contains(served, "{\"a\":1}");
            StringAssert.StartsWith(Ask("http://example.invalid/config.json"), "HTTP/1.1 421");
            StringAssert.StartsWith(Ask("ftp://x/y"), "HTTP/1.1 400");
            Assert.AreEqual(1, origin.Seen.Count, "only the origin's own URL reached it");
        }

        [TestMethod]
        public void ARefusedConnectionIsNotRetried()
        {
            string dir = TempDir();
            try
            {
                var (exit, output, _) = Cli("get", "http://127.0.0.1:" + ClosedPort() + "/big.bin", "--store", dir, "--output", Path.Combine(dir, "out.bin"), "--retries", "5");
                Assert.AreEqual(1, exit, output);
                StringAssert.Contains(output, "connection refused");
                Assert.IsFalse(output.Contains("retry"), output);
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
        public async Task ServerErrorsAreRetriedWithBackOffAndCountedRight()
        {
            int calls = 0;
            byte[] body = Encoding.ASCII.GetBytes(new string('b', 5000));
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                if (Interlocked.Increment(ref calls) <= 2)
                {
                    context.Response.StatusCode = 503;
                    return;
                }

                context.Response.Headers.ETag = "\"b\"";
                await context.Response.Body.WriteAsync(body);
            });
            string dir = TempDir();
            TimeSpan was = FileDownload.FirstBackoff;
            try
            {
                FileDownload.FirstBackoff = TimeSpan.FromMilliseconds(20);
                string outFile = Path.Combine(dir, "out.bin");
                var (exit, output, _) = Cli("get", origin.Url("/big.bin"), "--store", dir, "--output", outFile, "--retries", "5");
                Assert.AreEqual(0, exit, output);
                StringAssert.Contains(output, "retry 1 of 5");
                StringAssert.Contains(output, "retry 2 of 5");
                Assert.IsFalse(output.Contains("retry 3"), output);
                Assert.AreEqual(5000L, new FileInfo(outFile).Length);
            }
            finally
            {
                FileDownload.FirstBackoff = was;
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [TestMethod]
        public async Task CaTrustsADevelopmentRootForOneRunAndNothingElseDoes()
        {
            using RSA rootKey = RSA.Create(2048);
            CertificateRequest rootRequest = new CertificateRequest("CN=httpcache test root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            using X509Certificate2 root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
            using RSA leafKey = RSA.Create(2048);
            CertificateRequest leafRequest = new CertificateRequest("CN=localhost", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            leafRequest.CertificateExtensions.Add(names.Build());
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            using X509Certificate2 signed = leafRequest.Create(root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), new byte[] { 1, 2, 3, 4 });
            using X509Certificate2 leaf = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(leafKey).Export(X509ContentType.Pkcs12), null);

            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(leaf)));
            await using WebApplication app = builder.Build();
            app.Run(async context =>
            {
                context.Response.Headers.ETag = "\"t\"";
                await context.Response.WriteAsync(new string('t', 3000));
            });
            await app.StartAsync();
            int port = new Uri(app.Urls.First()).Port;
            string dir = TempDir();
            Directory.CreateDirectory(dir);
            string pem = Path.Combine(dir, "root.pem");
            File.WriteAllText(pem, root.ExportCertificatePem());
            try
            {
                string url = "https://localhost:" + port + "/firmware.bin";
                var (trusted, output, _) = Cli("get", url, "--store", Path.Combine(dir, "s1"), "--output", Path.Combine(dir, "a.bin"), "--ca", pem);
                Assert.AreEqual(0, trusted, output);
                var (untrusted, refused, _) = Cli("get", url, "--store", Path.Combine(dir, "s2"), "--output", Path.Combine(dir, "b.bin"), "--retries", "5");
                Assert.AreEqual(1, untrusted, refused);
                StringAssert.Contains(refused, "TLS");
                Assert.IsFalse(refused.Contains("retry"), "a certificate failure is not retried: " + refused);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public async Task AStoreDirectoryKeepsOneBudgetAndAPlainGetDoesNotEvictADownload()
        {
            byte[] big = new byte[600 * 1024];
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.ETag = "\"1\"";
                context.Response.Headers.CacheControl = "max-age=60";
                await context.Response.Body.WriteAsync(context.Request.Path == "/big.bin" ? big : Encoding.ASCII.GetBytes("{}"));
            });
            string dir = TempDir();
            try
            {
                var (downloaded, output, _) = Cli("get", origin.Url("/big.bin"), "--store", dir, "--output", Path.Combine(dir, "..", Path.GetFileName(dir) + ".bin"));
                Assert.AreEqual(0, downloaded, output);
                var (got, plain, _) = Cli("get", origin.Url("/config.json"), "--store", dir);
                Assert.AreEqual(0, got, plain);
                Assert.IsFalse(plain.Contains("evicted"), plain);
                var (_, stats, _) = Cli("stats", dir);
                StringAssert.Contains(stats, "2 entries");
                StringAssert.Contains(stats, "budget: 256 entries, 1073741824 bytes");

                var (small, shrunk, _) = Cli("get", origin.Url("/config.json"), "--store", dir, "--max-bytes", "65536");
                Assert.AreEqual(0, small, shrunk);
                StringAssert.Contains(Cli("stats", dir).Output, "budget: 256 entries, 65536 bytes", "an explicit budget is kept for later commands");
            }
            finally
            {
                File.Delete(Path.Combine(dir, "..", Path.GetFileName(dir) + ".bin"));
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [TestMethod]
        public async Task StatsShowsPartialDownloadsAndChangesNothingClearAndRepairDo()
        {
            byte[] big = new byte[300 * 1024];
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                // Cut after 200 KB: a partial download stays in the store.
                context.Response.Headers.ETag = "\"p\"";
                context.Response.ContentLength = big.Length;
                await context.Response.Body.WriteAsync(big.AsMemory(0, 200 * 1024));
                await context.Response.Body.FlushAsync();
                context.Abort();
            });
            string dir = TempDir();
            try
            {
                var (exit, output, _) = Cli("get", origin.Url("/big.bin"), "--store", dir, "--output", Path.Combine(dir, "x.bin"), "--retries", "0");
                Assert.AreEqual(1, exit, output);
                File.WriteAllText(Path.Combine(dir, "e0badf00d.hcf"), "not a record");
                string[] before = Directory.GetFiles(dir).OrderBy(f => f).ToArray();
                string stats = Cli("stats", dir).Output;
                StringAssert.Contains(stats, "1 partial download(s)");
                StringAssert.Contains(stats, "needs repair");
                CollectionAssert.AreEqual(before, Directory.GetFiles(dir).OrderBy(f => f).ToArray(), "stats changed the directory");

                StringAssert.Contains(Cli("repair", dir).Output, "deleted 1 corrupt file(s)");
                Assert.IsFalse(File.Exists(Path.Combine(dir, "e0badf00d.hcf")));
                StringAssert.Contains(Cli("clear", dir).Output, "1 partial download(s)");
                StringAssert.Contains(Cli("stats", dir).Output, "0 entries, 0 bytes; 0 partial download(s)");
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
        public async Task NoResponseIsSaidAsAnErrorNotAsAMadeUpStatus()
        {
            var (refused, output, _) = Cli("get", "http://127.0.0.1:" + ClosedPort() + "/config.json");
            Assert.AreEqual(1, refused);
            StringAssert.StartsWith(output, "error: Connection to 127.0.0.1:");
            Assert.IsFalse(output.Contains("504"), output);

            byte[] big = new byte[5 * 1024 * 1024];
            await using TestOrigin origin = await TestOrigin.StartAsync(context => context.Response.Body.WriteAsync(big).AsTask());
            var (tooLarge, said, _) = Cli("get", origin.Url("/big.bin"));
            Assert.AreEqual(1, tooLarge, said);
            StringAssert.Contains(said, "--output FILE --store DIR");
        }

        [TestMethod]
        public async Task TheProxyLogsAnInvalidationAndCountsWhatClientsGot()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(context => context.Response.WriteAsync("ok"));
            StringWriter log = new StringWriter();
            await using CachingProxy proxy = new CachingProxy("http://127.0.0.1:0", origin.BaseUrl, new HttpCache.Nano.Storage.RamStore(16, 1 << 20), CacheMode.Shared, log);
            await proxy.StartAsync();
            await using CachingProxy lost = new CachingProxy("http://127.0.0.1:0", "http://127.0.0.1:" + ClosedPort(), new HttpCache.Nano.Storage.RamStore(16, 1 << 20), CacheMode.Shared, null);
            await lost.StartAsync();
            using System.Net.Http.HttpClient client = ProxyTests.Client();
            await client.PostAsync(proxy.Address + "/items", new System.Net.Http.StringContent("x"));
            Assert.AreEqual(502, (int)(await client.GetAsync(lost.Address + "/x")).StatusCode);

            // The proxy logs a request once its response is written: the client may have it a moment before.
            for (int i = 0; i < 100 && (!Logged(log).Contains("PASS(invalidates)") || lost.Answered.Length == 0); i++)
            {
                await Task.Delay(20);
            }

            StringAssert.Contains(Logged(log), "POST /items -> 200 PASS(invalidates)");
            Assert.AreEqual("502=1", lost.Answered, "the status clients got");
        }
    
        [TestMethod]
        public async Task AnOriginAnsweringWithAnOversizedHeaderIsABadGatewayNotAnOutage()
        {
            int calls = 0;
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = "\"1\"";
                if (Interlocked.Increment(ref calls) > 1)
                {
                    context.Response.Headers["X-Huge"] = new string('h', 70 * 1024);
                }

                await context.Response.WriteAsync("stored");
            });
            StringWriter log = new StringWriter();
            await using CachingProxy proxy = new CachingProxy("http://127.0.0.1:0", origin.BaseUrl, new HttpCache.Nano.Storage.RamStore(16, 1 << 20), CacheMode.Shared, log);
            await proxy.StartAsync();
            using System.Net.Http.HttpClient client = ProxyTests.Client();
            Assert.AreEqual("stored", await client.GetStringAsync(proxy.Address + "/a"));
            System.Net.Http.HttpResponseMessage second = await client.GetAsync(proxy.Address + "/a");
            Assert.AreEqual(502, (int)second.StatusCode, "not the stored copy labelled stale: the origin answered, badly");
            for (int i = 0; i < 100 && !Logged(log).Contains("BAD-ORIGIN-RESPONSE"); i++)
            {
                await Task.Delay(20);
            }

            StringAssert.Contains(Logged(log), "-> 502 BAD-ORIGIN-RESPONSE");
            Assert.IsFalse(Logged(log).Contains("STALE"), Logged(log));
        }
    }
}
