// DemoResult: what a demo run did, for the final table and for tests.
using HttpCache.Nano;

namespace HttpCache.Desktop.Demo
{
    /// <summary>The figures of a demo run.</summary>
    public sealed class DemoResult
    {
        public CacheStats Stats { get; init; }

        public int Polls { get; init; }

        public long WireBytes { get; init; }

        public long WireBytesWithoutCache { get; init; }

        public long FlashWrites { get; init; }

        public int OriginFullResponses { get; init; }

        public int OriginNotModified { get; init; }

        public long OriginBodyBytes { get; init; }

        public int ConfigChangesApplied { get; init; }

        /// <summary>True when the polls were stopped early (<see cref="DemoOptions.Stop"/>).</summary>
        public bool Interrupted { get; init; }
    }
}
