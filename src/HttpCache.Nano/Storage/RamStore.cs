// RamStore: entries in RAM behind a fixed-size LRU index, within a hard byte budget.
// Interpreter cost of a hit: the index lookup (int[] reads, one native string compare) and a slot read; no allocation.
using System;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// Keeps entries in RAM. Capacity in entries and bytes is fixed at construction and the index arrays
    /// are allocated once; lookups, hits and evictions are O(1) and a hit allocates nothing. The byte
    /// budget counts <see cref="CacheEntry.Size"/> (body, stored headers, key and a fixed overhead) and is
    /// never exceeded: inserting evicts least recently used entries until the new one fits. Not thread-safe.
    /// </summary>
    public sealed class RamStore : ICacheStore
    {
        private readonly LruIndex _index;
        private readonly CacheEntry[] _entries;
        private readonly long _maxBytes;
        private readonly long _maxEntryBytes;
        private long _bytes;
        private long _evictions;
        private long _rejections;

        /// <summary>Creates a store for at most <paramref name="maxEntries"/> entries and <paramref name="maxBytes"/> bytes; one entry may use the whole budget.</summary>
        public RamStore(int maxEntries, long maxBytes)
            : this(maxEntries, maxBytes, maxBytes)
        {
        }

        /// <summary>Creates a store with a per-entry limit.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A limit is not positive, or the per-entry limit exceeds the total.</exception>
        public RamStore(int maxEntries, long maxBytes, long maxEntryBytes)
        {
            if (maxBytes <= 0)
            {
                throw new ArgumentOutOfRangeException("maxBytes");
            }

            if (maxEntryBytes <= 0 || maxEntryBytes > maxBytes)
            {
                throw new ArgumentOutOfRangeException("maxEntryBytes");
            }

            _index = new LruIndex(maxEntries);
            _entries = new CacheEntry[maxEntries];
            _maxBytes = maxBytes;
            _maxEntryBytes = maxEntryBytes;
        }

        /// <summary>The byte budget.</summary>
        public long MaxBytes
        {
            get { return _maxBytes; }
        }

        /// <summary>The largest entry accepted.</summary>
        public long MaxEntryBytes
        {
            get { return _maxEntryBytes; }
        }

        /// <summary>The entry budget.</summary>
        public int MaxEntries
        {
            get { return _entries.Length; }
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

        /// <inheritdoc />
        public CacheEntry Find(CacheKey key)
        {
            int slot = _index.Find(key);
            if (slot < 0)
            {
                return null;
            }

            _index.Touch(slot);
            return _entries[slot];
        }

        /// <inheritdoc />
        public bool Put(CacheKey key, CacheEntry entry)
        {
            if (entry == null)
            {
                throw new ArgumentNullException("entry");
            }

            long size = entry.Size;
            int slot = _index.Find(key);
            if (size > _maxEntryBytes)
            {
                if (slot >= 0)
                {
                    RemoveSlot(slot);
                }

                _rejections++;
                return false;
            }

            if (slot >= 0)
            {
                _bytes -= _entries[slot].Size;
                _entries[slot] = null;
                _index.Touch(slot);
            }

            // Evict the least recently used (never the slot being replaced) until the entry fits.
            while (_bytes + size > _maxBytes || (slot < 0 && _index.IsFull))
            {
                int oldest = _index.OldestExcept(slot);
                if (oldest < 0)
                {
                    break;
                }

                RemoveSlot(oldest);
                _evictions++;
            }

            if (slot < 0)
            {
                slot = _index.Add(entry.Key, key.Hash);
            }

            _entries[slot] = entry;
            _bytes += size;
            return true;
        }

        /// <inheritdoc />
        public void Freshen(CacheKey key, CacheEntry entry, bool validatorsChanged)
        {
            Put(key, entry);
        }

        /// <inheritdoc />
        public bool Remove(CacheKey key)
        {
            int slot = _index.Find(key);
            if (slot < 0)
            {
                return false;
            }

            RemoveSlot(slot);
            return true;
        }

        /// <inheritdoc />
        public int RemoveVariants(CacheKey key)
        {
            string prefix = CacheKey.VariantPrefix(key);
            int removed = 0;
            for (int slot = _index.NextWithPrefix(prefix, -1); slot >= 0; slot = _index.NextWithPrefix(prefix, -1))
            {
                RemoveSlot(slot);
                removed++;
            }

            return removed;
        }

        private void RemoveSlot(int slot)
        {
            CacheEntry entry = _entries[slot];
            if (entry != null)
            {
                _bytes -= entry.Size;
            }

            _entries[slot] = null;
            _index.Remove(slot);
        }
    }
}
