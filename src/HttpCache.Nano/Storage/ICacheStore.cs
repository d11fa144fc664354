// ICacheStore: where entries live (RAM, flash, or both), bounded in entries and bytes.
namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// A bounded store of <see cref="CacheEntry"/> objects keyed by <see cref="CacheKey"/>, evicting the least
    /// recently used. Implementations are not thread-safe: <see cref="HttpCacheClient"/> serialises calls.
    /// </summary>
    public interface ICacheStore
    {
        /// <summary>The entry stored under <paramref name="key"/>, marked most recently used; null when absent.</summary>
        CacheEntry Find(CacheKey key);

        /// <summary>Stores a new or replacement response (a full response from the origin), evicting as needed.</summary>
        /// <returns>False when the entry exceeds the per-entry limit: it is not stored, and any older entry for the key is removed.</returns>
        bool Put(CacheKey key, CacheEntry entry);

        /// <summary>
        /// Replaces the entry for <paramref name="key"/> with one freshened by a 304 (same body).
        /// <paramref name="validatorsChanged"/> tells persistent stores whether the update is worth writing.
        /// </summary>
        void Freshen(CacheKey key, CacheEntry entry, bool validatorsChanged);

        /// <summary>Removes the entry for <paramref name="key"/>; false when there was none.</summary>
        bool Remove(CacheKey key);

        /// <summary>
        /// Removes every variant stored for the URI of <paramref name="key"/> under <see cref="CacheKey.Variant"/> keys (not
        /// the entry of <paramref name="key"/> itself); the number removed. Invalidation (RFC 9111 4.4) needs it after a
        /// reboot too, when nothing in RAM remembers which variants a flash store holds.
        /// </summary>
        int RemoveVariants(CacheKey key);

        /// <summary>Number of entries held.</summary>
        int Count { get; }

        /// <summary>Bytes held, as counted by <see cref="CacheEntry.Size"/>.</summary>
        long Bytes { get; }

        /// <summary>Entries evicted to make room since the store was created.</summary>
        long Evictions { get; }

        /// <summary>Entries refused by <see cref="Put"/> for exceeding the per-entry limit.</summary>
        long Rejections { get; }
    }
}
