// FlashStore.Downloads: partial downloads (FlashDownload) on the store's flash and in its budget — started, found
// again after a reboot, completed into an ordinary entry, dropped.
using System.IO;

namespace HttpCache.Nano.Storage
{
    public sealed partial class FlashStore
    {
        /// <summary>Partial downloads kept at once; starting another drops the oldest.</summary>
        public const int MaxDownloads = 2;

        private const string DownloadExtension = ".dlm";
        private const string DownloadTempExtension = ".dlt";
        private readonly FlashDownload[] _downloads = new FlashDownload[MaxDownloads];
        private readonly long[] _downloadReserved = new long[MaxDownloads];
#if NANOFRAMEWORK_1_0
        private long _segmentSize = 32 * 1024;
#else
        private long _segmentSize = 256 * 1024;
#endif

        /// <summary>
        /// Bytes per download segment (default 32 KB on the device, 256 KB on desktop): the most a power cut can lose,
        /// and the unit of flash file operations while downloading (each segment costs about 3 KB of short-lived heap
        /// on desktop: its file written, moved in, read back). A dropped connection loses nothing: the open segment is
        /// committed as it is.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Below 512 bytes.</exception>
        public long DownloadSegmentBytes
        {
            get { return _segmentSize; }
            set
            {
                if (value < 512)
                {
                    throw new System.ArgumentOutOfRangeException("value");
                }

                _segmentSize = value;
            }
        }

        /// <summary>The metadata of a complete entry (status, fields, freshness; no body), without reading the body: for large entries.</summary>
        public CacheEntry FindHead(CacheKey key)
        {
            int slot = _index.Find(key);
            return slot < 0 ? null : _meta[slot];
        }

        /// <summary>
        /// Replaces the metadata of a stored entry after a 304, as <see cref="Freshen"/> does: for large entries, whose
        /// body is neither read nor rewritten (a renewal record keeps what the 304 taught across reboots).
        /// </summary>
        public void FreshenHead(CacheKey key, CacheEntry head)
        {
            Freshen(key, head, false);
        }

        /// <summary>The partial download of <paramref name="key"/>, or null.</summary>
        public FlashDownload FindDownload(CacheKey key)
        {
            int at = DownloadIndex(key.Normalized);
            return at < 0 ? null : _downloads[at];
        }

        /// <summary>
        /// Starts a partial download of <paramref name="key"/> (dropping an older one of the key) for a response whose
        /// metadata is <paramref name="head"/> and whose complete length is <paramref name="totalLength"/> (-1 unknown),
        /// making room for it in the budget; null when it could never fit or flash fails.
        /// </summary>
        public FlashDownload StartDownload(CacheKey key, CacheEntry head, long totalLength)
        {
            int existing = DownloadIndex(key.Normalized);
            if (existing >= 0)
            {
                DropDownloadAt(existing);
            }

            long reserve = totalLength >= 0 ? totalLength + head.Headers.Length + 256 : _segmentSize;
            if (reserve > _maxEntryBytes)
            {
                _rejections++;
                return null;
            }

            int free = DownloadIndex(null);
            if (free < 0)
            {
                DropDownloadAt(OldestDownload());
                free = DownloadIndex(null);
            }

            MakeRoom(reserve);
            CacheEntry meta = new CacheEntry(head.Key, head.StatusCode, head.ReasonPhrase, head.Headers, new byte[0], head.Info, head.VaryValues, head.CredentialHash);
            string path = DownloadPath(key.Normalized, "d", DownloadExtension);
            string temp = DownloadPath(key.Normalized, "d", DownloadTempExtension);
            try
            {
                Stream stream = _fs.Create(temp);
                try
                {
                    FlashRecord.Write(stream, FlashRecord.EncodeHead(++_sequence, meta), meta.Body);
                }
                finally
                {
                    stream.Dispose();
                }

                _fs.Delete(path);
                _fs.Move(temp, path);
                _writes++;
            }
            catch (IOException)
            {
                _writeFailures++;
                TryDelete(temp);
                return null;
            }

            FlashDownload download = new FlashDownload(this, key, WithoutBody(meta), totalLength, 0, 0);
            _downloads[free] = download;
            _downloadReserved[free] = reserve;
            return download;
        }

        /// <summary>
        /// Turns a download whose every byte is stored into an ordinary entry (the body copied once from its segments,
        /// each checked against its CRC) and removes the segments; false when a segment is missing or corrupt (the
        /// download is dropped) or the entry cannot be written.
        /// </summary>
        public bool CompleteDownload(FlashDownload download, CacheEntry head)
        {
            download.Commit();
            int at = DownloadIndex(download.Key.Normalized);
            if (at < 0 || (download.TotalLength >= 0 && download.StoredLength != download.TotalLength) || download.StoredLength > int.MaxValue)
            {
                return false;
            }

            // Out of the table (and its reservation out of the budget) while the entry is written: eviction leaves it alone.
            _downloads[at] = null;
            _downloadReserved[at] = 0;
            int length = (int)download.StoredLength;
            CacheEntry entry = new CacheEntry(download.Key.Normalized, head.StatusCode, head.ReasonPhrase, head.Headers, new byte[0], head.Info, head.VaryValues, head.CredentialHash);
            bool stored;
            using (SegmentStream body = new SegmentStream(this, download))
            {
                stored = Store(download.Key, entry, FlashRecord.EncodeHead(_sequence + 1, entry, length), null, body, length);
            }

            DeleteDownloadFiles(download);
            return stored;
        }

        /// <summary>The partial downloads kept, in no order (a new array).</summary>
        public FlashDownload[] PartialDownloads()
        {
            int count = 0;
            for (int i = 0; i < _downloads.Length; i++)
            {
                count += _downloads[i] != null ? 1 : 0;
            }

            FlashDownload[] list = new FlashDownload[count];
            count = 0;
            for (int i = 0; i < _downloads.Length; i++)
            {
                if (_downloads[i] != null)
                {
                    list[count++] = _downloads[i];
                }
            }

            return list;
        }

        /// <summary>Removes a partial download and its files.</summary>
        public void DropDownload(FlashDownload download)
        {
            int at = DownloadIndex(download.Key.Normalized);
            if (at >= 0)
            {
                DropDownloadAt(at);
            }
        }

        internal Stream OpenSegment(FlashDownload download, int segment)
        {
            return _fs.Create(DownloadPath(download.Key.Normalized, "q", "." + FlashDownload.Name(segment)));
        }

        internal void CloseSegment(FlashDownload download, int segment, long bytes)
        {
            string name = "." + FlashDownload.Name(segment);
            _fs.Move(DownloadPath(download.Key.Normalized, "q", name), DownloadPath(download.Key.Normalized, "p", name));
            _writes++;
            _bytesWritten += bytes + 4;
        }

        internal Stream OpenCommittedSegment(FlashDownload download, int segment)
        {
            return _fs.OpenRead(DownloadPath(download.Key.Normalized, "p", "." + FlashDownload.Name(segment)));
        }

        // Bytes the partial downloads hold in the budget.
        private long ReservedForDownloads()
        {
            long reserved = 0;
            for (int i = 0; i < MaxDownloads; i++)
            {
                reserved += _downloadReserved[i];
            }

            return reserved;
        }

        // Evicts entries, then downloads, until reserve more bytes fit the budget.
        private void MakeRoom(long reserve)
        {
            while (_bytes + ReservedForDownloads() + reserve > _maxBytes)
            {
                int oldest = _index.Oldest;
                if (oldest >= 0)
                {
                    DeleteSlot(oldest);
                    _evictions++;
                }
                else if (!DropOldestDownload())
                {
                    return;
                }
            }
        }

        private bool DropOldestDownload()
        {
            int oldest = OldestDownload();
            if (oldest < 0)
            {
                return false;
            }

            DropDownloadAt(oldest);
            _evictions++;
            return true;
        }

        private int OldestDownload()
        {
            // Slots fill in order; the first taken is the oldest.
            for (int i = 0; i < MaxDownloads; i++)
            {
                if (_downloads[i] != null)
                {
                    return i;
                }
            }

            return -1;
        }

        private void DropDownloadAt(int at)
        {
            FlashDownload download = _downloads[at];
            _downloads[at] = null;
            _downloadReserved[at] = 0;
            DeleteDownloadFiles(download);
        }

        // The metadata first: from then on what is left of the segments is an orphan the next open deletes.
        private void DeleteDownloadFiles(FlashDownload download)
        {
            download.Abandon();
            string key = download.Key.Normalized;
            TryDelete(DownloadPath(key, "d", DownloadExtension));
            for (int segment = 1; segment <= download.Segments + 1 && segment <= 999; segment++)
            {
                TryDelete(DownloadPath(key, "p", "." + FlashDownload.Name(segment)));
                TryDelete(DownloadPath(key, "q", "." + FlashDownload.Name(segment)));
            }
        }

        // At open: each download's metadata and its run of committed segments; uncommitted segments and orphans deleted.
        private void LoadDownloads()
        {
            string[] files = _fs.GetFiles(_directory);
            for (int i = 0; i < files.Length; i++)
            {
                if (EndsWith(files[i], DownloadTempExtension))
                {
                    TryDelete(files[i]);
                    continue;
                }

                if (!EndsWith(files[i], DownloadExtension))
                {
                    continue;
                }

                FlashRecordHead head;
                byte[] body;
                int free = DownloadIndex(null);
                if (free < 0 || !ReadRecord(files[i], true, out head, out body) || head.Entry.Key.Length < 5 || head.Entry.Key.Substring(0, 4) != "GET "
                    || !SameFile(files[i], DownloadPath(head.Entry.Key, "d", DownloadExtension)))
                {
                    _dropped++;
                    TryDelete(files[i]);
                    continue;
                }

                CacheKey key;
                try
                {
                    key = CacheKey.Of(HttpMethods.Get, head.Entry.Key.Substring(4));
                }
                catch (System.ArgumentException)
                {
                    _dropped++;
                    TryDelete(files[i]);
                    continue;
                }

                long stored = 0;
                int segments = 0;
                while (segments < 999)
                {
                    long size = SegmentSize(DownloadPath(key.Normalized, "p", "." + FlashDownload.Name(segments + 1)));
                    if (size < 4)
                    {
                        break;
                    }

                    stored += size - 4;
                    segments++;
                }

                if (_index.Find(key) >= 0)
                {
                    // Cut after its entry was written and before its files were removed: the entry is what counts
                    // (the segments, orphans now, go below).
                    TryDelete(files[i]);
                    continue;
                }

                long total = head.Entry.DeclaredLength();
                _downloads[free] = new FlashDownload(this, key, WithoutBody(head.Entry), total, stored, segments);
                _downloadReserved[free] = total >= 0 ? total + head.Entry.Headers.Length + 256 : stored + _segmentSize;
            }

            files = _fs.GetFiles(_directory);
            for (int i = 0; i < files.Length; i++)
            {
                string name = files[i];
                int slash = name.LastIndexOf(name.IndexOf('\\') >= 0 ? '\\' : '/');
                string prefix = name.Substring(slash + 1, 1);
                if ((prefix == "p" || prefix == "q") && !IsKnownSegment(name, prefix))
                {
                    TryDelete(name);
                }
            }
        }

        // A segment file belongs to a loaded download and, unless uncommitted ('q'), to its run of committed segments.
        private bool IsKnownSegment(string path, string prefix)
        {
            for (int i = 0; i < MaxDownloads; i++)
            {
                FlashDownload download = _downloads[i];
                if (download == null || prefix == "q")
                {
                    continue;
                }

                for (int segment = 1; segment <= download.Segments; segment++)
                {
                    if (SameFile(path, DownloadPath(download.Key.Normalized, "p", "." + FlashDownload.Name(segment))))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private long SegmentSize(string path)
        {
            if (!_fs.Exists(path))
            {
                return -1;
            }

            try
            {
                using (Stream stream = _fs.OpenRead(path))
                {
                    return stream.Length;
                }
            }
            catch (IOException)
            {
                return -1;
            }
        }

        private int DownloadIndex(string key)
        {
            for (int i = 0; i < MaxDownloads; i++)
            {
                FlashDownload download = _downloads[i];
                if (key == null ? download == null : download != null && download.Key.Normalized == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private string DownloadPath(string key, string prefix, string extension)
        {
            return _fs.Combine(_directory, prefix + Hex8(CacheKey.HashOf(key)) + extension);
        }
    }
}
