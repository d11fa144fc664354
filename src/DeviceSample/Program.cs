// DeviceSample: polls a configuration URL (and refreshes a few more resources of its host) through HttpCache.Nano on an
// ESP32 at this device's slot of the interval, with a flash store that makes every boot (or wake from deep sleep) cost
// a 304 instead of a download, over one connection per wake. Thin glue: the logic is in the library.
using System;
using System.Device.Wifi;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using HttpCache.Nano;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Networking;

namespace DeviceSample
{
    /// <summary>ESP32 application entry point.</summary>
    public class Program
    {
        /// <summary>Connects, polls through the cache, applies changed configs, sleeps.</summary>
        public static void Main()
        {
            Log("HttpCache.Nano sample, wake-up cause: " + Sleep.GetWakeupCause().ToString() + ", free heap " + FreeHeap() + " B");

            // The wall clock is set by the firmware's SNTP client once there is an IP address; TLS and
            // freshness need it. Without network the stored config is served (offline option below).
            bool online = ConnectWifi();
            if (online)
            {
                Sntp.Start();
            }

            FlashStore flash = new FlashStore(DeviceConfig.CacheDirectory, DeviceConfig.FlashEntries, DeviceConfig.FlashBytes);
            ICacheStore store = new TieredStore(new RamStore(2, DeviceConfig.RamBytes), flash);
            SocketTransport transport = new SocketTransport();
            transport.MaxBodyBytes = DeviceConfig.MaxBodyBytes;
            if (DeviceConfig.RootCaPem != null)
            {
                transport.RootCertificate = new X509Certificate(DeviceConfig.RootCaPem);
            }

            CacheOptions options = new CacheOptions();

            // Device reality: serve the last stored config when the network is down, however old.
            options.MaxStaleWhenOffline = CacheControl.Unbounded;
            Esp32Clock clock = new Esp32Clock();
            HttpCacheClient cache = new HttpCacheClient(store, transport, clock, options);
            PollSchedule schedule = new PollSchedule(clock, DeviceConfig.PollIntervalSeconds * 1000, DeviceId());

            // The schedule's back-off lives in the flash store too: deep sleep is a reboot, and a fleet recovering from
            // an outage must not start again from the interval at every wake.
            ConfigPoller poller = new ConfigPoller(cache, DeviceConfig.ConfigUrl, schedule, flash);
            if (online)
            {
                // After a wake the stored responses' ages come from the wall clock alone: give SNTP a moment, so a
                // config still fresh from the last 304 is served without a request (until then it counts as stale).
                WaitForWallClock(clock, 5000);
            }

            Log("flash cache: " + flash.Count + " entries, " + flash.Bytes + " B; free heap " + FreeHeap() + " B");
            LargeFileJob largeFile = DeviceConfig.LargeFileUrl != null ? new LargeFileJob(transport, clock) : null;

            // A timer wake is this device's slot already. After a power cut a whole fleet boots in the same second:
            // each waits for its own slot, so the origin sees the fleet spread over the interval, not all at once.
            if (Sleep.GetWakeupCause() != Sleep.WakeupCause.Timer)
            {
                int firstDelay = schedule.FirstDelayMilliseconds();
                Log("first poll at this device's slot, in " + firstDelay + " ms");
                Thread.Sleep(firstDelay);
            }

            while (true)
            {
                PollResult result = poller.Poll();
                CacheResponse response = result.Response;
                Log("poll: " + response.StatusCode + " " + response.Source.ToString() + (response.Error != null ? " (" + response.Error + ")" : ""));
                if (result.Changed)
                {
                    ApplyConfig(response.Body);
                }

                RefreshWakeUrls(cache);
                if (largeFile != null && online && largeFile.Run())
                {
                    ApplyLargeFile(largeFile);
                }

                Log(cache.Stats.ToString());
                Log("flash writes " + flash.Writes + " (renewals " + flash.Renewals + ", state " + flash.StateWrites + "), free heap " + FreeHeap()
                    + " B; next poll in " + result.NextPollMilliseconds + " ms");

                if (DeviceConfig.DeepSleepBetweenPolls)
                {
                    // A connection does not survive deep sleep: close it cleanly rather than leave the server a half-open one.
                    cache.CloseIdle();

                    // Keep a few seconds awake: a board that sleeps right after boot is hard to redeploy.
                    int awake = 5000;
                    Thread.Sleep(awake);
                    int sleep = result.NextPollMilliseconds > awake + 1000 ? result.NextPollMilliseconds - awake : 1000;
                    Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(sleep));
                    Sleep.StartDeepSleep();
                }

                Thread.Sleep(result.NextPollMilliseconds);
            }
        }

        private static void WaitForWallClock(Esp32Clock clock, int maxMilliseconds)
        {
            for (int waited = 0; !clock.IsWallClockSet && waited < maxMilliseconds; waited += 100)
            {
                Thread.Sleep(100);
            }

            Log(clock.IsWallClockSet ? "wall clock set" : "wall clock not set yet: stored responses count as stale");
        }

        // One after another on the config's host: the cache sends them over the connection the config poll left open.
        private static void RefreshWakeUrls(HttpCacheClient cache)
        {
            for (int i = 0; i < DeviceConfig.WakeUrls.Length; i++)
            {
                CacheResponse response = cache.Get(DeviceConfig.WakeUrls[i]);
                Log(DeviceConfig.WakeUrls[i] + ": " + response.StatusCode + " " + response.Source.ToString() + ", fresh for " + response.RemainingFreshness + " s");
            }
        }

        // The poll slot comes from the MAC address: stable across boots, and consecutive addresses (one batch of boards)
        // get slots spread evenly over the interval.
        private static uint DeviceId()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            byte[] mac = interfaces.Length > 0 ? interfaces[0].PhysicalAddress : null;
            if (mac == null || mac.Length < 4)
            {
                return 0;
            }

            int n = mac.Length;
            return (uint)(mac[n - 4] << 24 | mac[n - 3] << 16 | mac[n - 2] << 8 | mac[n - 1]);
        }

        private static bool ConnectWifi()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(DeviceConfig.ConnectTimeoutMilliseconds);
            bool connected = WifiNetworkHelper.ConnectDhcp(DeviceConfig.WifiSsid, DeviceConfig.WifiPassword, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
            if (!connected)
            {
                Log("Wi-Fi not available (" + WifiNetworkHelper.Status.ToString() + "): using the stored config");
            }

            return connected;
        }

        private static void ApplyConfig(byte[] body)
        {
            // Replace with the application's own parsing (e.g. nanoFramework.Json) and settings.
            Log("config changed (" + body.Length + " bytes): applying");
        }

        private static void ApplyLargeFile(LargeFileJob job)
        {
            // Replace with the application's own use (an OTA update partition, an e-paper refresh): read it to the end,
            // which checks its CRC, before acting on it.
            FlashBodyStream file = job.OpenFile();
            if (file == null)
            {
                return;
            }

            byte[] chunk = new byte[512];
            long length = 0;
            int read;
            while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
            {
                length += read;
            }

            file.Dispose();
            Log("large file ready: " + length + " bytes, free heap " + FreeHeap() + " B");
        }

        private static uint FreeHeap()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }

        private static void Log(string message)
        {
            // Console output is not compiled away in Release builds, unlike Debug.WriteLine.
            Console.WriteLine(message);
            Debug.WriteLine(message);
        }
    }
}
