// SynchronizedStore: one store shared by several caching pipelines (the handlers IHttpClientFactory rotates), safely.
using HttpCache.Nano.Storage;

namespace HttpCache.Nano.Http
{
    /// <summary>
    /// Serialises every call to an <see cref="ICacheStore"/>: stores are not thread-safe, and each
    /// <see cref="HttpCacheClient"/> locks only its own calls, so clients that share a store share this wrapper.
    /// </summary>
    public sealed class SynchronizedStore : ICacheStore
    {
        private readonly ICacheStore _inner;
        private readonly object _lock = new object();

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        public SynchronizedStore(ICacheStore inner)
        {
            _inner = inner ?? throw new System.ArgumentNullException(nameof(inner));
        }

        /// <summary>The wrapped store.</summary>
        public ICacheStore Inner => _inner;

        /// <inheritdoc />
        public int Count
        {
            get { lock (_lock) { return _inner.Count; } }
        }

        /// <inheritdoc />
        public long Bytes
        {
            get { lock (_lock) { return _inner.Bytes; } }
        }

        /// <inheritdoc />
        public long Evictions
        {
            get { lock (_lock) { return _inner.Evictions; } }
        }

        /// <inheritdoc />
        public long Rejections
        {
            get { lock (_lock) { return _inner.Rejections; } }
        }

        /// <inheritdoc />
        public CacheEntry Find(CacheKey key)
        {
            lock (_lock) { return _inner.Find(key); }
        }

        /// <inheritdoc />
        public bool Put(CacheKey key, CacheEntry entry)
        {
            lock (_lock) { return _inner.Put(key, entry); }
        }

        /// <inheritdoc />
        public void Freshen(CacheKey key, CacheEntry entry, bool validatorsChanged)
        {
            lock (_lock) { _inner.Freshen(key, entry, validatorsChanged); }
        }

        /// <inheritdoc />
        public bool Remove(CacheKey key)
        {
            lock (_lock) { return _inner.Remove(key); }
        }

        /// <inheritdoc />
        public int RemoveVariants(CacheKey key)
        {
            lock (_lock) { return _inner.RemoveVariants(key); }
        }
    }
}
