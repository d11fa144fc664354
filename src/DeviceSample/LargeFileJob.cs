// LargeFileJob: the sample's second job — a large file through its own flash store, resumed when the link drops.
using System;
using HttpCache.Nano;
using HttpCache.Nano.Download;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace DeviceSample
{
    /// <summary>
    /// Downloads <see cref="DeviceConfig.LargeFileUrl"/> into a flash store a chunk at a time (the heap used does not
    /// grow with the file), logging progress every 10%. A dropped connection is resumed at once, up to
    /// <see cref="DeviceConfig.LargeFileRetries"/> times; a reboot resumes from what flash holds; an unchanged file
    /// costs a 304 and no flash write.
    /// </summary>
    public sealed class LargeFileJob : IDownloadProgress
    {
        private readonly FlashDownloader _downloader;
        private readonly FlashStore _store;
        private long _logged = -1;

        /// <summary>Creates the job over its own store, sharing the transport (and its kept connection) with the config poll.</summary>
        public LargeFileJob(SocketTransport transport, IClock clock)
        {
            _store = new FlashStore(DeviceConfig.LargeFileDirectory, 2, DeviceConfig.LargeFileBytes);
            _downloader = new FlashDownloader(transport, _store, clock, new CacheOptions());
        }

        /// <summary>Brings the file up to date; true when it is complete (then <see cref="OpenFile"/> reads it).</summary>
        public bool Run()
        {
            DownloadResult result = null;
            for (int attempt = 0; attempt <= DeviceConfig.LargeFileRetries; attempt++)
            {
                result = _downloader.Get(DeviceConfig.LargeFileUrl, this);
                if (result.Outcome != DownloadOutcome.Interrupted)
                {
                    break;
                }

                Console.WriteLine("large file: interrupted at " + result.StoredLength + " bytes (" + result.Error + "), resuming");
            }

            Console.WriteLine("large file: " + result.Outcome.ToString() + ", " + result.StoredLength + " of " + result.TotalLength + " bytes, "
                + result.BodyBytesReceived + " received" + (result.Error != null ? " (" + result.Error + ")" : ""));
            return result.IsComplete;
        }

        /// <summary>The stored file as a stream (its CRC checked at the end: read it to the end before using it), or null.</summary>
        public FlashBodyStream OpenFile()
        {
            return _store.OpenBody(CacheKey.Of("GET", DeviceConfig.LargeFileUrl));
        }

        /// <inheritdoc />
        public void OnProgress(long stored, long total)
        {
            long step = total > 0 ? stored * 10 / total : stored / 65536;
            if (step != _logged)
            {
                _logged = step;
                Console.WriteLine("large file: " + stored + (total > 0 ? " / " + total : "") + " bytes");
            }
        }
    }
}
