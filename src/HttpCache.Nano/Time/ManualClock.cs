// ManualClock: a clock moved by hand, for tests and deterministic simulations.
namespace HttpCache.Nano.Time
{
    /// <summary>A clock that only moves when told to. Not thread-safe.</summary>
    public sealed class ManualClock : IClock
    {
        private long _unixSeconds;
        private bool _wallClockSet;
        private long _monotonicMilliseconds;
        private int _epoch;

        /// <summary>Starts at <paramref name="unixSeconds"/> with a set wall clock and monotonic time 0.</summary>
        public ManualClock(long unixSeconds)
        {
            _unixSeconds = unixSeconds;
            _wallClockSet = true;
        }

        /// <inheritdoc />
        public long UnixSeconds
        {
            get { return _unixSeconds; }
        }

        /// <inheritdoc />
        public bool IsWallClockSet
        {
            get { return _wallClockSet; }
        }

        /// <inheritdoc />
        public long MonotonicMilliseconds
        {
            get { return _monotonicMilliseconds; }
        }

        /// <inheritdoc />
        public int MonotonicEpoch
        {
            get { return _epoch; }
        }

        /// <summary>Lets <paramref name="seconds"/> pass on both clocks.</summary>
        public void Advance(long seconds)
        {
            AdvanceMilliseconds(seconds * 1000);
        }

        /// <summary>Lets <paramref name="milliseconds"/> pass on both clocks (the wall clock moves in whole seconds).</summary>
        public void AdvanceMilliseconds(long milliseconds)
        {
            long before = _monotonicMilliseconds / 1000;
            _monotonicMilliseconds += milliseconds;
            _unixSeconds += _monotonicMilliseconds / 1000 - before;
        }

        /// <summary>Sets the wall clock (an SNTP sync or a jump) without monotonic time passing.</summary>
        public void SetWallClock(long unixSeconds, bool isSet)
        {
            _unixSeconds = unixSeconds;
            _wallClockSet = isSet;
        }

        /// <summary>Simulates a reboot: a new monotonic epoch starting at 0, and an unset wall clock at 0.</summary>
        public void Reboot()
        {
            _epoch++;
            _monotonicMilliseconds = 0;
            _unixSeconds = 0;
            _wallClockSet = false;
        }
    }
}
