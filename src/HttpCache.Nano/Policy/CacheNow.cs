// CacheNow: one reading of the clocks, taken at the edge and passed to the pure policy.
namespace HttpCache.Nano.Policy
{
    /// <summary>The current time as the policy sees it: wall clock (if set) and monotonic time with its epoch.</summary>
    public struct CacheNow
    {
        /// <summary>Wall-clock Unix seconds, or -1 when the wall clock is not set.</summary>
        public long WallSeconds;

        /// <summary>Monotonic milliseconds.</summary>
        public long Ticks;

        /// <summary>The monotonic epoch <see cref="Ticks"/> belongs to.</summary>
        public int Epoch;

        /// <summary>Creates a reading.</summary>
        public CacheNow(long wallSeconds, long ticks, int epoch)
        {
            WallSeconds = wallSeconds;
            Ticks = ticks;
            Epoch = epoch;
        }

        /// <summary>Reads <paramref name="clock"/> once.</summary>
        public static CacheNow Read(Time.IClock clock)
        {
            int epoch = clock.MonotonicEpoch;
            long ticks = clock.MonotonicMilliseconds;
            return new CacheNow(clock.IsWallClockSet ? clock.UnixSeconds : -1, ticks, epoch);
        }
    }
}
