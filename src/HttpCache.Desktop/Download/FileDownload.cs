// FileDownload: `httpcache get URL --store DIR --output FILE` — a large body through the flash store into a file,
// resumed after a dropped connection, revalidated (a 304) when run again.
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
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
        /// <summary>The longest wait between two attempts.</summary>
        public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

        /// <summary>The wait before the first retry; it doubles with each one.</summary>
        public static TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// Runs the download: 0 when the file holds the complete body, 1 when it does not, 130 when Ctrl-C (143 SIGTERM)
        /// stopped it (what arrived is kept: run again to resume). Retries only what can succeed — a dropped connection,
        /// a timeout, a 5xx — with back-off; a refused connection, an unreachable host or a TLS failure stops at once.
        /// </summary>
        public static int Run(string url, FlashStore store, string outputFile, int retries, TlsAuthenticator tls, TextWriter output)
        {
            if (Directory.Exists(outputFile))
            {
                throw new ArgumentException("--output names a directory: give a file path, e.g. " + Path.Combine(outputFile, "body.bin"));
            }

            SocketTransport transport = new SocketTransport { TlsAuthenticator = tls };
            FlashDownloader downloader = new FlashDownloader(transport, store, new SystemClock(), new CacheOptions()) { ChunkBytes = 16384 };
            Progress progress = new Progress(output, !Console.IsOutputRedirected && output == Console.Out);
            using ManualResetEventSlim stopped = new ManualResetEventSlim();
            PosixSignal received = 0;
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true;
                received = context.Signal;
                stopped.Set();
                downloader.Stop();
            }

            using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            long bodyBytes = 0;
            DownloadResult result = null;
            TimeSpan backoff = FirstBackoff;
            for (int attempt = 0; ; attempt++)
            {
                result = downloader.Get(url, progress);
                bodyBytes += result.BodyBytesReceived;
                progress.End();
                if (stopped.IsSet)
                {
                    output.WriteLine($"stopped: {result.StoredLength} bytes kept in {store.Directory}; run the same command again to resume");
                    return received == PosixSignal.SIGINT ? 130 : 143;
                }

                if (result.IsComplete || !Retryable(result))
                {
                    break;
                }

                if (attempt == retries)
                {
                    output.WriteLine($"gave up after {retries} retr{(retries == 1 ? "y" : "ies")}: {result.Error}");
                    break;
                }

                output.WriteLine($"{(result.Outcome == DownloadOutcome.Interrupted ? "interrupted at " + result.StoredLength + " bytes" : "failed")} ({result.Error}); retry {attempt + 1} of {retries} in {backoff.TotalSeconds:0.#} s");
                if (stopped.Wait(backoff))
                {
                    output.WriteLine($"stopped: {result.StoredLength} bytes kept in {store.Directory}; run the same command again to resume");
                    return received == PosixSignal.SIGINT ? 130 : 143;
                }

                backoff = backoff + backoff < MaxBackoff ? backoff + backoff : MaxBackoff;
            }

            output.WriteLine($"{Describe(result.Outcome)}: {result.StoredLength} bytes stored, {bodyBytes} body bytes received from the origin, {transport.ConnectionsOpened} connection(s)");
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

        // What another attempt can change: a connection that dropped or timed out, a server error. Not a refusal, an
        // unknown host or a certificate: those stay until someone fixes them.
        private static bool Retryable(DownloadResult result)
        {
            if (result.Outcome == DownloadOutcome.Interrupted)
            {
                return result.Failure == TransportFailure.ConnectionLost || result.Failure == TransportFailure.Timeout;
            }

            return result.Outcome == DownloadOutcome.NotStored && result.StatusCode >= 500;
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

        // On a terminal, one line rewritten in place; into a pipe or a file, a plain line every 10%. With rate and ETA.
        private sealed class Progress : IDownloadProgress
        {
            private readonly TextWriter _output;
            private readonly bool _terminal;
            private readonly Stopwatch _clock = Stopwatch.StartNew();
            private long _shown = -1;
            private long _startBytes = -1;

            public Progress(TextWriter output, bool terminal)
            {
                _output = output;
                _terminal = terminal;
            }

            public void OnProgress(long stored, long total)
            {
                long steps = _terminal ? 100 : 10;
                long step = total > 0 ? stored * steps / total : stored / (1024 * 1024);
                if (_startBytes < 0)
                {
                    _startBytes = stored;
                    _clock.Restart();
                }

                if (step == _shown)
                {
                    return;
                }

                _shown = step;
                double seconds = _clock.Elapsed.TotalSeconds;
                double rate = seconds > 0.2 ? (stored - _startBytes) / seconds : 0;
                string text = total > 0 ? $"{stored} / {total} bytes ({stored * 100 / total}%)" : $"{stored} bytes";
                if (rate > 0)
                {
                    text += $", {rate / 1024:0} KB/s";
                    if (total > 0)
                    {
                        text += $", {TimeSpan.FromSeconds((total - stored) / rate):m\\:ss} left";
                    }
                }

                if (_terminal)
                {
                    _output.Write("\r" + text + "   ");
                }
                else
                {
                    _output.WriteLine(text);
                }
            }

            public void End()
            {
                if (_shown >= 0 && _terminal)
                {
                    _output.WriteLine();
                }

                _shown = -1;
                _startBytes = -1;
            }
        }
    }
}
