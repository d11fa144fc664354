// The httpcache CLI: the demo's figures checked against its origin's own log, and argument errors.
using System;
using System.IO;
using HttpCache.Desktop;
using HttpCache.Desktop.Demo;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class CliTests
    {
        [TestMethod]
        public void TheDemoFiguresAgreeWithWhatTheOriginSent()
        {
            StringWriter output = new StringWriter();
            DemoResult result = DemoRunner.Run(new DemoOptions { Polls = 9, IntervalMilliseconds = 400, ChangeEvery = 4, MaxAgeSeconds = 1, Port = 0 }, output);
            CacheStats stats = result.Stats;
            Assert.AreEqual(9L, stats.Requests);
            Assert.AreEqual((long)result.OriginFullResponses, stats.FullResponses, output.ToString());
            Assert.AreEqual((long)result.OriginNotModified, stats.NotModified, output.ToString());
            Assert.AreEqual(result.OriginBodyBytes, stats.BodyBytesReceived);
            Assert.AreEqual(9L, stats.FreshHits + stats.NotModified + stats.FullResponses);
            // Timing decides whether a change is seen at once or after max-age; every full response is a new version.
            Assert.AreEqual(result.OriginFullResponses, result.ConfigChangesApplied);
            Assert.IsTrue(result.ConfigChangesApplied >= 1 && result.ConfigChangesApplied <= 3, output.ToString());
            Assert.IsTrue(result.WireBytes < result.WireBytesWithoutCache);
            StringAssert.Contains(output.ToString(), "| 304 Not Modified");
            StringAssert.Contains(output.ToString(), "poll   9");
        }

        [TestMethod]
        public void TheDemoCommandRunsWithAFlashStoreAndAPrice()
        {
            string dir = Path.Combine(Path.GetTempPath(), "httpcache-cli-" + Guid.NewGuid().ToString("N"));
            try
            {
                StringWriter output = new StringWriter();
                StringWriter error = new StringWriter();
                int exit = Program.Run(new[] { "demo", "--polls", "4", "--interval-ms", "10", "--change-every", "2", "--store", dir, "--price-per-mb", "2.5", "--port", "0" }, output, error);
                Assert.AreEqual(0, exit, error.ToString());
                string text = output.ToString();
                StringAssert.Contains(text, "| flash writes                 |           1 |", "fresh for 2 s: the change at poll 3 is not seen yet, and nothing else is written");
                StringAssert.Contains(text, "metered link cost");
                output = new StringWriter();
                Assert.AreEqual(0, Program.Run(new[] { "stats", dir }, output, error));
                StringAssert.Contains(output.ToString(), "1 entries");
                StringAssert.Contains(output.ToString(), "/device/config");
                output = new StringWriter();
                Assert.AreEqual(0, Program.Run(new[] { "clear", dir }, output, error));
                StringAssert.Contains(output.ToString(), "removed 1 entries");
                CollectionAssert.AreEqual(new[] { "httpcache.budget" }, Array.ConvertAll(Directory.GetFiles(dir), Path.GetFileName), "only the directory's budget is left");
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
        public async System.Threading.Tasks.Task GetWithAStoreIsAFreshHitWithinALifetimeA304RenewedInAnEarlierRun()
        {
            // Each run opens the store anew, as each process of the tool does and as each wake of a device does.
            var (origin, resources) = await HttpCache.Nano.Tests.Support.ResourceOrigin.StartAsync();
            string dir = Path.Combine(Path.GetTempPath(), "httpcache-cli-" + Guid.NewGuid().ToString("N"));
            try
            {
                resources["/config"] = new HttpCache.Nano.Tests.Support.Resource { Body = System.Text.Encoding.UTF8.GetBytes("{}"), ETag = "\"v1\"", CacheControl = "max-age=3" };
                string[] get = { "get", origin.Url("/config"), "--store", dir };
                StringWriter output = new StringWriter();
                Assert.AreEqual(0, Program.Run(get, output, new StringWriter()));
                System.Threading.Thread.Sleep(3300);
                Assert.AreEqual(0, Program.Run(get, output = new StringWriter(), new StringWriter()));
                StringAssert.Contains(output.ToString(), "CacheRevalidated", "stale after 3 s: a 304");
                Assert.AreEqual(0, Program.Run(get, output = new StringWriter(), new StringWriter()));
                StringAssert.Contains(output.ToString(), "Cache", "the next run is a fresh hit");
                Assert.IsFalse(output.ToString().Contains("CacheRevalidated"), output.ToString());
                Assert.AreEqual(2, origin.Seen.Count, "two requests for three runs");
            }
            finally
            {
                await origin.DisposeAsync();
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [TestMethod]
        public void TheProxyIsASharedCacheUnlessToldPrivateAndSaysWhich()
        {
            StringWriter output = new StringWriter();
            Assert.AreEqual(0, Program.Run(new[] { "proxy", "--help" }, output, new StringWriter()));
            StringAssert.Contains(output.ToString(), "--private");
            StringAssert.Contains(output.ToString(), "shared cache");
            StringAssert.Contains(output.ToString(), "Single-user mode");
            HttpCache.Desktop.Proxy.CachingProxy shared = new HttpCache.Desktop.Proxy.CachingProxy("http://127.0.0.1:0", "http://127.0.0.1:1", new HttpCache.Nano.Storage.RamStore(4, 4096), CacheMode.Shared, null);
            HttpCache.Desktop.Proxy.CachingProxy single = new HttpCache.Desktop.Proxy.CachingProxy("http://127.0.0.1:0", "http://127.0.0.1:1", new HttpCache.Nano.Storage.RamStore(4, 4096), CacheMode.Private, null);
            StringAssert.Contains(shared.StartupLine, "(shared cache:");
            StringAssert.Contains(single.StartupLine, "(--private: single-user cache");
        }

        [TestMethod]
        public void BadArgumentsGiveAClearErrorAndANonZeroExit()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();
            Assert.AreNotEqual(0, Program.Run(new[] { "demo", "--polls", "many" }, output, error));
            StringAssert.Contains(error.ToString() + output.ToString(), "many");
            error = new StringWriter();
            Assert.AreEqual(2, Program.Run(new[] { "demo", "--polls", "0" }, output, error));
            StringAssert.Contains(error.ToString(), "--polls");
            error = new StringWriter();
            Assert.AreEqual(2, Program.Run(new[] { "get", "not-a-url" }, output, error));
            StringAssert.Contains(error.ToString(), "Not an absolute http or https URL");
            error = new StringWriter();
            Assert.AreEqual(2, Program.Run(new[] { "stats", "/no/such/dir/anywhere" }, output, error));
            StringAssert.Contains(error.ToString(), "no such directory");
            Assert.AreNotEqual(0, Program.Run(new[] { "proxy" }, output, new StringWriter()), "--origin is required");
        }

        [TestMethod]
        public async System.Threading.Tasks.Task GetWithOutputResumesADroppedDownloadAndRevalidatesWhenRunAgain()
        {
            byte[] data = new byte[300 * 1024];
            new Random(7).NextBytes(data);
            int requests = 0;
            await using HttpCache.Nano.Tests.Support.TestOrigin origin = await HttpCache.Nano.Tests.Support.TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=0";
                if (System.Threading.Interlocked.Increment(ref requests) == 1)
                {
                    context.Response.Headers.ETag = "\"d1\"";
                    context.Response.ContentLength = data.Length;
                    await context.Response.Body.WriteAsync(data.AsMemory(0, 100 * 1024));
                    await context.Response.Body.FlushAsync();
                    context.Abort();
                    return;
                }

                await Microsoft.AspNetCore.Http.Results.Bytes(data, "application/octet-stream", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"d1\""), enableRangeProcessing: true).ExecuteAsync(context);
            });
            string dir = Path.Combine(Path.GetTempPath(), "httpcache-get-" + Guid.NewGuid().ToString("N"));
            string file = Path.Combine(Path.GetTempPath(), "httpcache-get-" + Guid.NewGuid().ToString("N") + ".bin");
            try
            {
                StringWriter output = new StringWriter();
                StringWriter error = new StringWriter();
                int exit = Program.Run(new[] { "get", origin.Url("/image.bin"), "--store", dir, "--output", file, "--retries", "3" }, output, error);
                Assert.AreEqual(0, exit, output + " " + error);
                StringAssert.Contains(output.ToString(), "retry 1 of 3");
                StringAssert.Contains(output.ToString(), "downloaded, resumed after interruptions");
                CollectionAssert.AreEqual(data, File.ReadAllBytes(file));
                StringAssert.StartsWith(origin.Seen[1].Header("Range"), "bytes=", "the retry asked only for the rest");

                output = new StringWriter();
                Assert.AreEqual(0, Program.Run(new[] { "get", origin.Url("/image.bin"), "--store", dir, "--output", file }, output, error));
                StringAssert.Contains(output.ToString(), "unchanged (304), nothing downloaded");
                StringAssert.Contains(output.ToString(), "0 body bytes received");
                Assert.AreEqual(2, Program.Run(new[] { "get", origin.Url("/image.bin"), "--output", file }, output, error), "--output needs a flash store");
            }
            finally
            {
                Directory.Delete(dir, true);
                File.Delete(file);
            }
        }
    }
}
