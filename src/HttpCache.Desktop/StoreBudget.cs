// StoreBudget: one budget per flash-store directory, kept in the directory itself, so every command that opens it
// (get, get --output, demo, proxy, stats) holds it to the same limits and none evicts what another stored on purpose.
using System;
using System.Globalization;
using System.IO;

namespace HttpCache.Desktop
{
    /// <summary>The entry and byte budget of a store directory, in <c>DIR/httpcache.budget</c>.</summary>
    public sealed class StoreBudget
    {
        /// <summary>The budget of a directory that has none yet: room for downloads, a few hundred small entries.</summary>
        public const int DefaultEntries = 256;

        /// <summary>1 GiB.</summary>
        public const long DefaultBytes = 1L << 30;

        private const string FileName = "httpcache.budget";

        public StoreBudget(int entries, long bytes)
        {
            if (entries < 1)
            {
                throw new ArgumentException("--max-entries must be at least 1.");
            }

            if (bytes < 1024)
            {
                throw new ArgumentException("--max-bytes must be at least 1024.");
            }

            Entries = entries;
            Bytes = bytes;
        }

        public int Entries { get; }

        public long Bytes { get; }

        public override string ToString() => Entries.ToString(CultureInfo.InvariantCulture) + " entries, " + Bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

        /// <summary>
        /// The directory's budget: the given values when set (then kept for the next commands), else the one kept there,
        /// else the default (kept too). Creates the directory.
        /// </summary>
        /// <exception cref="ArgumentException">The path names a file, or a value is out of range.</exception>
        public static StoreBudget Of(string directory, int? entries, long? bytes)
        {
            if (File.Exists(directory))
            {
                throw new ArgumentException("--store names a file, not a directory: " + directory);
            }

            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, FileName);
            StoreBudget kept = Read(path);
            StoreBudget budget = new StoreBudget(entries ?? kept?.Entries ?? DefaultEntries, bytes ?? kept?.Bytes ?? DefaultBytes);
            if (kept == null || kept.Entries != budget.Entries || kept.Bytes != budget.Bytes)
            {
                File.WriteAllText(path, "entries=" + budget.Entries.ToString(CultureInfo.InvariantCulture) + "\nbytes=" + budget.Bytes.ToString(CultureInfo.InvariantCulture) + "\n");
            }

            return budget;
        }

        /// <summary>The budget kept in <paramref name="directory"/>, or null.</summary>
        public static StoreBudget Kept(string directory) => Read(Path.Combine(directory, FileName));

        private static StoreBudget Read(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            int entries = -1;
            long bytes = -1;
            foreach (string line in File.ReadAllLines(path))
            {
                string[] parts = line.Split('=', 2);
                if (parts.Length == 2 && parts[0].Trim() == "entries")
                {
                    int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out entries);
                }
                else if (parts.Length == 2 && parts[0].Trim() == "bytes")
                {
                    long.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out bytes);
                }
            }

            return entries >= 1 && bytes >= 1024 ? new StoreBudget(entries, bytes) : null;
        }
    }
}
