// FlashStore.Renewals: what a revalidation taught, kept across reboots without rewriting the body. A 304 that renews
// an entry's freshness for long enough to serve a later wake writes a small renewal record (the entry's metadata, no
// body) next to the entry's file, in one of two slots used in turn: a power cut while one is written leaves the other,
// or the entry's own metadata, as it was.
using System;
using System.IO;

namespace HttpCache.Nano.Storage
{
    public sealed partial class FlashStore
    {
        // The two renewal slots of an entry: e<hash>.hra and e<hash>.hrb.
        private static readonly string[] s_renewalExtensions = new string[] { ".hra", ".hrb" };

        // Bytes after the head in a renewal record: the sequence of the entry file it renews, then a CRC-32 of all before.
        private const int RenewalTailLength = 12;

        /// <summary>
        /// The least number of seconds a renewed freshness must add (to what the flash already holds) and last (past the
        /// response) before a revalidation writes it to flash; -1 never writes one (freshness then lives in RAM only, and
        /// every wake after a reboot revalidates). Default 60: a device that sleeps between polls keeps what a 304 taught
        /// it, while a <c>max-age=0</c> resource, or one whose renewal would be stale before the next wake, writes nothing.
        /// </summary>
        public long RenewalMinSeconds { get; set; }

        /// <summary>Renewal records written (each a few hundred bytes; also counted in <see cref="Writes"/>).</summary>
        public long Renewals
        {
            get { return _renewals; }
        }

        /// <summary>
        /// Replaces the metadata of a stored entry after a revalidation (a 304 merged into it): in RAM, and on flash as a
        /// renewal record when the validators changed or <see cref="RenewalMinSeconds"/> says the renewal buys a later
        /// wake a fresh hit. The body is never rewritten.
        /// </summary>
        public void Freshen(CacheKey key, CacheEntry entry, bool validatorsChanged)
        {
            int slot = _index.Find(key);
            if (slot < 0)
            {
                return;
            }

            _meta[slot] = WithoutBody(entry);
            _index.Touch(slot);
            if (validatorsChanged || RenewalBuysAWake(_persisted[slot].Info, entry.Info))
            {
                WriteRenewal(slot, entry);
            }
        }

        // True when the renewed freshness ends at least RenewalMinSeconds after what flash holds and after the response.
        private bool RenewalBuysAWake(Policy.StoredResponseInfo persisted, Policy.StoredResponseInfo renewed)
        {
            if (RenewalMinSeconds < 0 || renewed.ReceivedAt < 0)
            {
                return false;
            }

            long renewedUntil = renewed.ReceivedAt - renewed.InitialAge + renewed.FreshnessLifetime;
            long persistedUntil = persisted.ReceivedAt < 0 ? long.MinValue : persisted.ReceivedAt - persisted.InitialAge + persisted.FreshnessLifetime;
            return renewedUntil - renewed.ReceivedAt >= RenewalMinSeconds && (persistedUntil == long.MinValue || renewedUntil - persistedUntil >= RenewalMinSeconds);
        }

        // Writes the renewal into the slot not holding the latest one; within the byte budget, or not at all.
        private void WriteRenewal(int slot, CacheEntry entry)
        {
            int target = _renewalSlot[slot] == 1 ? 1 : 0;
            byte[] record = EncodeRenewal(_sequence + 1, entry, _baseSequence[slot], _persistedBodyLength[slot]);
            long growth = record.Length - _renewalSizes[2 * slot + target];
            if (_bytes + growth > _maxBytes)
            {
                return;
            }

            string path = PathOf(entry.Key, s_renewalExtensions[target]);
            try
            {
                Stream stream = _fs.Create(path);
                try
                {
                    stream.Write(record, 0, record.Length);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch (IOException)
            {
                // The other slot, or the entry's own metadata, still holds the state before this renewal.
                _writeFailures++;
                _bytes -= _renewalSizes[2 * slot + target];
                _renewalSizes[2 * slot + target] = 0;
                TryDelete(path);
                return;
            }

            _sequence++;
            _writes++;
            _renewals++;
            _bytesWritten += record.Length;
            _bytes += growth;
            _renewalSizes[2 * slot + target] = record.Length;
            _renewalSlot[slot] = target + 1;
            _persisted[slot] = _meta[slot];
        }

        // head (as an entry file's, for the body length of the file it renews) | that file's sequence | CRC-32 of all before.
        private static byte[] EncodeRenewal(long sequence, CacheEntry entry, long baseSequence, int bodyLength)
        {
            byte[] head = FlashRecord.EncodeHead(sequence, entry, bodyLength);
            byte[] record = new byte[head.Length + RenewalTailLength];
            Array.Copy(head, record, head.Length);
            for (int i = 0; i < 8; i++)
            {
                record[head.Length + i] = (byte)(baseSequence >> (8 * i));
            }

            uint crc = Crc32.Compute(record, 0, record.Length - 4);
            for (int i = 0; i < 4; i++)
            {
                record[record.Length - 4 + i] = (byte)(crc >> (8 * i));
            }

            return record;
        }

        // The newest valid renewal of the entry file whose head is given (same key, same file sequence), or null.
        private FlashRecordHead ReadRenewals(FlashRecordHead head, long[] sizes, out int renewalSlot)
        {
            FlashRecordHead newest = null;
            renewalSlot = 0;
            for (int target = 0; target < 2; target++)
            {
                string path = PathOf(head.Entry.Key, s_renewalExtensions[target]);
                FlashRecordHead renewal = _fs.Exists(path) ? ReadRenewal(path, head) : null;
                sizes[target] = renewal == null ? 0 : renewal.FileSize;
                if (renewal == null)
                {
                    TryDelete(path);
                }
                else if (newest == null || renewal.Sequence > newest.Sequence)
                {
                    newest = renewal;
                    renewalSlot = target + 1;
                }
            }

            return newest;
        }

        private FlashRecordHead ReadRenewal(string path, FlashRecordHead renewed)
        {
            byte[] record = ReadSmallFile(path, FlashRecord.FixedHeadLength + RenewalTailLength, FlashRecord.FixedHeadLength + FlashRecord.MaxMetaLength + RenewalTailLength);
            if (record == null)
            {
                return null;
            }

            int at = record.Length - 4;
            uint crc = (uint)(record[at] | (record[at + 1] << 8) | (record[at + 2] << 16) | (record[at + 3] << 24));
            if (crc != Crc32.Compute(record, 0, at))
            {
                return null;
            }

            long baseSequence = 0;
            for (int i = 0; i < 8; i++)
            {
                baseSequence |= (long)record[record.Length - RenewalTailLength + i] << (8 * i);
            }

            FlashRecordHead head = FlashRecord.ReadHead(new MemoryStream(record));
            if (head == null || baseSequence != renewed.Sequence || head.Entry.Key != renewed.Entry.Key || head.BodyLength != renewed.BodyLength)
            {
                return null;
            }

            head.FileSize = record.Length;
            return head;
        }

        // The renewal files of an entry whose file was replaced or removed: they renewed what is gone.
        private void DeleteRenewals(int slot, string key)
        {
            for (int target = 0; target < 2; target++)
            {
                if (_renewalSizes[2 * slot + target] > 0)
                {
                    TryDelete(PathOf(key, s_renewalExtensions[target]));
                }

                _bytes -= _renewalSizes[2 * slot + target];
                _renewalSizes[2 * slot + target] = 0;
            }

            _renewalSlot[slot] = 0;
        }

        // The whole of a small file (a renewal or a state record) whose size lies within the bounds; null when it is
        // missing, unreadable or of another size.
        private byte[] ReadSmallFile(string path, long minLength, long maxLength)
        {
            try
            {
                if (!_fs.Exists(path))
                {
                    return null;
                }

                Stream stream = _fs.OpenRead(path);
                try
                {
                    long length = stream.Length;
                    if (length < minLength || length > maxLength)
                    {
                        return null;
                    }

                    byte[] content = new byte[(int)length];
                    int read = 0;
                    int n;
                    while (read < content.Length && (n = stream.Read(content, read, content.Length - read)) > 0)
                    {
                        read += n;
                    }

                    return read == content.Length ? content : null;
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch (IOException)
            {
                return null;
            }
        }

        private static bool IsRenewalFile(string file)
        {
            return EndsWith(file, s_renewalExtensions[0]) || EndsWith(file, s_renewalExtensions[1]);
        }
    }
}
