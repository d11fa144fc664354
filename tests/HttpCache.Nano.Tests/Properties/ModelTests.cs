// Property and model-based tests (CsCheck), bounded in time so they run in every CI build.
using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Properties
{
    [TestClass]
    public class ModelTests
    {
        private const int Keys = 12;

        private static CacheEntry EntryOf(int key, int size)
        {
            CacheKey k = CacheKey.Of("GET", "http://model.test/k" + key);
            return new CacheEntry(k.ToString(), 200, null, new byte[16], new byte[size], new StoredResponseInfo(), null, 0);
        }

        private static CacheKey KeyOf(int key) => CacheKey.Of("GET", "http://model.test/k" + key);

        [TestMethod]
        public void TheRamStoreBehavesLikeAReferenceLruWithAByteBudget()
        {
            Gen<(int Op, int Key, int Size)> op = Gen.Select(Gen.Int[0, 2], Gen.Int[0, Keys - 1], Gen.Int[0, 3000]);
            op.Array[1, 200].Sample(ops =>
            {
                const int maxEntries = 5;
                const long maxBytes = 6000;
                const long maxEntryBytes = 3000;
                RamStore store = new RamStore(maxEntries, maxBytes, maxEntryBytes);
                List<(int Key, long Size)> model = new List<(int, long)>();
                long evictions = 0;
                foreach ((int kind, int key, int size) in ops)
                {
                    int index = model.FindIndex(e => e.Key == key);
                    switch (kind)
                    {
                        case 0:
                            CacheEntry found = store.Find(KeyOf(key));
                            Assert.AreEqual(index >= 0, found != null, "hit or miss for k" + key);
                            if (index >= 0)
                            {
                                var e = model[index];
                                model.RemoveAt(index);
                                model.Add(e);
                                Assert.AreEqual(e.Size, found.Size);
                            }

                            break;
                        case 1:
                            CacheEntry entry = EntryOf(key, size);
                            bool stored = store.Put(KeyOf(key), entry);
                            if (index >= 0)
                            {
                                model.RemoveAt(index);
                            }

                            if (entry.Size > maxEntryBytes)
                            {
                                Assert.IsFalse(stored);
                                break;
                            }

                            Assert.IsTrue(stored);
                            while (model.Sum(m => m.Size) + entry.Size > maxBytes || model.Count >= maxEntries)
                            {
                                model.RemoveAt(0);
                                evictions++;
                            }

                            model.Add((key, entry.Size));
                            break;
                        default:
                            Assert.AreEqual(index >= 0, store.Remove(KeyOf(key)));
                            if (index >= 0)
                            {
                                model.RemoveAt(index);
                            }

                            break;
                    }

                    Assert.AreEqual(model.Count, store.Count);
                    Assert.AreEqual(model.Sum(m => m.Size), store.Bytes);
                    Assert.IsTrue(store.Bytes <= maxBytes, "budget exceeded");
                }

                Assert.AreEqual(evictions, store.Evictions);
            }, iter: 2000, time: 10);
        }

        [TestMethod]
        public void FormattingThenParsingAnHttpDateRoundTripsEverySecondOfAYearAndRandomInstants()
        {
            byte[] buffer = new byte[HttpDate.FormattedLength];
            long start = Fixtures.T0 - 330 * 86400L;
            for (long t = start; t < start + 366 * 86400L; t++)
            {
                HttpDate.Format(t, buffer, 0);
                if (!HttpDate.TryParse(buffer, 0, buffer.Length, out long back) || back != t)
                {
                    Assert.Fail("round trip failed at " + t);
                }
            }

            Gen.Long[0, 253402300799L].Sample(t =>
            {
                string text = HttpDate.ToString(t);
                Assert.IsTrue(HttpDate.TryParse(text, out long back));
                Assert.AreEqual(t, back, text);
                Assert.AreEqual(DateTimeOffset.FromUnixTimeSeconds(t).ToString("r"), text, "agrees with .NET's RFC 1123 format");
            }, iter: 20000, time: 5);
        }

        private static readonly string[] FlagNames = { "no-cache", "no-store", "no-transform", "must-revalidate", "proxy-revalidate", "must-understand", "private", "public", "immutable", "only-if-cached" };
        private static readonly string[] NumberNames = { "max-age", "s-maxage", "max-stale", "min-fresh", "stale-while-revalidate", "stale-if-error" };

        // The straightforward reference: split on commas (lists without quoted commas), first numeric occurrence wins.
        private static (Dictionary<string, long> Numbers, HashSet<string> Flags) Reference(string value)
        {
            Dictionary<string, long> numbers = new Dictionary<string, long>();
            HashSet<string> flags = new HashSet<string>();
            foreach (string raw in value.Split(','))
            {
                string element = raw.Trim(' ', '\t');
                if (element.Length == 0)
                {
                    continue;
                }

                string[] parts = element.Split('=', 2);
                string name = parts[0].Trim().ToLowerInvariant();
                if (FlagNames.Contains(name))
                {
                    flags.Add(name);
                }
                else if (NumberNames.Contains(name) && !numbers.ContainsKey(name))
                {
                    string arg = parts.Length > 1 ? parts[1].Trim().Trim('"') : null;
                    bool valid = arg != null && arg.Length > 0 && arg.All(char.IsAsciiDigit);
                    long number = valid ? (decimal.Parse(arg) > 2147483648m ? 2147483648L : long.Parse(arg.Length > 18 ? "2147483648" : arg)) : -1;
                    if (valid)
                    {
                        numbers[name] = Math.Min(number, 2147483648L);
                    }
                    else if (name == "max-age")
                    {
                        numbers[name] = 0;
                    }
                    else if (name == "max-stale" && parts.Length == 1)
                    {
                        numbers[name] = CacheControl.Unbounded;
                    }
                }
            }

            return (numbers, flags);
        }

        [TestMethod]
        public void CacheControlParsingMatchesAReferenceParserOnRandomDirectiveLists()
        {
            Gen<string> name = Gen.OneOf<string>(FlagNames.Concat(NumberNames).Concat(new[] { "x-ext", "community", "MAX-AGE", "No-Store" }).ToArray());
            Gen<string> argument = Gen.OneOf(Gen.Const(""), Gen.Int[0, 100000].Select(i => "=" + i), Gen.Const("=99999999999999999999"), Gen.Const("=-1"), Gen.Const("=abc"), Gen.Int[0, 999].Select(i => "=\"" + i + "\""));
            Gen<string> spacing = Gen.OneOf<string>("", " ", "  ", "\t", " ,", ", ,");
            Gen<string> directive = Gen.Select(spacing, name, argument, (s, n, a) => s + n + a);
            directive.Array[0, 12].Select(ds => string.Join(",", ds)).Sample(value =>
            {
                CacheControl parsed = new CacheControl();
                parsed.Add(value);
                var (numbers, flags) = Reference(value);
                long Expect(string n) => numbers.TryGetValue(n, out long v) ? v : -1;
                Assert.AreEqual(Expect("max-age"), parsed.MaxAge, value);
                Assert.AreEqual(Expect("s-maxage"), parsed.SharedMaxAge, value);
                Assert.AreEqual(Expect("max-stale"), parsed.MaxStale, value);
                Assert.AreEqual(Expect("min-fresh"), parsed.MinFresh, value);
                Assert.AreEqual(Expect("stale-while-revalidate"), parsed.StaleWhileRevalidate, value);
                Assert.AreEqual(Expect("stale-if-error"), parsed.StaleIfError, value);
                Assert.AreEqual(flags.Contains("no-store"), parsed.Has(CacheDirectives.NoStore), value);
                Assert.AreEqual(flags.Contains("no-cache"), parsed.Has(CacheDirectives.NoCache), value);
                Assert.AreEqual(flags.Contains("public"), parsed.Has(CacheDirectives.Public), value);
                Assert.AreEqual(flags.Contains("private"), parsed.Has(CacheDirectives.Private), value);
                Assert.AreEqual(flags.Contains("immutable"), parsed.Has(CacheDirectives.Immutable), value);
                Assert.AreEqual(flags.Contains("must-revalidate"), parsed.Has(CacheDirectives.MustRevalidate), value);
                Assert.AreEqual(flags.Contains("only-if-cached"), parsed.Has(CacheDirectives.OnlyIfCached), value);
            }, iter: 20000, time: 10);
        }

        [TestMethod]
        public void FreshnessNeverYieldsANegativeAgeNorALifetimeBeyondTheHeaders()
        {
            Gen<long> delta = Gen.Long[-100000, 100000];
            Gen.Select(Gen.Int[-1, 100000], delta, delta, Gen.Int[-1, 5000], Gen.Bool, Gen.Int[0, 200000], Gen.Int[0, 3])
                .Sample((maxAge, expiresOffset, lastModifiedOffset, age, hasDate, later, reboots) =>
                {
                    ManualClock clock = new ManualClock(Fixtures.T0);
                    string headers = (maxAge >= 0 ? "Cache-Control: max-age=" + maxAge + "\n" : "")
                        + (hasDate ? "Date: " + Fixtures.Date(Fixtures.T0) + "\n" : "")
                        + "Expires: " + Fixtures.Date(Fixtures.T0 + expiresOffset) + "\n"
                        + "Last-Modified: " + Fixtures.Date(Fixtures.T0 + lastModifiedOffset) + "\n"
                        + (age >= 0 ? "Age: " + age + "\n" : "");
                    HeaderFacts facts = Fixtures.Facts(headers);
                    CacheNow now = CacheNow.Read(clock);
                    StoredResponseInfo info = StoredResponseInfo.Describe(200, facts, now, now, 86400);
                    long bound = maxAge >= 0 ? maxAge : Math.Max(0, expiresOffset);
                    Assert.IsTrue(info.FreshnessLifetime >= 0 && info.FreshnessLifetime <= bound, headers + " -> " + info.FreshnessLifetime);
                    for (int i = 0; i < reboots; i++)
                    {
                        clock.Reboot();
                    }

                    clock.SetWallClock(Fixtures.T0 + later - 50000, later % 2 == 0);
                    clock.Advance(later % 1000);
                    long current = Freshness.CurrentAge(info, CacheNow.Read(clock));
                    Assert.IsTrue(current == -1 || current >= Math.Max(0, age), "age " + current + " for " + headers);
                }, iter: 20000, time: 10);
        }
    }
}
