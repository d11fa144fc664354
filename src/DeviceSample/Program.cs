// DeviceSample: polls a configuration URL through HttpCache.Nano on an ESP32, with a flash store that makes
// every boot (or wake from deep sleep) cost a 304 instead of a download. Thin glue: the logic is in the library.
using System;
using System.Device.Wifi;
using System.Diagnostics;
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
            HttpCacheClient cache = new HttpCacheClient(store, transport, new Esp32Clock(), options);
            ConfigPoller poller = new ConfigPoller(cache, DeviceConfig.ConfigUrl);
            Log("flash cache: " + flash.Count + " entries, " + flash.Bytes + " B; free heap " + FreeHeap() + " B");

            while (true)
            {
                PollResult result = poller.Poll();
                CacheResponse response = result.Response;
                Log("poll: " + response.StatusCode + " " + response.Source.ToString() + (response.Error != null ? " (" + response.Error + ")" : ""));
                if (result.Changed)
                {
                    ApplyConfig(response.Body);
                }

                Log(cache.Stats.ToString());
                Log("flash writes " + flash.Writes + ", free heap " + FreeHeap() + " B");

                if (DeviceConfig.DeepSleepBetweenPolls)
                {
                    // Keep a few seconds awake: a board that sleeps right after boot is hard to redeploy.
                    Thread.Sleep(5000);
                    Sleep.EnableWakeupByTimer(TimeSpan.FromSeconds(DeviceConfig.PollIntervalSeconds));
                    Sleep.StartDeepSleep();
                }

                Thread.Sleep(DeviceConfig.PollIntervalSeconds * 1000);
            }
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
