using System;
using System.IO;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Storage
{
    /// <summary>The flash store over an in-memory file system that can lose power at any byte or operation.</summary>
    [TestClass]
    public class FlashStoreTests
    {
        private const string Dir = "cache";

        private static CacheKey Key(string path)
        {
            return CacheKey.Of("GET", "http://device.test/" + path);
        }

        private static CacheEntry Entry(string path, string body, string etag)
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            CacheNow now = CacheNow.Read(clock);
            string headers = "Cache-Control: max-age=60\nETag: \"" + etag + "\"\nContent-Type: application/json";
            StoredResponseInfo info = StoredResponseInfo.Describe(200, Fixtures.Facts(headers), now, now, 86400);
            return new CacheEntry(Key(path).ToString(), 200, "OK", Fixtures.Block(headers), Fixtures.Bytes(body), info, null, 0);
        }

        private static FlashStore Open(MemoryFileSystem fs)
        {
            return new FlashStore(fs, Dir, 8, 16 * 1024, 8 * 1024);
        }

        // The next sample after k: every step-th one, and always the last.
        private static long NextSample(long k, long step, long last)
        {
            return k < last && k + step > last ? last : k + step;
        }

        private static string BodyOf(CacheEntry entry)
        {
            return entry == null ? null : Fixtures.Text(entry.Body);
        }

        [TestMethod]
        public void AnEntryRoundTripsWithEveryField()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            CacheEntry original = Entry("cfg", "{\"a\":1}", "v1");
            Assert.IsTrue(store.Put(Key("cfg"), original));
            CacheEntry loaded = Open(fs).Find(Key("cfg"));
            Assert.IsNotNull(loaded);
            Assert.AreEqual(original.Key, loaded.Key);
            Assert.AreEqual(200, loaded.StatusCode);
            Assert.AreEqual("OK", loaded.ReasonPhrase);
            CollectionAssert.AreEqual(original.Headers, loaded.Headers);
            CollectionAssert.AreEqual(original.Body, loaded.Body);
            Assert.AreEqual(original.Info.FreshnessLifetime, loaded.Info.FreshnessLifetime);
            Assert.AreEqual(original.Info.ReceivedAt, loaded.Info.ReceivedAt);
            Assert.IsTrue(loaded.Info.HasETag);
            Assert.AreEqual(-1, loaded.Info.ReceivedEpoch, "the resident time of a loaded entry comes from the wall clock");
            Assert.AreEqual(1L, store.Writes);
        }

        [TestMethod]
        public void TheModeAnEntryWasStoredUnderSurvivesAReopen()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            ManualClock clock = new ManualClock(Fixtures.T0);
            CacheNow now = CacheNow.Read(clock);
            string headers = "Cache-Control: s-maxage=60\nVary: Accept";
            StoredResponseInfo info = StoredResponseInfo.Describe(200, Fixtures.Facts(headers), null, now, now, CacheMode.Shared, 86400);
            Open(fs).Put(Key("shared"), new CacheEntry(Key("shared").ToString(), 200, "OK", Fixtures.Block(headers), Fixtures.Bytes("x"), info, null, 0));
            Open(fs).Put(Key("private"), Entry("private", "y", "v1"));
            FlashStore reopened = Open(fs);
            Assert.IsTrue(reopened.Find(Key("shared")).Info.Shared);
            Assert.IsTrue(reopened.Find(Key("shared")).Info.HasVary);
            Assert.IsFalse(reopened.Find(Key("private")).Info.Shared);
            Assert.IsFalse(reopened.Find(Key("private")).Info.HasVary);
        }

        [TestMethod]
        public void ReopeningRestoresTheRecencyOrderOfWrites()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = new FlashStore(fs, Dir, 3, 64 * 1024, 8 * 1024);
            store.Put(Key("a"), Entry("a", "1", "a"));
            store.Put(Key("b"), Entry("b", "2", "b"));
            store.Put(Key("c"), Entry("c", "3", "c"));
            store.Put(Key("a"), Entry("a", "1b", "a2"));
            FlashStore reopened = new FlashStore(fs, Dir, 3, 64 * 1024, 8 * 1024);
            Assert.AreEqual(3, reopened.Count);
            reopened.Put(Key("d"), Entry("d", "4", "d"));
            Assert.IsNull(reopened.Find(Key("b")), "b was the oldest write");
            Assert.AreEqual("1b", BodyOf(reopened.Find(Key("a"))));
            Assert.AreEqual("3", BodyOf(reopened.Find(Key("c"))));
            Assert.AreEqual("4", BodyOf(reopened.Find(Key("d"))));
        }

        [TestMethod]
        public void TheBudgetsInBytesAndEntriesAreEnforcedAcrossReopen()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            long oneFile = FlashRecord.FileSize(FlashRecord.EncodeHead(1, Entry("k0", new string('x', 500), "e")), 500);
            FlashStore store = new FlashStore(fs, Dir, 10, oneFile * 3, oneFile);
            for (int i = 0; i < 8; i++)
            {
                Assert.IsTrue(store.Put(Key("k" + i), Entry("k" + i, new string('x', 500), "e")));
                Assert.IsTrue(store.Bytes <= oneFile * 3);
            }

            Assert.AreEqual(3, store.Count);
            Assert.AreEqual(3, fs.Names().Length, "evicted files are deleted");
            FlashStore smaller = new FlashStore(fs, Dir, 2, oneFile * 3, oneFile);
            Assert.AreEqual(2, smaller.Count, "a smaller budget on reopen trims the oldest");
            Assert.IsNotNull(smaller.Find(Key("k7")));
            Assert.IsFalse(store.Put(Key("huge"), Entry("huge", new string('y', 2000), "e")), "over the per-entry limit");
        }

        [TestMethod]
        public void FlippingAByteDropsTheEntryAndNeverServesIt()
        {
            // Every 9th byte and the last one here (quick on a device); every byte in FlashStoreExhaustiveTests (desktop).
            CheckByteFlips(9);
        }

        /// <summary>Flips byte 0, every <paramref name="stride"/>-th byte and the last byte of a record: each is dropped.</summary>
        internal static void CheckByteFlips(int stride)
        {
            MemoryFileSystem pristine = new MemoryFileSystem();
            Open(pristine).Put(Key("cfg"), Entry("cfg", "{\"threshold\":21}", "v1"));
            string file = pristine.Names()[0];
            int length = pristine.Read(file).Length;
            for (int i = 0; i < length; i = (int)NextSample(i, stride, length - 1))
            {
                MemoryFileSystem fs = pristine.Clone();
                byte[] content = fs.Read(file);
                content[i] ^= 0x20;
                fs.Overwrite(file, content);
                FlashStore store = Open(fs);
                Assert.IsNull(store.Find(Key("cfg")), "served after flipping byte " + i);
                Assert.AreEqual(1L, store.Dropped, "byte " + i);
                Assert.AreEqual(0, fs.Names().Length, "the corrupt file is deleted (byte " + i + ")");
            }
        }

        [TestMethod]
        public void TruncatedAndForeignFilesAreDropped()
        {
            MemoryFileSystem pristine = new MemoryFileSystem();
            Open(pristine).Put(Key("cfg"), Entry("cfg", "body", "v1"));
            string file = pristine.Names()[0];
            byte[] content = pristine.Read(file);
            for (int cut = 0; cut < content.Length; cut += 7)
            {
                MemoryFileSystem fs = pristine.Clone();
                byte[] truncated = new byte[cut];
                Array.Copy(content, truncated, cut);
                fs.Overwrite(file, truncated);
                Assert.IsNull(Open(fs).Find(Key("cfg")), "truncated to " + cut);
            }

            MemoryFileSystem other = pristine.Clone();
            byte[] longer = new byte[content.Length + 1];
            Array.Copy(content, longer, content.Length);
            other.Overwrite(file, longer);
            Assert.IsNull(Open(other).Find(Key("cfg")), "trailing garbage");
            MemoryFileSystem renamed = pristine.Clone();
            renamed.Overwrite(Dir + "/e00000000.hcf", content);
            renamed.Overwrite(file, new byte[] { 1, 2, 3 });
            FlashStore store = Open(renamed);
            Assert.AreEqual(0, store.Count, "a file whose name does not match its key is dropped");
            Assert.AreEqual(2L, store.Dropped);
        }

        [TestMethod]
        public void LeftoverTemporaryFilesAreCompletedOrRemoved()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            Open(fs).Put(Key("cfg"), Entry("cfg", "old", "v1"));
            string file = fs.Names()[0];
            string temp = file.Substring(0, file.Length - 4) + ".tmp";

            // A complete new version left as .tmp (cut before the moves): finished on open.
            MemoryFileSystem complete = new MemoryFileSystem();
            Open(complete).Put(Key("cfg"), Entry("cfg", "new", "v2"));
            MemoryFileSystem a = fs.Clone();
            a.Overwrite(temp, complete.Read(file));
            FlashStore storeA = Open(a);
            Assert.AreEqual("new", BodyOf(storeA.Find(Key("cfg"))));
            Assert.AreEqual(1, a.Names().Length);

            // A half-written .tmp: removed, the old entry stays.
            MemoryFileSystem b = fs.Clone();
            byte[] half = new byte[20];
            Array.Copy(complete.Read(file), half, 20);
            b.Overwrite(temp, half);
            Assert.AreEqual("old", BodyOf(Open(b).Find(Key("cfg"))));
            Assert.AreEqual(1, b.Names().Length);

            // Only an .old left (cut between the two moves with no complete .tmp): restored.
            MemoryFileSystem c = new MemoryFileSystem();
            c.Overwrite(file.Substring(0, file.Length - 4) + ".old", fs.Read(file));
            Assert.AreEqual("old", BodyOf(Open(c).Find(Key("cfg"))));
        }

        [TestMethod]
        public void APowerCutDuringAReplaceLeavesTheOldOrTheNewEntryIntact()
        {
            // Every operation and every 16th byte here (quick on a device); every byte in FlashStoreExhaustiveTests (desktop).
            CheckPowerCutsDuringReplace(16);
        }

        /// <summary>Cuts power at every operation and at every <paramref name="byteStride"/>-th byte (and the last) of a replace.</summary>
        internal static void CheckPowerCutsDuringReplace(int byteStride)
        {
            MemoryFileSystem start = new MemoryFileSystem();
            Open(start).Put(Key("cfg"), Entry("cfg", "old-config-body", "v1"));
            CacheEntry replacement = Entry("cfg", "the-new-config-body-which-is-longer", "v2");

            MemoryFileSystem probe = start.Clone();
            long bytesBefore = probe.BytesWritten;
            long operationsBefore = probe.Operations;
            Open(probe).Put(Key("cfg"), replacement);
            long replaceBytes = probe.BytesWritten - bytesBefore;
            long replaceOperations = probe.Operations - operationsBefore;
            Assert.IsTrue(replaceBytes > 100 && replaceOperations >= 5);

            int sawOld = 0;
            int sawNew = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                long limit = pass == 0 ? replaceBytes : replaceOperations;
                long step = pass == 0 ? byteStride : 1;
                for (long k = 0; k <= limit; k = NextSample(k, step, limit))
                {
                    MemoryFileSystem fs = start.Clone();
                    FlashStore store = Open(fs);
                    if (pass == 0)
                    {
                        fs.CutPowerAfterBytes(k);
                    }
                    else
                    {
                        fs.CutPowerAfterOperations(k);
                    }

                    store.Put(Key("cfg"), replacement);
                    fs.Reboot();
                    string body = BodyOf(Open(fs).Find(Key("cfg")));
                    string where = (pass == 0 ? "byte " : "operation ") + k;
                    Assert.IsTrue(body == "old-config-body" || body == "the-new-config-body-which-is-longer", "after a cut at " + where + ": " + (body == null ? "lost" : body));
                    if (body == "old-config-body")
                    {
                        sawOld++;
                    }
                    else
                    {
                        sawNew++;
                    }

                    Assert.AreEqual(1, fs.Names().Length, "one file left after recovery at " + where);
                }
            }

            Assert.IsTrue(sawOld > 0 && sawNew > 0, "both outcomes occur across the cut points");
        }

        [TestMethod]
        public void UnchangedRevalidationsNeverWriteFlash()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            CacheEntry entry = Entry("cfg", "{}", "v1");
            store.Put(Key("cfg"), entry);
            long writes = store.Writes;
            long created = fs.FilesCreated;
            for (int i = 0; i < 1000; i++)
            {
                store.Freshen(Key("cfg"), entry, false);
            }

            Assert.AreEqual(writes, store.Writes);
            Assert.AreEqual(created, fs.FilesCreated);
            store.Freshen(Key("cfg"), Entry("cfg", "{}", "v2"), true);
            Assert.AreEqual(writes + 1, store.Writes, "a changed validator is persisted");
        }

        /// <summary>A body produced on the fly: byte i is (i * 31) mod 251, never held in an array.</summary>
        private sealed class PatternStream : Stream
        {
            private readonly int _length;
            private int _position;

            public PatternStream(int length)
            {
                _length = length;
            }

            public override bool CanRead
            {
                get { return true; }
            }

            public override bool CanSeek
            {
                get { return false; }
            }

            public override bool CanWrite
            {
                get { return false; }
            }

            public override long Length
            {
                get { return _length; }
            }

            public override long Position
            {
                get { return _position; }
                set { throw new NotSupportedException(); }
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = 0;
                while (n < count && _position < _length)
                {
                    buffer[offset + n++] = (byte)(_position * 31 % 251);
                    _position++;
                }

                return n;
            }

#if NANOFRAMEWORK_1_0
            public override int Read(SpanByte buffer)
            {
                int n = 0;
                while (n < buffer.Length && _position < _length)
                {
                    buffer[n++] = (byte)(_position * 31 % 251);
                    _position++;
                }

                return n;
            }
#endif

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin)
            {
                throw new NotSupportedException();
            }

            public override void SetLength(long value)
            {
                throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                throw new NotSupportedException();
            }
        }

        [TestMethod]
        public void LargeBodiesStreamToAndFromFlashInChunks()
        {
            const int size = 100 * 1024;
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = new FlashStore(fs, Dir, 4, 256 * 1024, 200 * 1024);
            Assert.IsTrue(store.PutStream(Key("firmware"), Entry("firmware", "", "fw1"), new PatternStream(size), size));
            FlashBodyStream body = new FlashStore(fs, Dir, 4, 256 * 1024, 200 * 1024).OpenBody(Key("firmware"));
            Assert.IsNotNull(body);
            Assert.AreEqual((long)size, body.Length);
            byte[] chunk = new byte[1024];
            int total = 0;
            bool same = true;
            int read;
            while ((read = body.Read(chunk, 0, chunk.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    same &= chunk[i] == (byte)((total + i) * 31 % 251);
                }

                total += read;
            }

            body.Dispose();
            Assert.AreEqual(size, total);
            Assert.IsTrue(same, "the streamed body reads back byte for byte");
            Assert.IsNull(store.OpenBody(Key("absent")));
        }

        [TestMethod]
        public void AStreamedBodyThatFailsItsCrcThrowsAtTheEnd()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = new FlashStore(fs, Dir, 4, 64 * 1024, 32 * 1024);
            store.PutStream(Key("big"), Entry("big", "", "b"), new PatternStream(5000), 5000);
            string file = fs.Names()[0];
            byte[] content = fs.Read(file);
            content[content.Length - 100] ^= 0x40;
            fs.Overwrite(file, content);
            FlashBodyStream body = store.OpenBody(Key("big"));
            byte[] chunk = new byte[700];
            Expect.Throws(typeof(IOException), () =>
            {
                while (body.Read(chunk, 0, chunk.Length) > 0)
                {
                }
            });
            body.Dispose();
            Assert.IsFalse(store.PutStream(Key("short"), Entry("short", "", "s"), new PatternStream(10), 20), "a body stream that ends early is a failed write");
        }

        [TestMethod]
        public void RemoveAndClearDeleteTheFiles()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            store.Put(Key("a"), Entry("a", "1", "a"));
            store.Put(Key("b"), Entry("b", "2", "b"));
            Assert.IsTrue(store.Remove(Key("a")));
            Assert.AreEqual(1, fs.Names().Length);
            store.Clear();
            Assert.AreEqual(0, fs.Names().Length);
            Assert.AreEqual(0L, store.Bytes);
        }

        [TestMethod]
        public void AFailedWriteIsAMissNotACrash()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore store = Open(fs);
            fs.CutPowerAfterOperations(0);
            Assert.IsFalse(store.Put(Key("cfg"), Entry("cfg", "x", "v1")));
            Assert.IsTrue(store.WriteFailures >= 1);
            Assert.IsNull(store.Find(Key("cfg")));
        }

        [TestMethod]
        public void ARamTierInFrontServesHitsWithoutReadingFlash()
        {
            MemoryFileSystem fs = new MemoryFileSystem();
            FlashStore flash = Open(fs);
            TieredStore tiered = new TieredStore(new RamStore(2, 8 * 1024), flash);
            tiered.Put(Key("cfg"), Entry("cfg", "v", "1"));
            fs.CutPowerAfterOperations(0);
            fs.CutPowerAfterBytes(0);
            Assert.AreEqual("v", BodyOf(tiered.Find(Key("cfg"))), "served from RAM");
            fs.Reboot();
            TieredStore afterReboot = new TieredStore(new RamStore(2, 8 * 1024), Open(fs));
            Assert.AreEqual("v", BodyOf(afterReboot.Find(Key("cfg"))), "loaded from flash after a reboot");
            Assert.AreEqual(1, afterReboot.Ram.Count, "and promoted into RAM");
        }
    }
}
