// LoopbackOrigin: where the device transport tests find the origin .ci/device-tests.py starts on 127.0.0.1.
// The runner compiles a generated LoopbackOrigin (ports, a fresh root certificate) with LOOPBACK_ORIGIN_GENERATED
// defined; this fallback only lets the project compile without it (every test then fails to connect).
#if !LOOPBACK_ORIGIN_GENERATED
namespace HttpCache.Nano.Tests.DeviceTransport
{
    /// <summary>The loopback origin's ports and the root its https listener's chain ends in.</summary>
    internal static class LoopbackOrigin
    {
        /// <summary>Plain http.</summary>
        public const int HttpPort = 1;

        /// <summary>https: localhost's certificate under an intermediate under <see cref="RootPem"/>.</summary>
        public const int HttpsPort = 2;

        /// <summary>https: localhost's certificate under another root.</summary>
        public const int OtherRootPort = 3;

        /// <summary>A port nothing listens on.</summary>
        public const int ClosedPort = 4;

        /// <summary>The test root certificate (PEM).</summary>
        public const string RootPem = "";
    }
}
#endif
