// HttpCacheBuilderOptions: what AddHttpCache configures for the clients of one name.
using System;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;

namespace HttpCache.Nano.Http
{
    /// <summary>The cache of one named <c>HttpClient</c>: its store, its rules, its clock.</summary>
    public sealed class HttpCacheBuilderOptions
    {
        /// <summary>Entries of the default RAM store (256).</summary>
        public int MaxEntries { get; set; } = 256;

        /// <summary>Byte budget of the default RAM store (16 MiB).</summary>
        public long MaxBytes { get; set; } = 16L * 1024 * 1024;

        /// <summary>Makes the store instead of the default RAM store (a <see cref="FlashStore"/> on disk, a tiered store); called once.</summary>
        public Func<ICacheStore> Store { get; set; }

        /// <summary>The cache's rules (private by default; <see cref="CacheMode.Shared"/> for a client acting for many users).</summary>
        public CacheOptions Cache { get; set; } = new CacheOptions();

        /// <summary>The clock (the system clock by default).</summary>
        public IClock Clock { get; set; } = new SystemClock();
    }
}
