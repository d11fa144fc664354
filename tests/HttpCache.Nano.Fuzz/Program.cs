// Fuzz entry point: `fuzz TARGET` (AFL++ through SharpFuzz), `libfuzzer TARGET`, or `smoke TARGET CORPUS [N]` (in-process, CI).
using System;
using System.IO;
using SharpFuzz;

namespace HttpCache.Nano.Fuzz
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: fuzz TARGET | libfuzzer TARGET | smoke TARGET CORPUS_DIR [MUTATIONS]   (TARGET: headers, response, flash)");
                return 2;
            }

            string target = args[1];
            switch (args[0])
            {
                case "fuzz":
                    Fuzzer.OutOfProcess.Run(stream =>
                    {
                        using MemoryStream copy = new MemoryStream();
                        stream.CopyTo(copy);
                        Harness.Run(target, copy.ToArray());
                    });
                    return 0;
                case "libfuzzer":
                    Fuzzer.LibFuzzer.Run(span => Harness.Run(target, span.ToArray()));
                    return 0;
                case "seed":
                    return SeedFlash(target);
                case "smoke":
                    return Smoke(target, args[2], args.Length > 3 ? int.Parse(args[3]) : 2000);
                default:
                    Console.Error.WriteLine("unknown mode " + args[0]);
                    return 2;
            }
        }

        // Writes valid flash records (with and without Vary values) as seeds: `seed DIR`.
        private static int SeedFlash(string directory)
        {
            string[] bodies = { "{\"on\":true}", "" };
            for (int i = 0; i < bodies.Length; i++)
            {
                HttpCache.Nano.Storage.CacheKey key = HttpCache.Nano.Storage.CacheKey.Of("GET", "http://device.test/config/" + i);
                byte[] headers = System.Text.Encoding.ASCII.GetBytes("Cache-Control: max-age=60\r\nETag: \"v" + i + "\"\r\nVary: Accept\r\n\r\n");
                HttpCache.Nano.Policy.StoredResponseInfo info = new HttpCache.Nano.Policy.StoredResponseInfo { StatusCode = 200, Date = 1795392000L, LastModified = -1, HasETag = true, FreshnessLifetime = 60, ReceivedAt = 1795392000L, HasVary = i == 0, StaleWhileRevalidate = -1, StaleIfError = 30 };
                HttpCache.Nano.Storage.CacheEntry entry = new HttpCache.Nano.Storage.CacheEntry(key.ToString(), 200, "OK", headers, System.Text.Encoding.ASCII.GetBytes(bodies[i]), info, i == 0 ? new byte[] { 1, 120, 0 } : null, i * 77);
                using FileStream file = File.Create(Path.Combine(directory, "record-" + i + ".hcf"));
                HttpCache.Nano.Storage.FlashRecord.Write(file, HttpCache.Nano.Storage.FlashRecord.EncodeHead(i + 1, entry), entry.Body);
            }

            return 0;
        }

        // Every seed, then deterministic mutations of them (bit flips, byte changes, truncations, duplications).
        private static int Smoke(string target, string corpus, int mutations)
        {
            string[] seeds = Directory.GetFiles(corpus);
            Array.Sort(seeds, StringComparer.Ordinal);
            Random random = new Random(12345);
            int runs = 0;
            foreach (string seed in seeds)
            {
                byte[] data = File.ReadAllBytes(seed);
                Harness.Run(target, data);
                runs++;
                for (int i = 0; i < mutations / Math.Max(1, seeds.Length); i++)
                {
                    byte[] mutated = Mutate(data, random);
                    try
                    {
                        Harness.Run(target, mutated);
                    }
                    catch (Exception e)
                    {
                        string crash = Path.Combine(Path.GetTempPath(), "hcn-fuzz-crash-" + target + "-" + runs);
                        File.WriteAllBytes(crash, mutated);
                        Console.Error.WriteLine($"{target}: {e.GetType().Name}: {e.Message} (input saved to {crash})");
                        return 1;
                    }

                    runs++;
                }
            }

            Console.WriteLine($"{target}: {runs} inputs, no invariant broken");
            return 0;
        }

        private const string Interesting = "\r\n:,;=\" \t0123456789azAZ/\\W*\0\u00ff";

        private static byte[] Mutate(byte[] data, Random random)
        {
            byte[] result = (byte[])data.Clone();
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                switch (random.Next(5))
                {
                    case 0 when result.Length > 0:
                        result[random.Next(result.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1 when result.Length > 0:
                        result[random.Next(result.Length)] = (byte)Interesting[random.Next(Interesting.Length)];
                        break;
                    case 2:
                        Array.Resize(ref result, random.Next(result.Length + 1));
                        break;
                    case 3 when result.Length > 0:
                        int start = random.Next(result.Length);
                        int count = random.Next(Math.Min(64, result.Length - start) + 1);
                        byte[] longer = new byte[result.Length + count];
                        Array.Copy(result, 0, longer, 0, start + count);
                        Array.Copy(result, start, longer, start + count, result.Length - start);
                        result = longer;
                        break;
                    default:
                        if (result.Length > 1)
                        {
                            int a = random.Next(result.Length);
                            int b = random.Next(result.Length);
                            (result[a], result[b]) = (result[b], result[a]);
                        }

                        break;
                }
            }

            return result;
        }
    }
}
