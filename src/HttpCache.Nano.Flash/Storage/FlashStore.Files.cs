// FlashStore.Files: the store's files — atomic replacement, recovery after a power cut, loading the index at open,
// reading records back, and file names.
using System.IO;

namespace HttpCache.Nano.Storage
{
    public sealed partial class FlashStore
    {
        private void WriteFile(string key, byte[] head, byte[] body, Stream bodyStream, int bodyLength)
        {
            string path = PathOf(key, Extension);
            string temp = PathOf(key, TempExtension);
            string old = PathOf(key, OldExtension);
            Stream stream = _fs.Create(temp);
            try
            {
                if (bodyStream != null)
                {
                    FlashRecord.Write(stream, head, bodyStream, bodyLength);
                }
                else
                {
                    FlashRecord.Write(stream, head, body);
                }
            }
            finally
            {
                stream.Dispose();
            }

            _writes++;
            _bytesWritten += FlashRecord.FileSize(head, bodyLength);
            _fs.Delete(old);
            if (_fs.Exists(path))
            {
                _fs.Move(path, old);
            }

            _fs.Move(temp, path);
            _fs.Delete(old);
        }

        // Finishes or undoes replacements a power cut interrupted.
        private void Recover()
        {
            string[] files = _fs.GetFiles(_directory);
            for (int i = 0; i < files.Length; i++)
            {
                string file = files[i];
                if (EndsWith(file, TempExtension))
                {
                    string path = file.Substring(0, file.Length - TempExtension.Length) + Extension;
                    if (IsComplete(file))
                    {
                        // The new version was fully written: finish the replacement.
                        if (_fs.Exists(path))
                        {
                            _fs.Delete(path);
                        }

                        _fs.Move(file, path);
                    }
                    else
                    {
                        _fs.Delete(file);
                    }

                    _recovered++;
                }
            }

            files = _fs.GetFiles(_directory);
            for (int i = 0; i < files.Length; i++)
            {
                string file = files[i];
                if (EndsWith(file, OldExtension))
                {
                    string path = file.Substring(0, file.Length - OldExtension.Length) + Extension;
                    if (_fs.Exists(path))
                    {
                        _fs.Delete(file);
                    }
                    else
                    {
                        // Cut between moving the old file aside and moving the new one in, with no complete new one.
                        _fs.Move(file, path);
                    }

                    _recovered++;
                }
            }
        }

        // Indexes every valid file by its head, oldest sequence first; deletes invalid ones and trims to the budget.
        private void Load()
        {
            string[] files = _fs.GetFiles(_directory);
            FlashRecordHead[] heads = new FlashRecordHead[files.Length];
            int count = 0;
            for (int i = 0; i < files.Length; i++)
            {
                if (!EndsWith(files[i], Extension))
                {
                    continue;
                }

                FlashRecordHead head = ReadHead(files[i]);
                if (head == null || !SameFile(files[i], PathOf(head.Entry.Key, Extension)))
                {
                    _dropped++;
                    _fs.Delete(files[i]);
                    continue;
                }

                // The newest renewal of this very file, if one was written: its metadata replaces the file's own.
                head.Renewal = ReadRenewals(head, head.RenewalSizes, out head.RenewalSlot);
                heads[count++] = head;
            }

            // Insertion sort by sequence (a device holds a handful of entries).
            for (int i = 1; i < count; i++)
            {
                FlashRecordHead moving = heads[i];
                int j = i - 1;
                while (j >= 0 && heads[j].LatestSequence > moving.LatestSequence)
                {
                    heads[j + 1] = heads[j];
                    j--;
                }

                heads[j + 1] = moving;
            }

            for (int i = 0; i < count; i++)
            {
                FlashRecordHead head = heads[i];
                while (_bytes + head.FileSize > _maxBytes || _index.IsFull)
                {
                    DeleteSlot(_index.Oldest);
                    _evictions++;
                }

                int slot = _index.Add(head.Entry.Key, CacheKey.HashOf(head.Entry.Key));
                _meta[slot] = head.Renewal != null ? head.Renewal.Entry : head.Entry;
                _persisted[slot] = _meta[slot];
                _baseSequence[slot] = head.Sequence;
                _persistedBodyLength[slot] = head.BodyLength;
                _renewalSlot[slot] = head.RenewalSlot;
                _renewalSizes[2 * slot] = head.RenewalSizes[0];
                _renewalSizes[2 * slot + 1] = head.RenewalSizes[1];
                _fileSizes[slot] = head.FileSize;
                _bytes += head.FileSize + head.RenewalSizes[0] + head.RenewalSizes[1];
                if (head.LatestSequence > _sequence)
                {
                    _sequence = head.LatestSequence;
                }
            }

            // Renewal records whose entry file is gone (removed, or dropped above) renew nothing.
            files = _fs.GetFiles(_directory);
            for (int i = 0; i < files.Length; i++)
            {
                if (IsRenewalFile(files[i]) && !_fs.Exists(files[i].Substring(0, files[i].Length - Extension.Length) + Extension))
                {
                    TryDelete(files[i]);
                }
            }
        }

        private FlashRecordHead ReadHead(string path)
        {
            FlashRecordHead head;
            byte[] body;
            return ReadRecord(path, false, out head, out body) ? head : null;
        }

        private bool IsComplete(string path)
        {
            FlashRecordHead head;
            byte[] body;
            return ReadRecord(path, true, out head, out body);
        }

        private byte[] ReadBody(string key)
        {
            FlashRecordHead head;
            byte[] body;
            return ReadRecord(PathOf(key, Extension), true, out head, out body) && head.Entry.Key == key ? body : null;
        }

        // Reads a file's head (and body, checking the final CRC); false for a missing, unreadable, corrupt or oversized file.
        private bool ReadRecord(string path, bool withBody, out FlashRecordHead head, out byte[] body)
        {
            head = null;
            body = null;
            Stream stream = null;
            try
            {
                stream = _fs.OpenRead(path);
                head = FlashRecord.ReadHead(stream);
                if (head == null || head.FileSize > _maxEntryBytes || (stream.CanSeek && stream.Length != head.FileSize))
                {
                    return false;
                }

                if (withBody)
                {
                    body = FlashRecord.ReadBody(stream, head);
                    return body != null;
                }

                return true;
            }
            catch (IOException)
            {
                return false;
            }
            finally
            {
                if (stream != null)
                {
                    stream.Dispose();
                }
            }
        }

        private int FindByFileName(string key, int except)
        {
            string path = PathOf(key, Extension);
            for (int slot = _index.Oldest; slot >= 0; slot = _index.NewerThan(slot))
            {
                if (slot != except && _meta[slot].Key != key && PathOf(_meta[slot].Key, Extension) == path)
                {
                    return slot;
                }
            }

            return -1;
        }

        private void DeleteSlot(int slot)
        {
            string path = PathOf(_meta[slot].Key, Extension);
            RemoveSlot(slot);
            TryDelete(path);
        }

        // A file that cannot be deleted now is found again on the next open and trimmed to the budget there.
        private void TryDelete(string path)
        {
            try
            {
                _fs.Delete(path);
            }
            catch (IOException)
            {
                _writeFailures++;
            }
        }

        private void RemoveSlot(int slot)
        {
            DeleteRenewals(slot, _meta[slot].Key);
            _bytes -= _fileSizes[slot];
            _fileSizes[slot] = 0;
            _meta[slot] = null;
            _persisted[slot] = null;
            _index.Remove(slot);
        }

        private string PathOf(string key, string extension)
        {
            return _fs.Combine(_directory, "e" + Hex8(CacheKey.HashOf(key)) + extension);
        }

        private static CacheEntry WithoutBody(CacheEntry entry)
        {
            return new CacheEntry(entry.Key, entry.StatusCode, entry.ReasonPhrase, entry.Headers, null, entry.Info, entry.VaryValues, entry.CredentialHash);
        }

        private static bool SameFile(string a, string b)
        {
            return a == b || EndsWith(a, b.Substring(b.Length - 13)) && EndsWith(b, a.Substring(a.Length - 13));
        }

        private static bool EndsWith(string s, string suffix)
        {
            return s.Length >= suffix.Length && s.Substring(s.Length - suffix.Length) == suffix;
        }

        private static string Hex8(int value)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                chars[i] = digits[value & 0xF];
                value >>= 4;
            }

            return new string(chars);
        }
    }
}
