// ConfigPoller: the device's poll loop logic — fetch a config through the cache, report when its body changed.
using System;
using HttpCache.Nano.Storage;

namespace HttpCache.Nano
{
    /// <summary>
    /// Polls one URL through a <see cref="HttpCacheClient"/> and tells whether the body differs from the last one
    /// applied (compared by CRC-32 and length). The first successful poll after construction (after a boot or a
    /// wake from deep sleep) always counts as changed, so the application applies its config once per boot —
    /// typically from flash, after a 304 or, offline, from the stored copy.
    /// Not thread-safe: one poller per polling thread.
    /// </summary>
    public sealed class ConfigPoller
    {
        private readonly HttpCacheClient _client;
        private readonly string _url;
        private bool _hasApplied;
        private uint _appliedCrc;
        private int _appliedLength;

        /// <summary>Creates a poller for <paramref name="url"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ConfigPoller(HttpCacheClient client, string url)
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
        }

        /// <summary>Polls once.</summary>
        /// <returns>The response and whether its body is a config to apply (a 2xx whose body changed).</returns>
        public PollResult Poll()
        {
            CacheResponse response = _client.Get(_url);
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

            return new PollResult(response, changed);
        }
    }

    /// <summary>The outcome of one <see cref="ConfigPoller.Poll"/>.</summary>
    public sealed class PollResult
    {
        internal PollResult(CacheResponse response, bool changed)
        {
            Response = response;
            Changed = changed;
        }

        /// <summary>The response (from the network, the cache, or generated).</summary>
        public CacheResponse Response { get; private set; }

        /// <summary>True when <see cref="Response"/> holds a config the application has not applied yet.</summary>
        public bool Changed { get; private set; }
    }
}
