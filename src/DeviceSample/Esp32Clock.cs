// Esp32Clock: IClock over the ESP32's microsecond timer (monotonic since boot) and the SNTP-set wall clock.
using System;
using HttpCache.Nano.Time;
using nanoFramework.Hardware.Esp32;

namespace DeviceSample
{
    /// <summary>
    /// Monotonic time from <c>HighResTimer.GetCurrent()</c> (microseconds since boot): it never jumps when SNTP sets
    /// the wall clock. One epoch per boot is enough: RAM entries do not survive a reboot, and entries loaded from
    /// flash carry no monotonic reading.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        /// <inheritdoc />
        public long UnixSeconds
        {
            get { return (DateTime.UtcNow.Ticks - SystemClock.UnixEpochTicks) / 10000000; }
        }

        /// <inheritdoc />
        public bool IsWallClockSet
        {
            get { return UnixSeconds >= SystemClock.WallClockSetAfter; }
        }

        /// <inheritdoc />
        public long MonotonicMilliseconds
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000); }
        }

        /// <inheritdoc />
        public int MonotonicEpoch
        {
            get { return 0; }
        }
    }
}
