// PollSchedule: when a device polls next, so that a fleet spreads its polls evenly and never retries in step.
// Integer arithmetic only (no floating point on the device's hot loop); allocates only to read a Retry-After.
using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Time;

namespace HttpCache.Nano
{
    /// <summary>
    /// Places one device's polls on its own slot of a wall-clock grid and backs off when the origin fails, so that a
    /// fleet of devices loads the origin evenly: no peak at the top of the minute, no synchronised retry after an outage.
    /// </summary>
    /// <remarks>
    /// <para><b>Slots.</b> The grid's period is the poll interval, or the response's freshness lifetime when that is longer
    /// (capped by <see cref="MaxPeriodMilliseconds"/>): polling a response that is still fresh changes nothing. Each device
    /// sits at phase × spread × period into every period, its phase being the fractional part of its id times the golden
    /// ratio: consecutive ids (serial numbers, MAC addresses of one batch) land evenly spread, random ids uniformly.
    /// Slots are counted from the Unix epoch on the wall clock (the monotonic clock until it is set), so every device
    /// returns to its own slot after any disturbance, and the fleet to an even spread.</para>
    /// <para><b>One contact per period.</b> At a slot the cached response has been stored for about one period; polls made
    /// with <see cref="MinFreshSeconds"/> (as <see cref="ConfigPoller"/> does) revalidate it there even when it would
    /// go stale a moment later, so clock rounding never pushes the contact into the next period.</para>
    /// <para><b>Failures.</b> An unreachable origin (or a stale copy served because of it), a 5xx and a 429 count as failures:
    /// the next poll waits a capped exponential backoff (the interval, doubled per consecutive failure, up to
    /// <see cref="MaxBackoffMilliseconds"/>) with random jitter over its upper half, from a generator seeded per device. A
    /// 429 or 503 with <c>Retry-After</c> (delta-seconds, or an HTTP-date read against the response's <c>Date</c>, else the wall clock) waits
    /// until the device's first slot after it (RFC 9110 10.2.3). The first success returns the device to its slots.</para>
    /// <para>Not thread-safe: one schedule per poller.</para>
    /// </remarks>
    public sealed class PollSchedule
    {
        // 2^32 / golden ratio: multiplying ids by it scatters consecutive ones evenly over [0, 2^32) (Fibonacci hashing).
        private const uint GoldenRatio = 2654435769u;

        private readonly IClock _clock;
        private readonly int _interval;
        private readonly uint _phase;
        private uint _jitterState;
        private int _spreadPercent;
        private int _maxBackoff;
        private int _maxPeriod;
        private int _failures;
        private long _lifetimeSeconds;
        private long _offset;
        private int _offsetEpoch;
        private bool _hasOffset;

        /// <summary>Creates the schedule of one device.</summary>
        /// <param name="clock">The clock the cache reads too.</param>
        /// <param name="intervalMilliseconds">Time between polls while responses are not fresh for longer, at least 1,000.</param>
        /// <param name="deviceId">A number that differs between the devices of a fleet: a serial number, the low bytes of the MAC address.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalMilliseconds"/> is below 1,000.</exception>
        public PollSchedule(IClock clock, int intervalMilliseconds, uint deviceId)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (intervalMilliseconds < 1000)
            {
                throw new ArgumentOutOfRangeException("intervalMilliseconds");
            }

            _clock = clock;
            _interval = intervalMilliseconds;
            _phase = unchecked(deviceId * GoldenRatio);
            // Our own generator, seeded by the id: new Random(seed) is not reproducible on nanoFramework (the ESP32 ignores
            // the seed; nanoCLR shares one state between instances), and a device's jitter must be its own.
            _jitterState = Mix(deviceId ^ 0x5DEECE66u);
            _spreadPercent = 100;
            _maxBackoff = intervalMilliseconds > 900000 ? intervalMilliseconds : 900000;
            _maxPeriod = intervalMilliseconds > 3600000 ? intervalMilliseconds : 3600000;
        }

        /// <summary>The poll interval in milliseconds.</summary>
        public int IntervalMilliseconds
        {
            get { return _interval; }
        }

        /// <summary>How much of each period the fleet spreads over, in percent (1 to 100; default 100, the whole period).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 100.</exception>
        public int SpreadPercent
        {
            get
            {
                return _spreadPercent;
            }

            set
            {
                if (value < 1 || value > 100)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _spreadPercent = value;
            }
        }

        /// <summary>The longest wait after failures, in milliseconds (default 15 minutes, never below the interval).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Below the interval.</exception>
        public int MaxBackoffMilliseconds
        {
            get
            {
                return _maxBackoff;
            }

            set
            {
                if (value < _interval)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _maxBackoff = value;
            }
        }

        /// <summary>
        /// The longest period between polls however long responses stay fresh, in milliseconds (default an hour, never below
        /// the interval): a response fresh for a day is still revalidated this often.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Below the interval.</exception>
        public int MaxPeriodMilliseconds
        {
            get
            {
                return _maxPeriod;
            }

            set
            {
                if (value < _interval)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _maxPeriod = value;
            }
        }

        /// <summary>Failures since the last success.</summary>
        public int ConsecutiveFailures
        {
            get { return _failures; }
        }

        /// <summary>The current period in milliseconds: the interval, or the last lifetime seen when longer (up to <see cref="MaxPeriodMilliseconds"/>).</summary>
        public int PeriodMilliseconds
        {
            get
            {
                long lifetime = _lifetimeSeconds * 1000;
                if (lifetime <= _interval)
                {
                    return _interval;
                }

                return lifetime < _maxPeriod ? (int)lifetime : _maxPeriod;
            }
        }

        /// <summary>
        /// The <c>min-fresh</c> a poll at a slot asks of the cache (<see cref="HttpCacheClient.Get(string, long)"/>): a stored
        /// response that would go stale before the middle of the next period is revalidated now. 0 before the first response.
        /// </summary>
        public long MinFreshSeconds
        {
            get
            {
                long minFresh = _lifetimeSeconds - PeriodMilliseconds / 2000;
                return minFresh > 0 ? minFresh : 0;
            }
        }

        /// <summary>Milliseconds from now to this device's slot in the current period: where a fleet's first polls after a common start land.</summary>
        public int FirstDelayMilliseconds()
        {
            long now = Now();
            return (int)(SlotAtOrAfter(now, PeriodMilliseconds) - now);
        }

        /// <summary>Records the outcome of a poll and tells how long to wait before the next one, in milliseconds.</summary>
        /// <param name="response">The response the poll got from the cache.</param>
        /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
        public int Next(CacheResponse response)
        {
            if (response == null)
            {
                throw new ArgumentNullException("response");
            }

            long now = Now();
            int status = response.StatusCode;
            bool unreachable = response.OriginUnreachable
                || (response.Source == CacheSource.CacheStale && (response.StaleReason == StaleReason.Error || response.StaleReason == StaleReason.Offline));
            bool refused = !response.IsFromCache && (status == 429 || status >= 500);
            if (!unreachable && !refused)
            {
                _failures = 0;
                if (response.FreshnessLifetime > 0)
                {
                    _lifetimeSeconds = response.FreshnessLifetime;
                }

                // More than half a period ahead: a poll a little early or late still lands on the next slot, not this one.
                return (int)(NextSlot(now, PeriodMilliseconds / 2) - now);
            }

            if (_failures < 30)
            {
                _failures++;
            }

            long retryAfter = (status == 429 || status == 503) && !response.IsFromCache ? RetryAfterMilliseconds(response) : -1;
            if (retryAfter >= 0)
            {
                // The server said when; the device's slot after it keeps the fleet from returning all at once.
                long due = now + (retryAfter < _maxBackoff ? retryAfter : _maxBackoff);
                return (int)(SlotAtOrAfter(due, _interval) - now);
            }

            return Backoff();
        }

        // Capped exponential backoff with "equal jitter": at least half the step, so retries neither hammer nor align.
        private int Backoff()
        {
            long step = _interval;
            for (int i = 1; i < _failures && step < _maxBackoff; i++)
            {
                step *= 2;
            }

            if (step > _maxBackoff)
            {
                step = _maxBackoff;
            }

            int half = (int)(step / 2);
            return half + NextJitter(half + 1);
        }

        /// <summary>The bytes <see cref="ExportState"/> writes: what the schedule must remember across a reboot.</summary>
        public const int StateLength = 16;

        private const int StateVersion = 1;

        /// <summary>
        /// Writes what the schedule must remember across a reboot (failures since the last success, the jitter
        /// generator, the lifetime that sets the period) into the first <see cref="StateLength"/> bytes of
        /// <paramref name="destination"/>: keep them in flash (<see cref="Storage.IStateStore"/>) so a device that deep-sleeps
        /// through an outage keeps backing off instead of starting again from the interval at every wake.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="StateLength"/>.</exception>
        public void ExportState(byte[] destination)
        {
            if (destination == null || destination.Length < StateLength)
            {
                throw new ArgumentException("destination");
            }

            destination[0] = StateVersion;
            destination[1] = (byte)_failures;
            for (int i = 0; i < 4; i++)
            {
                destination[2 + i] = (byte)(_jitterState >> (8 * i));
            }

            for (int i = 0; i < 8; i++)
            {
                destination[6 + i] = (byte)(_lifetimeSeconds >> (8 * i));
            }

            destination[14] = 0;
            destination[15] = 0;
        }

        /// <summary>Takes back what <see cref="ExportState"/> wrote (after a reboot); false, and nothing changed, for anything else.</summary>
        public bool ImportState(byte[] source)
        {
            if (source == null || source.Length < StateLength || source[0] != StateVersion || source[1] > 30)
            {
                return false;
            }

            uint jitter = 0;
            for (int i = 0; i < 4; i++)
            {
                jitter |= (uint)source[2 + i] << (8 * i);
            }

            long lifetime = 0;
            for (int i = 0; i < 8; i++)
            {
                lifetime |= (long)source[6 + i] << (8 * i);
            }

            if (jitter == 0 || lifetime < 0)
            {
                return false;
            }

            _failures = source[1];
            _jitterState = jitter;
            _lifetimeSeconds = lifetime;
            return true;
        }

        // MurmurHash3's finalizer: consecutive ids (serials, one batch's MACs) start the generator far apart, never at 0.
        private static uint Mix(uint x)
        {
            x ^= x >> 16;
            x *= 0x85EBCA6Bu;
            x ^= x >> 13;
            x *= 0xC2B2AE35u;
            x ^= x >> 16;
            return x == 0 ? GoldenRatio : x;
        }

        // A number in [0, bound) from xorshift32 (Marsaglia): the same sequence for the same id on every platform.
        private int NextJitter(int bound)
        {
            uint x = _jitterState;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _jitterState = x;
            return (int)(((ulong)x * (uint)bound) >> 32);
        }

        // The first slot of the current grid later than now + minimumAhead.
        private long NextSlot(long now, long minimumAhead)
        {
            long slot = SlotAtOrAfter(now + minimumAhead, PeriodMilliseconds);
            return slot > now ? slot : slot + PeriodMilliseconds;
        }

        private long SlotAtOrAfter(long time, long period)
        {
            long spread = period * _spreadPercent / 100;
            long offset = (long)(((ulong)_phase * (ulong)spread) >> 32);
            long periodStart = time - (time % period);
            long slot = periodStart + offset;
            return slot >= time ? slot : slot + period;
        }

        // Wall-clock milliseconds: the monotonic clock plus its offset from the wall clock, which reads whole seconds only.
        // A delay worked out from a truncated reading would drift each device by up to a second per poll, and the fleet
        // with it; the offset is the largest seen (the readings just after a tick are exact), reset when the clock jumps.
        private long Now()
        {
            long monotonic = _clock.MonotonicMilliseconds;
            if (!_clock.IsWallClockSet)
            {
                _hasOffset = false;
                return monotonic;
            }

            long offset = _clock.UnixSeconds * 1000 - monotonic;
            bool jumped = !_hasOffset || _offsetEpoch != _clock.MonotonicEpoch || offset > _offset + 2000 || offset < _offset - 2000;
            if (jumped || offset > _offset)
            {
                _offset = offset;
                _offsetEpoch = _clock.MonotonicEpoch;
                _hasOffset = true;
            }

            return monotonic + _offset;
        }

        // Retry-After in milliseconds from now, or -1 when absent or invalid (RFC 9110 10.2.3).
        private long RetryAfterMilliseconds(CacheResponse response)
        {
            string value = response.GetHeader("Retry-After");
            if (value == null)
            {
                return -1;
            }

            byte[] bytes = TextBytes.Of(value);
            long seconds;
            if (DeltaSeconds.TryParse(bytes, 0, bytes.Length, out seconds))
            {
                return seconds < int.MaxValue / 1000 ? seconds * 1000 : int.MaxValue;
            }

            long at;
            if (!HttpDate.TryParse(value, out at))
            {
                return -1;
            }

            // Read against the origin's own Date where there is one: the device's clock may differ from the origin's.
            string dateValue = response.GetHeader("Date");
            long date;
            if (dateValue == null || !HttpDate.TryParse(dateValue, out date))
            {
                if (!_clock.IsWallClockSet)
                {
                    return -1;
                }

                date = _clock.UnixSeconds;
            }

            long delta = at - date;
            return delta <= 0 ? 0 : (delta < int.MaxValue / 1000 ? delta * 1000 : int.MaxValue);
        }
    }
}
