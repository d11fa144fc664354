// IClock: the two clocks the cache reads, supplied by the caller so every rule is testable without sleeping.
namespace HttpCache.Nano.Time
{
    /// <summary>
    /// Wall-clock and monotonic time for the cache. Only <see cref="HttpCacheClient"/> reads it, once per
    /// request; the policy receives the readings as plain numbers.
    /// </summary>
    /// <remarks>
    /// On a device the wall clock may read 1970 until SNTP sets it and may jump when it does; the cache
    /// therefore measures how long an entry has been stored (its resident time) with the monotonic clock
    /// only, and uses the wall clock just for comparing against the origin's <c>Date</c>.
    /// </remarks>
    public interface IClock
    {
        /// <summary>Wall-clock time in Unix seconds. Meaningless while <see cref="IsWallClockSet"/> is false.</summary>
        long UnixSeconds { get; }

        /// <summary>True once the wall clock is known to be set (e.g. after SNTP).</summary>
        bool IsWallClockSet { get; }

        /// <summary>Monotonic milliseconds: never goes backwards within one <see cref="MonotonicEpoch"/>.</summary>
        long MonotonicMilliseconds { get; }

        /// <summary>
        /// Identifies the run of <see cref="MonotonicMilliseconds"/>: readings from different epochs (another boot,
        /// or a discontinuity the clock detected) cannot be subtracted, and entries stored in another epoch
        /// have an unknown resident time.
        /// </summary>
        int MonotonicEpoch { get; }
    }
}
