// Desktop stand-ins for the device-only APIs DeviceSample uses, declared as in ../shared/nano-api/*.txt
// (nanoFramework.Hardware.Esp32, System.Device.Wifi, nanoFramework.Networking.Sntp, nanoFramework.Runtime.Native).
// They let CI compile the sample on a PC and run the nano API check on it; they never run.
using System;
using System.Threading;

namespace nanoFramework.Hardware.Esp32
{
    public enum EspNativeError
    {
        OK = 0,
        FAIL = -1,
    }

    public class Sleep
    {
        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1,
            Timer,
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time) => throw new PlatformNotSupportedException();

        public static void StartDeepSleep() => throw new PlatformNotSupportedException();

        public static WakeupCause GetWakeupCause() => throw new PlatformNotSupportedException();
    }

    public class HighResTimer
    {
        public static ulong GetCurrent() => throw new PlatformNotSupportedException();
    }
}

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        NetworkIsReady,
    }

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status => throw new PlatformNotSupportedException();

        public static bool ConnectDhcp(string ssid, string password, System.Device.Wifi.WifiReconnectionKind reconnectionKind, bool requiresDateTime, int wifiAdapterId, CancellationToken token)
            => throw new PlatformNotSupportedException();
    }

    public class Sntp
    {
        public static void Start() => throw new PlatformNotSupportedException();
    }
}

namespace nanoFramework.Runtime.Native
{
    public class GC
    {
        public static uint Run(bool compactHeap) => throw new PlatformNotSupportedException();
    }
}
