// StoreFactory: builds the store the CLI options ask for — RAM only, or a RAM tier over a flash directory.
using System;
using HttpCache.Nano.Storage;

namespace HttpCache.Desktop
{
    /// <summary>Creates stores from <c>--store ram|DIR</c>, <c>--max-entries</c> and <c>--max-bytes</c>.</summary>
    public static class StoreFactory
    {
        /// <summary>A RAM store, or a RAM store in front of a flash store in <paramref name="store"/>.</summary>
        /// <param name="store"><c>ram</c> or a directory.</param>
        /// <param name="maxEntries">Entry budget.</param>
        /// <param name="maxBytes">Byte budget.</param>
        /// <param name="flash">The flash store, or null for <c>ram</c>.</param>
        public static ICacheStore Create(string store, int maxEntries, long maxBytes, out FlashStore flash)
        {
            if (maxEntries < 1)
            {
                throw new ArgumentException("--max-entries must be at least 1.");
            }

            if (maxBytes < 1024)
            {
                throw new ArgumentException("--max-bytes must be at least 1024.");
            }

            if (string.IsNullOrEmpty(store) || store == "ram")
            {
                flash = null;
                return new RamStore(maxEntries, maxBytes);
            }

            flash = new FlashStore(store, maxEntries, maxBytes);

            // Each run of the tool is a new process, as each wake of a device is a reboot; a disk does not wear as a
            // device's flash does, so any renewal that outlasts the response by a second is kept for the next run.
            flash.RenewalMinSeconds = 1;
            return new TieredStore(new RamStore(Math.Min(maxEntries, 16), Math.Min(maxBytes, 256 * 1024)), flash);
        }
    }
}
