// StoreFactory: the store a command's --store option names — RAM, or RAM in front of a flash store in a directory.
using System;
using HttpCache.Nano.Storage;

namespace HttpCache.Desktop
{
    /// <summary>Opens what <c>--store</c> says.</summary>
    public static class StoreFactory
    {
        /// <summary>A RAM store within the given budget, or a RAM store in front of a flash store in <paramref name="store"/>.</summary>
        /// <param name="store"><c>ram</c> or a directory.</param>
        /// <param name="maxEntries">Entry budget given on the command line, or null: for a directory, the one it keeps (<see cref="StoreBudget"/>).</param>
        /// <param name="maxBytes">Byte budget given on the command line, or null.</param>
        /// <param name="ramEntries">The RAM store's entries when there is no directory.</param>
        /// <param name="ramBytes">The RAM store's bytes when there is no directory.</param>
        /// <param name="flash">The flash store, or null for <c>ram</c>.</param>
        public static ICacheStore Create(string store, int? maxEntries, long? maxBytes, int ramEntries, long ramBytes, out FlashStore flash)
        {
            if (string.IsNullOrEmpty(store) || store == "ram")
            {
                StoreBudget ram = new StoreBudget(maxEntries ?? ramEntries, maxBytes ?? ramBytes);
                flash = null;
                return new RamStore(ram.Entries, ram.Bytes);
            }

            flash = OpenFlash(store, maxEntries, maxBytes);
            StoreBudget budget = StoreBudget.Kept(store);
            return new TieredStore(new RamStore(Math.Min(budget.Entries, 16), Math.Min(budget.Bytes, 256 * 1024)), flash);
        }

        /// <summary>The flash store in <paramref name="directory"/> within the directory's budget (set anew by the values given).</summary>
        public static FlashStore OpenFlash(string directory, int? maxEntries, long? maxBytes)
        {
            StoreBudget budget = StoreBudget.Of(directory, maxEntries, maxBytes);
            FlashStore flash = new FlashStore(directory, budget.Entries, budget.Bytes);

            // Each run of the tool is a new process, as each wake of a device is a reboot; a disk does not wear as a
            // device's flash does, so any renewal that outlasts the response by a second is kept for the next run.
            flash.RenewalMinSeconds = 1;
            return flash;
        }
    }
}
