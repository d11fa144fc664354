// LruIndex: a fixed-capacity hash index with least-recently-used order, in int arrays allocated once.
// Interpreter cost of a hit: a few int[] reads and writes plus one native string equality of the full key.
using System;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// Maps keys to slots <c>0..Capacity-1</c> and keeps the slots in recency order. Every structure is an
    /// array allocated by the constructor: a bucket table over the key hashes, a chain per bucket, and a
    /// doubly-linked recency list by slot index. Find, touch, add and remove are O(1) and never allocate.
    /// A hash only proposes a slot: a hit always compares the full key.
    /// Not thread-safe.
    /// </summary>
    public sealed class LruIndex
    {
        private const int None = -1;

        private readonly int[] _buckets;
        private readonly int[] _chain;
        private readonly int[] _hashes;
        private readonly string[] _keys;
        private readonly int[] _newer;
        private readonly int[] _older;
        private readonly int _mask;
        private int _newest = None;
        private int _oldest = None;
        private int _free;
        private int _count;

        /// <summary>Creates an index for at most <paramref name="capacity"/> keys.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1 or above 1,048,576.</exception>
        public LruIndex(int capacity)
        {
            if (capacity < 1 || capacity > 1048576)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            int buckets = 2;
            while (buckets < capacity * 2)
            {
                buckets <<= 1;
            }

            _mask = buckets - 1;
            _buckets = new int[buckets];
            for (int i = 0; i < buckets; i++)
            {
                _buckets[i] = None;
            }

            _chain = new int[capacity];
            _hashes = new int[capacity];
            _keys = new string[capacity];
            _newer = new int[capacity];
            _older = new int[capacity];

            // Free slots form a list through _newer.
            for (int i = 0; i < capacity; i++)
            {
                _newer[i] = i + 1 < capacity ? i + 1 : None;
                _older[i] = None;
                _chain[i] = None;
            }

            _free = 0;
        }

        /// <summary>Maximum number of keys.</summary>
        public int Capacity
        {
            get { return _keys.Length; }
        }

        /// <summary>Number of keys held.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when no slot is free.</summary>
        public bool IsFull
        {
            get { return _count == _keys.Length; }
        }

        /// <summary>The least recently used slot, or -1 when empty.</summary>
        public int Oldest
        {
            get { return _oldest; }
        }

        /// <summary>The most recently used slot, or -1 when empty.</summary>
        public int Newest
        {
            get { return _newest; }
        }

        /// <summary>The least recently used slot other than <paramref name="keep"/>, or -1: the next eviction victim when <paramref name="keep"/> is being replaced.</summary>
        public int OldestExcept(int keep)
        {
            int oldest = _oldest;
            return oldest == keep && oldest != None ? _newer[oldest] : oldest;
        }

        /// <summary>The slot used just before <paramref name="slot"/> in recency order (towards newest), or -1.</summary>
        public int NewerThan(int slot)
        {
            return _newer[slot];
        }

        /// <summary>
        /// The least recently used slot after <paramref name="after"/> (-1: from the oldest) whose key starts with
        /// <paramref name="prefix"/>, or -1. A walk over the occupied slots, for the rare removal of a URI's variants.
        /// </summary>
        public int NextWithPrefix(string prefix, int after)
        {
            for (int slot = after == None ? _oldest : _newer[after]; slot != None; slot = _newer[slot])
            {
                if (_keys[slot].StartsWith(prefix))
                {
                    return slot;
                }
            }

            return None;
        }

        /// <summary>The stored (normalised) key of an occupied slot.</summary>
        public string KeyAt(int slot)
        {
            return _keys[slot];
        }

        /// <summary>The slot holding <paramref name="key"/>, or -1. Does not change the recency order.</summary>
        public int Find(CacheKey key)
        {
            int hash = key.Hash;
            int slot = _buckets[hash & _mask];
            while (slot != None)
            {
                if (_hashes[slot] == hash && key.Matches(_keys[slot]))
                {
                    return slot;
                }

                slot = _chain[slot];
            }

            return None;
        }

        /// <summary>Marks <paramref name="slot"/> as the most recently used.</summary>
        public void Touch(int slot)
        {
            if (slot == _newest)
            {
                return;
            }

            Unlink(slot);
            LinkNewest(slot);
        }

        /// <summary>Adds a key as the most recently used and returns its slot.</summary>
        /// <param name="normalizedKey">The key string (<see cref="CacheKey.Normalized"/>), kept by reference.</param>
        /// <param name="hash">The key's hash (<see cref="CacheKey.Hash"/>).</param>
        /// <exception cref="InvalidOperationException">The index is full: remove the oldest slot first.</exception>
        public int Add(string normalizedKey, int hash)
        {
            if (_free == None)
            {
                throw new InvalidOperationException("The LRU index is full.");
            }

            int slot = _free;
            _free = _newer[slot];
            _keys[slot] = normalizedKey;
            _hashes[slot] = hash;
            int bucket = hash & _mask;
            _chain[slot] = _buckets[bucket];
            _buckets[bucket] = slot;
            LinkNewest(slot);
            _count++;
            return slot;
        }

        /// <summary>Frees an occupied slot.</summary>
        public void Remove(int slot)
        {
            int bucket = _hashes[slot] & _mask;
            int current = _buckets[bucket];
            int previous = None;
            while (current != slot)
            {
                previous = current;
                current = _chain[current];
            }

            if (previous == None)
            {
                _buckets[bucket] = _chain[slot];
            }
            else
            {
                _chain[previous] = _chain[slot];
            }

            Unlink(slot);
            _chain[slot] = None;
            _keys[slot] = null;
            _newer[slot] = _free;
            _older[slot] = None;
            _free = slot;
            _count--;
        }

        private void Unlink(int slot)
        {
            int newer = _newer[slot];
            int older = _older[slot];
            if (newer == None)
            {
                _newest = older;
            }
            else
            {
                _older[newer] = older;
            }

            if (older == None)
            {
                _oldest = newer;
            }
            else
            {
                _newer[older] = newer;
            }
        }

        private void LinkNewest(int slot)
        {
            _newer[slot] = None;
            _older[slot] = _newest;
            if (_newest != None)
            {
                _newer[_newest] = slot;
            }

            _newest = slot;
            if (_oldest == None)
            {
                _oldest = slot;
            }
        }
    }
}
