// TieredStore: a small RAM LRU in front of the flash store — hits from RAM, persistence from flash.
namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// A RAM store in front of a flash store: lookups try RAM first and promote flash hits into RAM; writes go to
    /// both; freshening updates RAM and lets the flash store decide whether anything is worth writing.
    /// Eviction from RAM keeps the entry on flash. Not thread-safe (the client serialises calls).
    /// </summary>
    public sealed class TieredStore : ICacheStore
    {
        private readonly ICacheStore _ram;
        private readonly ICacheStore _flash;

        /// <summary>Puts <paramref name="ram"/> in front of <paramref name="flash"/>.</summary>
        public TieredStore(ICacheStore ram, ICacheStore flash)
        {
            if (ram == null)
            {
                throw new System.ArgumentNullException("ram");
            }

            if (flash == null)
            {
                throw new System.ArgumentNullException("flash");
            }

            _ram = ram;
            _flash = flash;
        }

        /// <summary>The RAM tier.</summary>
        public ICacheStore Ram
        {
            get { return _ram; }
        }

        /// <summary>The flash tier.</summary>
        public ICacheStore Flash
        {
            get { return _flash; }
        }

        /// <inheritdoc />
        public int Count
        {
            get { return _flash.Count; }
        }

        /// <inheritdoc />
        public long Bytes
        {
            get { return _flash.Bytes; }
        }

        /// <inheritdoc />
        public long Evictions
        {
            get { return _flash.Evictions; }
        }

        /// <inheritdoc />
        public long Rejections
        {
            get { return _flash.Rejections; }
        }

        /// <inheritdoc />
        public CacheEntry Find(CacheKey key)
        {
            CacheEntry entry = _ram.Find(key);
            if (entry != null)
            {
                return entry;
            }

            entry = _flash.Find(key);
            if (entry != null)
            {
                _ram.Put(key, entry);
            }

            return entry;
        }

        /// <inheritdoc />
        public bool Put(CacheKey key, CacheEntry entry)
        {
            // RAM keeps serving what flash could not take (for example after a failed write).
            bool persisted = _flash.Put(key, entry);
            bool inRam = _ram.Put(key, entry);
            return persisted || inRam;
        }

        /// <inheritdoc />
        public void Freshen(CacheKey key, CacheEntry entry, bool validatorsChanged)
        {
            _ram.Put(key, entry);
            _flash.Freshen(key, entry, validatorsChanged);
        }

        /// <inheritdoc />
        public bool Remove(CacheKey key)
        {
            bool inRam = _ram.Remove(key);
            return _flash.Remove(key) || inRam;
        }

        /// <inheritdoc />
        public int RemoveVariants(CacheKey key)
        {
            int inRam = _ram.RemoveVariants(key);
            int onFlash = _flash.RemoveVariants(key);
            return onFlash > inRam ? onFlash : inRam;
        }
    }
}
