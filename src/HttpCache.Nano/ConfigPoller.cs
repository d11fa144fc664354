// ConfigPoller: the device's poll loop logic — fetch a config through the cache, report when its body changed.
using System;
using HttpCache.Nano.Storage;

namespace HttpCache.Nano
{
    /// <summary>
    /// Polls one URL through a <see cref="HttpCacheClient"/> and tells whether the body differs from the last one
    /// applied (compared by CRC-32 and length). The first successful poll after construction (after a boot or a
    /// wake from deep sleep) always counts as changed, so the application applies its config once per boot —
    /// typically from flash, after a 304 or, offline, from the stored copy. With a <see cref="PollSchedule"/> each poll
    /// also says when to poll next (<see cref="PollResult.NextPollMilliseconds"/>) and is made with the schedule's
    /// <c>min-fresh</c>, so a fleet's polls reach the origin once per period each, spread evenly. With an
    /// <see cref="IStateStore"/> the schedule's state (its back-off above all) is restored at construction and kept after
    /// every poll that changed it, so deep sleep does not reset it.
    /// Not thread-safe: one poller per polling thread.
    /// </summary>
    public sealed class ConfigPoller
    {
        private readonly HttpCacheClient _client;
        private readonly string _url;
        private readonly PollSchedule _schedule;
        private readonly IStateStore _state;
        private readonly string _stateName;
        private readonly byte[] _stateBuffer;
        private bool _hasApplied;
        private uint _appliedCrc;
        private int _appliedLength;

        /// <summary>Creates a poller for <paramref name="url"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ConfigPoller(HttpCacheClient client, string url)
            : this(client, url, null)
        {
        }

        /// <summary>Creates a poller for <paramref name="url"/> whose polls follow <paramref name="schedule"/> (null: none).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="url"/> is null.</exception>
        public ConfigPoller(HttpCacheClient client, string url, PollSchedule schedule)
            : this(client, url, schedule, null)
        {
        }

        /// <summary>
        /// Creates a poller whose schedule's state survives reboots in <paramref name="state"/> (null: kept in RAM only),
        /// under a name made from the URL; the state found there is restored now.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="url"/> is null.</exception>
        public ConfigPoller(HttpCacheClient client, string url, PollSchedule schedule, IStateStore state)
        {
            if (client == null)
            {
                throw new ArgumentNullException("client");
            }

            if (url == null)
            {
                throw new ArgumentNullException("url");
            }

            _client = client;
            _url = url;
            _schedule = schedule;
            if (schedule != null && state != null)
            {
                _state = state;
                _stateName = "poll" + ((uint)CacheKey.HashOf(url)).ToString("x8");
                _stateBuffer = new byte[PollSchedule.StateLength];
                schedule.ImportState(state.ReadState(_stateName));
            }
        }

        /// <summary>The schedule, or null.</summary>
        public PollSchedule Schedule
        {
            get { return _schedule; }
        }

        /// <summary>Polls once.</summary>
        /// <returns>The response and whether its body is a config to apply (a 2xx whose body changed).</returns>
        public PollResult Poll()
        {
            CacheResponse response = _schedule == null ? _client.Get(_url) : _client.Get(_url, _schedule.MinFreshSeconds);
            bool usable = response.StatusCode >= 200 && response.StatusCode < 300;
            bool changed = false;
            if (usable)
            {
                uint crc = Crc32.Compute(response.Body, 0, response.Body.Length);
                changed = !_hasApplied || crc != _appliedCrc || response.Body.Length != _appliedLength;
                if (changed)
                {
                    _hasApplied = true;
                    _appliedCrc = crc;
                    _appliedLength = response.Body.Length;
                }
            }

            int next = _schedule == null ? -1 : _schedule.Next(response);
            if (_state != null)
            {
                // Written only when it changed: a failure, the first success after failures, a new lifetime.
                _schedule.ExportState(_stateBuffer);
                _state.WriteState(_stateName, _stateBuffer, _stateBuffer.Length);
            }

            return new PollResult(response, changed, next);
        }
    }

    /// <summary>The outcome of one <see cref="ConfigPoller.Poll"/>.</summary>
    public sealed class PollResult
    {
        internal PollResult(CacheResponse response, bool changed, int nextPollMilliseconds)
        {
            Response = response;
            Changed = changed;
            NextPollMilliseconds = nextPollMilliseconds;
        }

        /// <summary>The response (from the network, the cache, or generated).</summary>
        public CacheResponse Response { get; private set; }

        /// <summary>True when <see cref="Response"/> holds a config the application has not applied yet.</summary>
        public bool Changed { get; private set; }

        /// <summary>Milliseconds to wait before the next poll, from the poller's <see cref="PollSchedule"/>; -1 without one.</summary>
        public int NextPollMilliseconds { get; private set; }
    }
}
