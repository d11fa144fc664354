// HeapProbe (device): the managed heap in use, read after a forced collection, and whether code allocates; the shared
// heap and allocation tests call it.
using System;
using System.Collections;
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

        /// <summary>
        /// True when <paramref name="calls"/> calls of <paramref name="action"/> (after one to warm up) allocate nothing.
        /// nanoFramework counts no allocated bytes, so the heap is first filled to leave <see cref="HeadroomBytes"/> free:
        /// a call that allocated even one object (24 B here, 12 B on an ESP32) would, repeated, force a collection, and a
        /// collection clears the weak reference watched here.
        /// </summary>
        public static bool AllocatesNothing(Action action, int calls)
        {
            action();
            ArrayList ballast = new ArrayList();
            long free = nanoFramework.Runtime.Native.GC.Run(true);
            while (free > 2 * HeadroomBytes)
            {
                // Big pieces while far away, then halves of what is left: free space is not one block.
                long chunk = free > 1048576 ? 16384 : (free - HeadroomBytes) / 2;
                try
                {
                    ballast.Add(new byte[(int)chunk]);
                }
                catch (OutOfMemoryException)
                {
                    break;
                }

                free = free > 1048576 && ballast.Count % 32 != 0 ? free - chunk - 64 : (long)nanoFramework.Runtime.Native.GC.Run(true);
            }

            WeakReference canary = new WeakReference(new object());
            for (int i = 0; i < calls; i++)
            {
                action();
            }

            bool noCollection = canary.IsAlive;
            ballast.Clear();
            return noCollection;
        }

        /// <summary>The free heap left while <see cref="AllocatesNothing"/> runs: far less than calls × one object.</summary>
        public const int HeadroomBytes = 32768;

        /// <summary>Prints a measured figure to the test output.</summary>
        public static void Report(string line)
        {
            OutputHelper.WriteLine(line);
        }
    }
}
