// CacheNow: one reading of the clocks, taken at the edge and passed to the pure policy.
namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// The current time as the policy sees it: wall clock (if set) and monotonic time with its epoch. A class so a
    /// caller can keep one and refill it (<see cref="ReadFrom"/>) without allocating; the policy only reads it.
    /// </summary>
    public sealed class CacheNow
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

        /// <summary>Reads <paramref name="clock"/> once into a new reading.</summary>
        public static CacheNow Read(Time.IClock clock)
        {
            CacheNow now = new CacheNow(-1, 0, 0);
            now.ReadFrom(clock);
            return now;
        }

        /// <summary>Reads <paramref name="clock"/> once into this reading.</summary>
        public void ReadFrom(Time.IClock clock)
        {
            Epoch = clock.MonotonicEpoch;
            Ticks = clock.MonotonicMilliseconds;
            WallSeconds = clock.IsWallClockSet ? clock.UnixSeconds : -1;
        }
    }
}
