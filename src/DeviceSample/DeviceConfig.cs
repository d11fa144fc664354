// DeviceConfig: everything a firmware author edits before flashing the sample.
namespace DeviceSample
{
    /// <summary>Settings of the sample. Edit, build, deploy.</summary>
    public static class DeviceConfig
    {
        /// <summary>Wi-Fi network name. The credentials are stored on the device by the first successful connect.</summary>
        public const string WifiSsid = "my-network";

        /// <summary>Wi-Fi password.</summary>
        public const string WifiPassword = "my-password";

        /// <summary>The configuration endpoint polled through the cache.</summary>
        public const string ConfigUrl = "https://config.example.com/devices/esp32/config.json";

        /// <summary>
        /// Further resources refreshed on each wake after the config (a feature-flag document, a display image). On the
        /// config's host they share its connection: a wake of several resources pays one TLS handshake. Empty for none.
        /// </summary>
        public static readonly string[] WakeUrls = new string[]
        {
            "https://config.example.com/devices/esp32/flags.json",
            "https://config.example.com/devices/esp32/display.bmp",
        };

        /// <summary>
        /// A large file (a firmware image, an e-paper bitmap) downloaded through the flash store on each wake, with
        /// progress lines and resume across a dropped connection or a reboot; null (the default) for none.
        /// </summary>
        public static readonly string LargeFileUrl = null;

        /// <summary>Resume attempts per wake for <see cref="LargeFileUrl"/> after a dropped connection.</summary>
        public const int LargeFileRetries = 5;

        /// <summary>Flash budget for large files, in bytes (their own store, next to the config cache).</summary>
        public const int LargeFileBytes = 1024 * 1024;

        /// <summary>Where large files are stored.</summary>
        public const string LargeFileDirectory = "I:\\files";

        /// <summary>Root CA (PEM) of the config server for https; null to use the CA bundle stored on the device.</summary>
        public static readonly string RootCaPem = null;

        /// <summary>
        /// Seconds between polls. Each device polls at its own slot of this interval (from its MAC address), and no more
        /// often than the config's max-age asks; see <see cref="HttpCache.Nano.PollSchedule"/>.
        /// </summary>
        public const int PollIntervalSeconds = 60;

        /// <summary>
        /// Deep-sleep between polls: each wake is a reboot, and the flash store carries what the last poll learned (a
        /// config a 304 renewed is a fresh hit with no request until its max-age runs out; the back-off through an outage
        /// continues), so a sleeping device makes the requests one that never sleeps would.
        /// </summary>
        public static readonly bool DeepSleepBetweenPolls = false;

        /// <summary>Where the flash store lives: I:\ is the internal flash, D:\ an SD card.</summary>
        public const string CacheDirectory = "I:\\cache";

        /// <summary>Flash budget of the cache, in bytes and entries.</summary>
        public const int FlashBytes = 64 * 1024;

        /// <summary>Entries kept on flash.</summary>
        public const int FlashEntries = 4;

        /// <summary>RAM budget of the cache (the tier in front of flash).</summary>
        public const int RamBytes = 16 * 1024;

        /// <summary>Largest config body accepted from the network.</summary>
        public const int MaxBodyBytes = 16 * 1024;

        /// <summary>How long to wait for Wi-Fi and the clock at boot, in milliseconds.</summary>
        public const int ConnectTimeoutMilliseconds = 30000;
    }
}
