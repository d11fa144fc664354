// CacheSource: where a response handed to the caller came from.
namespace HttpCache.Nano
{
    /// <summary>Where a <see cref="CacheResponse"/> came from.</summary>
    public enum CacheSource
    {
        /// <summary>A full response from the origin.</summary>
        Network,

        /// <summary>A fresh stored response; the origin was not contacted.</summary>
        Cache,

        /// <summary>A stale stored response (see <see cref="CacheResponse.StaleReason"/>).</summary>
        CacheStale,

        /// <summary>A stored response the origin confirmed with 304 Not Modified: headers on the wire, no body.</summary>
        CacheRevalidated,

        /// <summary>An answer the cache generated itself (504 Gateway Timeout).</summary>
        Generated,
    }
}
