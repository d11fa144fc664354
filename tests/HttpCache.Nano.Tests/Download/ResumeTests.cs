// Large bodies into flash through a real Kestrel origin on 127.0.0.1 that drops the connection part-way, again and again.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano.Download;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Download
{
    [TestClass]
    public class ResumeTests
    {
        private const int Size = 4 * 1024 * 1024;

        // Serves one of two versions of a 4 MB body with Range and If-Range support, aborting a response after the
        // number of bytes the next queued cut says (none left: the whole response).
        private sealed class DroppingOrigin
        {
            public readonly byte[][] Versions = { Data(1), Data(2) };
            public readonly ConcurrentQueue<int> Cuts = new ConcurrentQueue<int>();
            public readonly ConcurrentQueue<(string Range, string IfRange, int Status)> Seen = new ConcurrentQueue<(string, string, int)>();
            public volatile int Version;

            public string ETag => "\"v" + (Version + 1) + "\"";

            public async Task Handle(HttpContext context)
            {
                byte[] body = Versions[Version];
                string range = context.Request.Headers.Range;
                string ifRange = context.Request.Headers.IfRange;
                context.Response.Headers.ETag = ETag;
                context.Response.Headers.CacheControl = "max-age=0";
                long from = 0;
                if (range != null && range.StartsWith("bytes=") && range.EndsWith("-") && (ifRange == null || ifRange == ETag))
                {
                    from = long.Parse(range.Substring(6, range.Length - 7));
                }

                if (context.Request.Headers.IfNoneMatch == ETag)
                {
                    context.Response.StatusCode = 304;
                    Seen.Enqueue((range, ifRange, 304));
                    return;
                }

                context.Response.StatusCode = from > 0 ? 206 : 200;
                if (from > 0)
                {
                    context.Response.Headers.ContentRange = "bytes " + from + "-" + (body.Length - 1) + "/" + body.Length;
                }

                context.Response.ContentLength = body.Length - from;
                Seen.Enqueue((range, ifRange, context.Response.StatusCode));
                int cut = Cuts.TryDequeue(out int c) ? c : int.MaxValue;
                long end = Math.Min(body.Length, from + (long)cut);
                for (long p = from; p < end; p += 16384)
                {
                    await context.Response.Body.WriteAsync(body.AsMemory((int)p, (int)Math.Min(16384, end - p)));
                }

                if (end < body.Length)
                {
                    await context.Response.Body.FlushAsync();
                    context.Abort();
                }
            }

            private static byte[] Data(int seed)
            {
                byte[] data = new byte[Size];
                new Random(seed).NextBytes(data);
                return data;
            }
        }

        private static string TempDir() => Path.Combine(Path.GetTempPath(), "httpcache-resume-" + Guid.NewGuid().ToString("N"));

        private static byte[] ReadBody(FlashStore store, string url)
        {
            using FlashBodyStream body = store.OpenBody(CacheKey.Of("GET", url));
            using MemoryStream copy = new MemoryStream();
            body.CopyTo(copy);
            return copy.ToArray();
        }

        private sealed class Progress : IDownloadProgress
        {
            public long Calls;
            public long Last = -1;
            public bool Monotonic = true;

            public void OnProgress(long stored, long total)
            {
                Calls++;
                Monotonic &= stored > Last && total == Size;
                Last = stored;
            }
        }

        [TestMethod]
        [Timeout(120000, CooperativeCancellation = true)]
        public async Task TwentyDroppedConnectionsThenTheBodyIsWholeAndEveryByteCameOnce()
        {
            DroppingOrigin behaviour = new DroppingOrigin();
            Random random = new Random(2026);
            for (int i = 0; i < 20; i++)
            {
                behaviour.Cuts.Enqueue(random.Next(1000, 300000));
            }

            await using TestOrigin origin = await TestOrigin.StartAsync(behaviour.Handle);
            string dir = TempDir();
            try
            {
                FlashStore store = new FlashStore(dir, 4, 16L * 1024 * 1024);
                FlashDownloader downloader = new FlashDownloader(new SocketTransport(), store, new SystemClock(), new CacheOptions());
                string url = origin.Url("/firmware.bin");
                Progress progress = new Progress();
                long received = 0;
                DownloadResult result = null;
                int calls = 0;
                while (calls < 30 && (result == null || !result.IsComplete))
                {
                    result = downloader.Get(url, progress);
                    received += result.BodyBytesReceived;
                    calls++;
                }

                Assert.AreEqual(DownloadOutcome.Resumed, result.Outcome, result.Error);
                Assert.AreEqual(21, calls, "twenty interrupted, then complete");
                CollectionAssert.AreEqual(behaviour.Versions[0], ReadBody(store, url), "byte-identical");
                Assert.AreEqual((long)Size, received, "no byte received twice");
                (string Range, string IfRange, int Status)[] seen = behaviour.Seen.ToArray();
                // Cuts that came before any byte of the body reached the client leave nothing to resume: those ask again whole.
                seen = seen.SkipWhile(s => s.Range == null).ToArray();
                Assert.IsTrue(seen.Length >= 15, "resumed " + seen.Length + " times");
                Assert.IsTrue(seen.All(s => s.Range != null && s.Range.StartsWith("bytes=") && s.IfRange == "\"v1\"" && s.Status == 206), "every resume carried Range and If-Range: " + string.Join(" | ", seen.Select(s => s.Range + " " + s.IfRange + " " + s.Status)));
                Assert.IsTrue(progress.Monotonic && progress.Last == Size);

                // Run again: fresh for 0 s, so a 304 — no body, no flash write.
                long writes = store.Writes;
                DownloadResult again = downloader.Get(url, null);
                Assert.AreEqual(DownloadOutcome.Revalidated, again.Outcome);
                Assert.AreEqual(writes, store.Writes, "a 304 for max-age=0 writes nothing: its renewal would buy no later wake");
                CollectionAssert.AreEqual(behaviour.Versions[0], ReadBody(store, url), "and the body is untouched");

                // After a reboot the store still holds it.
                Assert.AreEqual(DownloadOutcome.Revalidated, new FlashDownloader(new SocketTransport(), new FlashStore(dir, 4, 16L * 1024 * 1024), new SystemClock(), new CacheOptions()).Get(url, null).Outcome);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        [Timeout(120000, CooperativeCancellation = true)]
        public async Task WebRequestTransportResumesThroughAddRangeToo()
        {
            DroppingOrigin behaviour = new DroppingOrigin();
            Random random = new Random(9);
            for (int i = 0; i < 5; i++)
            {
                behaviour.Cuts.Enqueue(random.Next(200000, 900000));
            }

            await using TestOrigin origin = await TestOrigin.StartAsync(behaviour.Handle);
            string dir = TempDir();
            try
            {
                FlashStore store = new FlashStore(dir, 4, 16L * 1024 * 1024);
                FlashDownloader downloader = new FlashDownloader(new WebRequestTransport(), store, new SystemClock(), new CacheOptions());
                string url = origin.Url("/bundle.bin");
                DownloadResult result = null;
                long received = 0;
                for (int calls = 0; calls < 20 && (result == null || !result.IsComplete); calls++)
                {
                    result = downloader.Get(url, null);
                    received += result.BodyBytesReceived;
                }

                Assert.IsTrue(result.IsComplete, result.Outcome + " " + result.Error);
                CollectionAssert.AreEqual(behaviour.Versions[0], ReadBody(store, url));
                Assert.IsTrue(received >= Size, "received " + received);
                (string Range, string IfRange, int Status)[] resumed = behaviour.Seen.SkipWhile(s => s.Range == null).ToArray();
                Assert.IsTrue(resumed.Length >= 1 && resumed.All(s => s.Range.StartsWith("bytes=") && s.IfRange == "\"v1\"" && s.Status == 206),
                    string.Join(" | ", behaviour.Seen.Select(s => s.Range + " " + s.IfRange + " " + s.Status)));
                Assert.AreEqual(DownloadOutcome.Revalidated, downloader.Get(url, null).Outcome, "a 304 through HttpWebRequest as well");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        [Timeout(120000, CooperativeCancellation = true)]
        public async Task ADownloadCutAcrossARebootResumesAndAChangeMidWayStartsAgain()
        {
            DroppingOrigin behaviour = new DroppingOrigin();
            behaviour.Cuts.Enqueue(1_000_000);
            behaviour.Cuts.Enqueue(700_000);
            await using TestOrigin origin = await TestOrigin.StartAsync(behaviour.Handle);
            string dir = TempDir();
            try
            {
                string url = origin.Url("/display.bmp");
                FlashStore before = new FlashStore(dir, 4, 16L * 1024 * 1024);
                Assert.AreEqual(DownloadOutcome.Interrupted, new FlashDownloader(new SocketTransport(), before, new SystemClock(), new CacheOptions()).Get(url, null).Outcome);

                // A reboot: the part is found on flash and resumed from where it stopped.
                FlashStore after = new FlashStore(dir, 4, 16L * 1024 * 1024);
                FlashDownload part = after.FindDownload(CacheKey.Of("GET", url));
                Assert.IsNotNull(part);
                Assert.IsTrue(part.StoredLength > 0 && part.StoredLength <= 1_000_000L, "what arrived before the reset: " + part.StoredLength);
                long stored = part.StoredLength;
                FlashDownloader downloader = new FlashDownloader(new SocketTransport(), after, new SystemClock(), new CacheOptions());
                Assert.AreEqual(DownloadOutcome.Interrupted, downloader.Get(url, null).Outcome);
                Assert.AreEqual("bytes=" + stored + "-", behaviour.Seen.ToArray()[1].Range, "resumed where the part ends");

                // The resource changes: If-Range fails, the origin sends the new version whole, and that is what is stored.
                behaviour.Version = 1;
                DownloadResult result = downloader.Get(url, null);
                Assert.AreEqual(DownloadOutcome.Downloaded, result.Outcome, result.Error);
                CollectionAssert.AreEqual(behaviour.Versions[1], ReadBody(after, url));
                Assert.IsNull(after.FindDownload(CacheKey.Of("GET", url)), "the old part is gone");
                Assert.AreEqual(200, behaviour.Seen.Last().Status);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public async Task AFourMegabyteDownloadAllocatesLittleOnTheCallingThread()
        {
            DroppingOrigin behaviour = new DroppingOrigin();
            await using TestOrigin origin = await TestOrigin.StartAsync(behaviour.Handle);
            string dir = TempDir();
            try
            {
                FlashStore store = new FlashStore(dir, 4, 16L * 1024 * 1024);
                FlashDownloader downloader = new FlashDownloader(new SocketTransport(), store, new SystemClock(), new CacheOptions());
                downloader.Get(origin.Url("/warm"), null);
                long before = GC.GetAllocatedBytesForCurrentThread();
                DownloadResult result = downloader.Get(origin.Url("/large.bin"), null);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.AreEqual(DownloadOutcome.Downloaded, result.Outcome, result.Error);
                Console.WriteLine("4 MB download into flash: " + allocated + " bytes allocated on the calling thread");
                Assert.IsTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
