// FlashStore.State: a few named bytes kept across reboots beside the cache (IStateStore), such as a poll schedule's
// back-off: two slot files used in turn, each "HCS1" | sequence | length | data | CRC-32, so a power cut while one is
// written leaves the other; written only when the bytes change.
using System;
using System.Collections;
using System.IO;

namespace HttpCache.Nano.Storage
{
    public sealed partial class FlashStore : IStateStore
    {
        private const int StateOverhead = 20;
        private const int MaxStateLength = 1024;
        private const int MaxStateNameLength = 16;
        private static readonly string[] s_stateExtensions = new string[] { ".hsa", ".hsb" };

        // Name -> the state kept under it, as last read or written. Names are checked (never empty) before use.
        private readonly Hashtable _states = new Hashtable();
        private long _stateWrites;

        /// <summary>State writes (each 20 bytes plus the data; also counted in <see cref="Writes"/>).</summary>
        public long StateWrites
        {
            get { return _stateWrites; }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The name is not 1 to 16 letters and digits.</exception>
        public byte[] ReadState(string name)
        {
            KeptState kept = Kept(name);
            if (kept.Data == null)
            {
                return null;
            }

            byte[] copy = new byte[kept.Data.Length];
            Array.Copy(kept.Data, copy, copy.Length);
            return copy;
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The name is not 1 to 16 letters and digits, or the data is over 1 KB.</exception>
        public bool WriteState(string name, byte[] data, int length)
        {
            if (data == null || length < 0 || length > data.Length || length > MaxStateLength)
            {
                throw new ArgumentException("data");
            }

            KeptState kept = Kept(name);
            if (kept.Data != null && kept.Data.Length == length && Same(kept.Data, data, length))
            {
                return true;
            }

            int target = kept.Slot == 1 ? 1 : 0;
            byte[] record = new byte[length + StateOverhead];
            record[0] = (byte)'H';
            record[1] = (byte)'C';
            record[2] = (byte)'S';
            record[3] = (byte)'1';
            WriteInt(record, 4, kept.Sequence + 1, 8);
            WriteInt(record, 12, length, 4);
            Array.Copy(data, 0, record, 16, length);
            WriteInt(record, 16 + length, Crc32.Compute(record, 0, 16 + length), 4);
            string path = StatePath(name, target);
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
                // The other slot still holds the value before this write.
                _writeFailures++;
                TryDelete(path);
                return false;
            }

            _writes++;
            _stateWrites++;
            _bytesWritten += record.Length;
            kept.Sequence++;
            kept.Slot = target + 1;
            kept.Data = new byte[length];
            Array.Copy(data, kept.Data, length);
            return true;
        }

        // The state under name, read from its slot files on first use.
        private KeptState Kept(string name)
        {
            CheckStateName(name);
            KeptState kept = (KeptState)_states[name];
            if (kept != null)
            {
                return kept;
            }

            kept = new KeptState();
            for (int target = 0; target < 2; target++)
            {
                long sequence;
                byte[] data = ReadStateSlot(StatePath(name, target), out sequence);
                if (data != null && (kept.Data == null || sequence > kept.Sequence))
                {
                    kept.Data = data;
                    kept.Sequence = sequence;
                    kept.Slot = target + 1;
                }
            }

            _states[name] = kept;
            return kept;
        }

        private byte[] ReadStateSlot(string path, out long sequence)
        {
            sequence = 0;
            byte[] record = ReadSmallFile(path, StateOverhead, StateOverhead + MaxStateLength);
            if (record == null)
            {
                return null;
            }

            int length = (int)ReadInt(record, 12, 4);
            if (record[0] != 'H' || record[1] != 'C' || record[2] != 'S' || record[3] != '1' || length != record.Length - StateOverhead
                || (uint)ReadInt(record, 16 + length, 4) != Crc32.Compute(record, 0, 16 + length))
            {
                return null;
            }

            sequence = ReadInt(record, 4, 8);
            byte[] data = new byte[length];
            Array.Copy(record, 16, data, 0, length);
            return data;
        }

        private string StatePath(string name, int target)
        {
            return _fs.Combine(_directory, "s" + name + s_stateExtensions[target]);
        }

        private static void CheckStateName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxStateNameLength)
            {
                throw new ArgumentException("name");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    throw new ArgumentException("name");
                }
            }
        }

        private static bool Same(byte[] a, byte[] b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static void WriteInt(byte[] buffer, int at, long value, int bytes)
        {
            for (int i = 0; i < bytes; i++)
            {
                buffer[at + i] = (byte)(value >> (8 * i));
            }
        }

        private static long ReadInt(byte[] buffer, int at, int bytes)
        {
            long value = 0;
            for (int i = 0; i < bytes; i++)
            {
                value |= (long)buffer[at + i] << (8 * i);
            }

            return value;
        }

        // One named state: its bytes, the sequence of its newest slot file, and which slot (1 or 2; 0 none) that is.
        private sealed class KeptState
        {
            public byte[] Data;
            public long Sequence;
            public int Slot;
        }
    }
}
