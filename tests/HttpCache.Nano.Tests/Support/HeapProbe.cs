// HeapProbe (desktop): the managed heap in use after a full collection; the shared heap tests call it.
using System;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>Heap readings for the shared tests, desktop side.</summary>
    public static class HeapProbe
    {
        /// <summary>
        /// Identical setups a heap test measures at once. <c>GC.GetTotalMemory</c> counts a thread's allocation context
        /// (about 8 KB) as used as soon as it is handed out, so one small setup may read as 0 B; 32 copies bring the
        /// error per setup under about 300 B.
        /// </summary>
        public const int Copies = 32;

        /// <summary>A heap level after a full collection: the difference of two readings is the bytes retained in between.</summary>
        public static long Level()
        {
            return GC.GetTotalMemory(true);
        }

        /// <summary>True when <paramref name="calls"/> calls of <paramref name="action"/> (after one to warm up) allocate no byte on this thread.</summary>
        public static bool AllocatesNothing(Action action, int calls)
        {
            action();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
            {
                action();
            }

            return GC.GetAllocatedBytesForCurrentThread() == before;
        }

        /// <summary>Prints a measured figure to the test output.</summary>
        public static void Report(string line)
        {
            Console.WriteLine(line);
        }
    }
}
