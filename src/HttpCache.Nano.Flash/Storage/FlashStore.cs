// FlashStore: entries as files on flash that survive reboots and power cuts, written only when something changed.
using System;
using System.IO;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// A persistent <see cref="ICacheStore"/>: one file per entry (<see cref="FlashRecord"/> format) in a directory,
    /// e.g. <c>I:\cache</c> (internal flash) or <c>D:\cache</c> (SD card) on a device, a temp directory on desktop.
    /// The index (keys, metadata, recency) lives in RAM; opening reads each file's head only.
    /// </summary>
    /// <remarks>
    /// <para><b>Atomic replacement</b> without <c>File.Replace</c> (nanoFramework's <c>File.Move</c> refuses an existing
    /// target): write <c>name.tmp</c> and flush; move <c>name</c> to <c>name.old</c>; move <c>name.tmp</c> to
    /// <c>name</c>; delete <c>name.old</c>. After a power cut at any point, opening the store finds the old entry or
    /// the new one: a complete <c>.tmp</c> (valid CRC) is finished, an incomplete one deleted, an <c>.old</c> restored
    /// when its replacement is missing and deleted otherwise. Files failing the version or CRC check are deleted
    /// and counted in <see cref="Dropped"/>; a body failing its CRC when read is never served.</para>
    /// <para><b>Wear</b>: a hit never writes. A 304 updates the RAM index, and writes a small renewal record (metadata,
    /// no body) only when it buys something: changed validators, or a freshness that outlasts what flash holds by
    /// <see cref="RenewalMinSeconds"/> (so a device waking from deep sleep finds it fresh). An unchanged
    /// <c>max-age=0</c> poll writes nothing. <see cref="Writes"/> counts file writes, <see cref="Renewals"/> the small ones.</para>
    /// <para><b>Order</b>: each write takes the next sequence number; on open, entries are ordered by it, so eviction
    /// across reboots follows the order of the last writes (hits are not persisted: that would wear the flash).</para>
    /// <para><b>Names</b>: a file is named from the key's 32-bit hash; the full key is stored inside and checked.
    /// Two keys with the same hash share a file: storing one evicts the other.</para>
    /// <para><b>Budget</b>: the sum of file sizes stays within <c>maxBytes</c>, the count within <c>maxEntries</c>.</para>
    /// Not thread-safe (the client serialises calls).
    /// </remarks>
    public sealed partial class FlashStore : ICacheStore
    {
        private const string Extension = ".hcf";
        private const string TempExtension = ".tmp";
        private const string OldExtension = ".old";

        private readonly IFileSystem _fs;
        private readonly string _directory;
        private readonly LruIndex _index;
        private readonly CacheEntry[] _meta;
        private readonly long[] _fileSizes;
        private readonly CacheEntry[] _persisted;
        private readonly long[] _baseSequence;
        private readonly int[] _persistedBodyLength;
        private readonly int[] _renewalSlot;
        private readonly long[] _renewalSizes;
        private readonly long _maxBytes;
        private readonly long _maxEntryBytes;
        private long _bytes;
        private long _sequence;
        private long _evictions;
        private long _rejections;
        private long _writes;
        private long _bytesWritten;
        private long _dropped;
        private long _recovered;
        private long _writeFailures;
        private long _renewals;

        /// <summary>Opens (or creates) a store in <paramref name="directory"/> on the physical file system.</summary>
        public FlashStore(string directory, int maxEntries, long maxBytes)
            : this(new PhysicalFileSystem(), directory, maxEntries, maxBytes, maxBytes)
        {
        }

        /// <summary>Opens (or creates) a store, recovering from an interrupted write and dropping corrupt files.</summary>
        /// <exception cref="ArgumentNullException">The file system or directory is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A limit is not positive, or the per-entry limit exceeds the total.</exception>
        /// <exception cref="IOException">The directory cannot be created or listed.</exception>
        public FlashStore(IFileSystem fileSystem, string directory, int maxEntries, long maxBytes, long maxEntryBytes)
        {
            if (fileSystem == null)
            {
                throw new ArgumentNullException("fileSystem");
            }

            if (directory == null)
            {
                throw new ArgumentNullException("directory");
            }

            if (maxBytes <= 0)
            {
                throw new ArgumentOutOfRangeException("maxBytes");
            }

            if (maxEntryBytes <= 0 || maxEntryBytes > maxBytes)
            {
                throw new ArgumentOutOfRangeException("maxEntryBytes");
            }

            _fs = fileSystem;
            _directory = directory;
            _index = new LruIndex(maxEntries);
            _meta = new CacheEntry[maxEntries];
            _fileSizes = new long[maxEntries];
            _persisted = new CacheEntry[maxEntries];
            _baseSequence = new long[maxEntries];
            _persistedBodyLength = new int[maxEntries];
            _renewalSlot = new int[maxEntries];
            _renewalSizes = new long[2 * maxEntries];
            _maxBytes = maxBytes;
            _maxEntryBytes = maxEntryBytes;
            RenewalMinSeconds = 60;
            _fs.CreateDirectory(directory);
            Recover();
            Load();
            LoadDownloads();
        }


        /// <inheritdoc />
        public int Count
        {
            get { return _index.Count; }
        }

        /// <inheritdoc />
        public long Bytes
        {
            get { return _bytes; }
        }

        /// <inheritdoc />
        public long Evictions
        {
            get { return _evictions; }
        }

        /// <inheritdoc />
        public long Rejections
        {
            get { return _rejections; }
        }

        /// <summary>Entry files written since the store was opened.</summary>
        public long Writes
        {
            get { return _writes; }
        }

        /// <summary>Bytes written to entry files since the store was opened.</summary>
        public long BytesWritten
        {
            get { return _bytesWritten; }
        }

        /// <summary>Writes that failed with an I/O error (the entry was not stored).</summary>
        public long WriteFailures
        {
            get { return _writeFailures; }
        }

        /// <summary>Files deleted for failing the version or CRC check (on open or when read).</summary>
        public long Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Interrupted replacements completed or rolled back on open.</summary>
        public long Recovered
        {
            get { return _recovered; }
        }

        /// <summary>The directory holding the files.</summary>
        public string Directory
        {
            get { return _directory; }
        }

        /// <inheritdoc />
        public CacheEntry Find(CacheKey key)
        {
            int slot = _index.Find(key);
            if (slot < 0)
            {
                return null;
            }

            CacheEntry meta = _meta[slot];
            byte[] body = ReadBody(meta.Key);
            if (body == null)
            {
                // Missing or corrupt on flash: never served, and forgotten.
                _dropped++;
                RemoveSlot(slot);
                TryDelete(PathOf(meta.Key, Extension));
                return null;
            }

            _index.Touch(slot);
            CacheEntry entry = new CacheEntry(meta.Key, meta.StatusCode, meta.ReasonPhrase, meta.Headers, body, meta.Info, meta.VaryValues, meta.CredentialHash);
            return entry;
        }

        /// <inheritdoc />
        public bool Put(CacheKey key, CacheEntry entry)
        {
            if (entry == null)
            {
                throw new ArgumentNullException("entry");
            }

            return Store(key, entry, FlashRecord.EncodeHead(_sequence + 1, entry), entry.Body, null, entry.Body.Length);
        }

        // Writes a record whose body comes from an array or a stream, evicting as needed; updates the index.
        private bool Store(CacheKey key, CacheEntry entry, byte[] head, byte[] body, Stream bodyStream, int bodyLength)
        {
            long size = FlashRecord.FileSize(head, bodyLength);
            int slot = _index.Find(key);
            if (size > _maxEntryBytes)
            {
                if (slot >= 0)
                {
                    DeleteSlot(slot);
                }

                _rejections++;
                return false;
            }

            // A different key that hashes to the same file name gives way.
            int sharing = FindByFileName(entry.Key, slot);
            if (sharing >= 0)
            {
                DeleteSlot(sharing);
            }

            if (slot >= 0)
            {
                _bytes -= _fileSizes[slot];
                _index.Touch(slot);
            }

            while (_bytes + ReservedForDownloads() + size > _maxBytes || (slot < 0 && _index.IsFull))
            {
                int oldest = _index.OldestExcept(slot);
                if (oldest < 0)
                {
                    if (!DropOldestDownload())
                    {
                        break;
                    }

                    continue;
                }

                DeleteSlot(oldest);
                _evictions++;
            }

            try
            {
                WriteFile(entry.Key, head, body, bodyStream, bodyLength);
            }
            catch (IOException)
            {
                // A failed write (flash full, I/O error, power failing) is a miss, not a crash: the next open finds
                // the old file or the new one, and until then the key is simply not cached.
                _writeFailures++;
                TryDelete(PathOf(entry.Key, TempExtension));
                if (slot >= 0)
                {
                    RemoveSlot(slot);
                }

                return false;
            }

            _sequence++;
            if (slot < 0)
            {
                slot = _index.Add(entry.Key, key.Hash);
            }

            // Renewals of the file just replaced renewed what is gone.
            DeleteRenewals(slot, entry.Key);
            _meta[slot] = WithoutBody(entry);
            _persisted[slot] = _meta[slot];
            _baseSequence[slot] = _sequence;
            _persistedBodyLength[slot] = bodyLength;
            _fileSizes[slot] = size;
            _bytes += size;
            return true;
        }

        /// <inheritdoc />
        public bool Remove(CacheKey key)
        {
            int slot = _index.Find(key);
            if (slot < 0)
            {
                return false;
            }

            DeleteSlot(slot);
            return true;
        }

        /// <inheritdoc />
        public int RemoveVariants(CacheKey key)
        {
            string prefix = CacheKey.VariantPrefix(key);
            int removed = 0;
            for (int slot = _index.NextWithPrefix(prefix, -1); slot >= 0; slot = _index.NextWithPrefix(prefix, -1))
            {
                DeleteSlot(slot);
                removed++;
            }

            return removed;
        }

        /// <summary>
        /// Stores a response whose body is copied from <paramref name="body"/> in 512-byte chunks, for bodies too large
        /// to hold in RAM. <paramref name="entry"/> supplies everything but the body (its Body is ignored).
        /// </summary>
        /// <returns>False when the record exceeds the per-entry limit or the write failed.</returns>
        public bool PutStream(CacheKey key, CacheEntry entry, Stream body, int bodyLength)
        {
            if (entry == null || body == null)
            {
                throw new ArgumentNullException(entry == null ? "entry" : "body");
            }

            return Store(key, entry, FlashRecord.EncodeHead(_sequence + 1, entry, bodyLength), null, body, bodyLength);
        }

        /// <summary>
        /// Opens the stored body of <paramref name="key"/> as a stream read from flash in chunks (checked against its CRC
        /// when the end is reached), or returns null when nothing is stored. Dispose the stream.
        /// </summary>
        public FlashBodyStream OpenBody(CacheKey key)
        {
            int slot = _index.Find(key);
            if (slot < 0)
            {
                return null;
            }

            Stream stream = null;
            try
            {
                stream = _fs.OpenRead(PathOf(_meta[slot].Key, Extension));
                FlashRecordHead head = FlashRecord.ReadHead(stream);
                if (head == null || head.Entry.Key != _meta[slot].Key)
                {
                    stream.Dispose();
                    return null;
                }

                _index.Touch(slot);
                return new FlashBodyStream(stream, head);
            }
            catch (IOException)
            {
                if (stream != null)
                {
                    stream.Dispose();
                }

                return null;
            }
        }

        /// <summary>The stored keys, least recently used first. Allocates.</summary>
        public string[] Keys()
        {
            string[] keys = new string[_index.Count];
            int i = 0;
            for (int slot = _index.Oldest; slot >= 0; slot = _index.NewerThan(slot))
            {
                keys[i++] = _meta[slot].Key;
            }

            return keys;
        }

        /// <summary>Removes every entry and every partial download, with their files.</summary>
        public void Clear()
        {
            while (_index.Oldest >= 0)
            {
                DeleteSlot(_index.Oldest);
            }

            FlashDownload[] partial = PartialDownloads();
            for (int i = 0; i < partial.Length; i++)
            {
                DropDownload(partial[i]);
            }
        }
    }
}
