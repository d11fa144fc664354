// StoreCommands: `stats`, `clear` and `repair` of a flash-store directory. `stats` changes nothing: a store opened to
// be looked at goes through InspectionFileSystem, and what opening it for real would repair is only counted.
using System;
using System.CommandLine;
using System.IO;
using HttpCache.Nano.Download;
using HttpCache.Nano.Storage;

namespace HttpCache.Desktop
{
    internal static class StoreCommands
    {
        public static Command Stats(TextWriter output, TextWriter error)
        {
            Argument<string> dir = new("dir") { Description = "Flash-store directory" };
            Command command = new("stats", "Show what a flash-store directory holds: entries, partial downloads, budget (changes nothing)") { dir };
            command.SetAction(result => Program.Guard(error, () =>
            {
                string path = Existing(result.GetValue(dir));
                InspectionFileSystem look = new InspectionFileSystem();
                FlashStore flash = new FlashStore(look, path, 4096, long.MaxValue / 4, long.MaxValue / 4);
                FlashDownload[] partial = flash.PartialDownloads();
                StoreBudget budget = StoreBudget.Kept(path);
                output.WriteLine($"{flash.Count} entries, {flash.Bytes} bytes; {partial.Length} partial download(s) in {flash.Directory}");
                output.WriteLine("budget: " + (budget == null ? "none kept yet (" + new StoreBudget(StoreBudget.DefaultEntries, StoreBudget.DefaultBytes) + " when a command first uses it)" : budget.ToString()));
                foreach (string key in flash.Keys())
                {
                    output.WriteLine("  " + key);
                }

                foreach (FlashDownload download in partial)
                {
                    output.WriteLine($"  partial: {download.Key.Normalized} ({download.StoredLength} of {(download.TotalLength >= 0 ? download.TotalLength.ToString() : "?")} bytes; get --output resumes it)");
                }

                if (look.Changes > 0 || flash.Dropped > 0)
                {
                    output.WriteLine($"needs repair: {flash.Dropped} corrupt file(s), {look.Changes} change(s) an interrupted write left; run `httpcache repair {path}`");
                }

                return 0;
            }));
            return command;
        }

        public static Command Clear(TextWriter output, TextWriter error)
        {
            Argument<string> dir = new("dir") { Description = "Flash-store directory" };
            Command command = new("clear", "Remove every entry and every partial download of a flash-store directory") { dir };
            command.SetAction(result => Program.Guard(error, () =>
            {
                FlashStore flash = new FlashStore(Existing(result.GetValue(dir)), 4096, long.MaxValue / 4);
                int count = flash.Count;
                int partial = flash.PartialDownloads().Length;
                flash.Clear();
                output.WriteLine($"removed {count} entries and {partial} partial download(s) from {flash.Directory}");
                return 0;
            }));
            return command;
        }

        public static Command Repair(TextWriter output, TextWriter error)
        {
            Argument<string> dir = new("dir") { Description = "Flash-store directory" };
            Command command = new("repair", "Finish or undo writes a power cut or a crash interrupted, and delete corrupt files, as a device does at boot") { dir };
            command.SetAction(result => Program.Guard(error, () =>
            {
                FlashStore flash = new FlashStore(Existing(result.GetValue(dir)), 4096, long.MaxValue / 4);
                output.WriteLine($"recovered {flash.Recovered} interrupted write(s), deleted {flash.Dropped} corrupt file(s); {flash.Count} entries remain in {flash.Directory}");
                return 0;
            }));
            return command;
        }

        private static string Existing(string dir)
        {
            if (File.Exists(dir))
            {
                throw new ArgumentException("not a directory: " + dir);
            }

            if (!Directory.Exists(dir))
            {
                throw new ArgumentException("no such directory: " + dir);
            }

            return dir;
        }
    }
}
