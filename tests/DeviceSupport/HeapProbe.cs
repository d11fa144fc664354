// HeapProbe (device): the managed heap in use, read after a forced collection; the shared heap tests call it.
using nanoFramework.TestFramework;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>Heap readings for the shared tests, nanoFramework side.</summary>
    public static class HeapProbe
    {
        /// <summary>Identical setups a heap test measures at once: one, since <c>GC.Run</c> counts free bytes exactly.</summary>
        public const int Copies = 1;

        /// <summary>
        /// A heap level after a full collection: the difference of two readings is the managed bytes retained in
        /// between. nano reports free bytes (<c>GC.Run</c>), so the level is their negation.
        /// </summary>
        public static long Level()
        {
            return -(long)nanoFramework.Runtime.Native.GC.Run(true);
        }

        /// <summary>Prints a measured figure to the test output.</summary>
        public static void Report(string line)
        {
            OutputHelper.WriteLine(line);
        }
    }
}
