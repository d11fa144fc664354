// FileDownload: `httpcache get URL --store DIR --output FILE` — a large body through the flash store into a file,
// resumed after a dropped connection, revalidated (a 304) when run again.
using System;
using System.IO;
using HttpCache.Nano;
using HttpCache.Nano.Download;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Desktop.Download
{
    /// <summary>Downloads through <see cref="FlashDownloader"/> and copies the stored body to a file.</summary>
    public static class FileDownload
    {
        /// <summary>Runs the download; 0 when the file holds the complete body.</summary>
        public static int Run(string url, string storeDirectory, string outputFile, int retries, TextWriter output)
        {
            FlashStore store = new FlashStore(storeDirectory, 64, 4L * 1024 * 1024 * 1024 / 4);
            SocketTransport transport = new SocketTransport();
            FlashDownloader downloader = new FlashDownloader(transport, store, new SystemClock(), new CacheOptions()) { ChunkBytes = 16384 };
            Progress progress = new Progress(output);
            long received = 0;
            DownloadResult result = null;
            for (int attempt = 0; attempt <= retries; attempt++)
            {
                result = downloader.Get(url, progress);
                received += result.BodyBytesReceived;
                if (result.Outcome != DownloadOutcome.Interrupted)
                {
                    break;
                }

                progress.End();
                output.WriteLine($"interrupted at {result.StoredLength} bytes ({result.Error}); resuming ({attempt + 1} of {retries})");
            }

            progress.End();
            output.WriteLine($"{Describe(result.Outcome)}: {result.StoredLength} bytes stored, {received} body bytes received from the origin, {transport.ConnectionsOpened} connection(s)");
            if (!result.IsComplete)
            {
                output.WriteLine("not complete: " + (result.Error ?? result.Outcome.ToString()) + (result.Outcome == DownloadOutcome.Interrupted ? " (run again to resume)" : string.Empty));
                return 1;
            }

            using (FlashBodyStream body = store.OpenBody(CacheKey.Of("GET", url)))
            using (FileStream file = new FileStream(outputFile, FileMode.Create, FileAccess.Write))
            {
                body.CopyTo(file);
            }

            output.WriteLine("wrote " + outputFile);
            return 0;
        }

        private static string Describe(DownloadOutcome outcome) => outcome switch
        {
            DownloadOutcome.Fresh => "fresh in the store, no request",
            DownloadOutcome.Revalidated => "unchanged (304), nothing downloaded",
            DownloadOutcome.Downloaded => "downloaded",
            DownloadOutcome.Resumed => "downloaded, resumed after interruptions",
            DownloadOutcome.Interrupted => "interrupted",
            _ => "not stored",
        };

        // One progress line, rewritten in place every 5%.
        private sealed class Progress : IDownloadProgress
        {
            private readonly TextWriter _output;
            private long _shown = -1;

            public Progress(TextWriter output)
            {
                _output = output;
            }

            public void OnProgress(long stored, long total)
            {
                long step = total > 0 ? stored * 20 / total : stored / (1024 * 1024);
                if (step == _shown)
                {
                    return;
                }

                _shown = step;
                _output.Write(total > 0 ? $"\r{stored} / {total} bytes ({stored * 100 / total}%)" : $"\r{stored} bytes");
            }

            public void End()
            {
                if (_shown >= 0)
                {
                    _output.WriteLine();
                    _shown = -1;
                }
            }
        }
    }
}
