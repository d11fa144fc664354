// SystemClock: wall time from DateTime.UtcNow and a monotonic time derived from it that survives clock jumps.
using System;

namespace HttpCache.Nano.Time
{
    /// <summary>
    /// The platform clock. nanoFramework's mscorlib has no monotonic timer, so the monotonic reading is built
    /// from successive wall-clock readings: a step backwards, or forwards by more than
    /// <see cref="MaxForwardStepMilliseconds"/>, is a discontinuity (for example an SNTP sync from 1970) and
    /// starts a new <see cref="MonotonicEpoch"/>, which makes the cache revalidate what it stored before —
    /// never serve it longer than allowed. Smaller forward corrections count as elapsed time, which can only
    /// make entries older, never younger. Read the clock at least once per forward-step window (every poll
    /// does) or the next reading starts a new epoch. A board timer (e.g. ESP32's <c>HighResTimer</c>) makes a
    /// better monotonic source: implement <see cref="IClock"/> over it in the application.
    /// Thread-safe.
    /// </summary>
    public class SystemClock : IClock
    {
        /// <summary>Ticks (100 ns) from 0001-01-01 to 1970-01-01.</summary>
        public const long UnixEpochTicks = 621355968000000000L;

        /// <summary>The wall clock counts as set from this instant on (2021-01-01, nanoFramework's own rule).</summary>
        public const long WallClockSetAfter = 1609459200L;

        private readonly object _lock = new object();
        private readonly long _maxForwardStepMilliseconds;
        private long _lastWallMilliseconds;
        private long _monotonicMilliseconds;
        private int _epoch;
        private bool _started;

        /// <summary>Creates a clock that treats forward steps over one hour between readings as discontinuities.</summary>
        public SystemClock()
            : this(3600L * 1000)
        {
        }

        /// <summary>Creates a clock with the given forward-step limit.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxForwardStepMilliseconds"/> is not positive.</exception>
        public SystemClock(long maxForwardStepMilliseconds)
        {
            if (maxForwardStepMilliseconds <= 0)
            {
                throw new ArgumentOutOfRangeException("maxForwardStepMilliseconds");
            }

            _maxForwardStepMilliseconds = maxForwardStepMilliseconds;
        }

        /// <summary>The largest forward step between two readings that counts as elapsed time.</summary>
        public long MaxForwardStepMilliseconds
        {
            get { return _maxForwardStepMilliseconds; }
        }

        /// <inheritdoc />
        public long UnixSeconds
        {
            get { return ReadWallMilliseconds() / 1000; }
        }

        /// <inheritdoc />
        public bool IsWallClockSet
        {
            get { return UnixSeconds >= WallClockSetAfter; }
        }

        /// <inheritdoc />
        public long MonotonicMilliseconds
        {
            get
            {
                lock (_lock)
                {
                    Observe();
                    return _monotonicMilliseconds;
                }
            }
        }

        /// <inheritdoc />
        public int MonotonicEpoch
        {
            get
            {
                lock (_lock)
                {
                    Observe();
                    return _epoch;
                }
            }
        }

        /// <summary>The current wall-clock time in Unix milliseconds; virtual so tests can drive it.</summary>
        protected virtual long ReadWallMilliseconds()
        {
            return (DateTime.UtcNow.Ticks - UnixEpochTicks) / 10000;
        }

        private void Observe()
        {
            long wall = ReadWallMilliseconds();
            if (!_started)
            {
                _started = true;
                _lastWallMilliseconds = wall;
                return;
            }

            long step = wall - _lastWallMilliseconds;
            _lastWallMilliseconds = wall;
            if (step < 0 || step > _maxForwardStepMilliseconds)
            {
                _epoch++;
                return;
            }

            _monotonicMilliseconds += step;
        }
    }
}
