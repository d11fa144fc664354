// FlashRecord: the on-flash format of one entry — versioned head, metadata, body, CRC-32 over all of it.
using System;
using System.IO;
using HttpCache.Nano.Policy;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// One stored entry as a file:
    /// <code>
    /// "HCF1" | version (1 byte) | meta length (int32) | body length (int32) | CRC-32 of the preceding 13 bytes + meta
    /// meta: sequence, key, status, reason, freshness facts, flags (1 = Vary, 2 = stored by a shared cache, 4 = the initial age in milliseconds), credential hash, Vary values, header block
    /// body | CRC-32 of everything before it
    /// </code>
    /// The head CRC lets the store index a file by reading its head only; the final CRC covers the body.
    /// All integers are little-endian. Reading never trusts a length: every field is bounds-checked.
    /// </summary>
    public static class FlashRecord
    {
        /// <summary>The format version written; other versions are rejected on open.</summary>
        public const int Version = 1;

        /// <summary>Bytes before the metadata: magic, version, two lengths, head CRC.</summary>
        public const int FixedHeadLength = 17;

        /// <summary>The largest metadata section accepted (guards allocations against corrupt lengths).</summary>
        public const int MaxMetaLength = 64 * 1024;

        internal const int ChunkSize = 512;

        // Bits of the entry-flags byte (version 1 wrote only 0 or 1 there: Vary).
        private const int VaryFlag = 1;
        private const int SharedFlag = 2;

        // Set by this version: the initial age is written in milliseconds (records without it hold seconds).
        private const int MillisecondsFlag = 4;

        /// <summary>Encodes the head (fixed part and metadata, head CRC included) of <paramref name="entry"/>.</summary>
        public static byte[] EncodeHead(long sequence, CacheEntry entry)
        {
            return EncodeHead(sequence, entry, entry.Body.Length);
        }

        /// <summary>Encodes the head of <paramref name="entry"/> for a body of <paramref name="bodyLength"/> bytes written separately (streamed).</summary>
        public static byte[] EncodeHead(long sequence, CacheEntry entry, int bodyLength)
        {
            RecordBuffer meta = new RecordBuffer(256 + entry.Headers.Length);
            meta.WriteInt64(sequence);
            meta.WriteString(entry.Key);
            meta.WriteInt32(entry.StatusCode);
            meta.WriteString(entry.ReasonPhrase);
            StoredResponseInfo info = entry.Info;
            meta.WriteInt64(info.Date);
            meta.WriteInt64(info.LastModified);
            meta.WriteByte(info.HasETag ? 1 : 0);
            meta.WriteInt64(info.FreshnessLifetime);
            meta.WriteByte(info.IsHeuristic ? 1 : 0);
            meta.WriteInt64(info.InitialAgeMilliseconds);
            meta.WriteInt64(info.ReceivedAt);
            meta.WriteInt32((int)info.Directives);
            meta.WriteInt64(info.StaleWhileRevalidate);
            meta.WriteInt64(info.StaleIfError);
            meta.WriteByte((info.HasVary ? VaryFlag : 0) | (info.Shared ? SharedFlag : 0) | MillisecondsFlag);
            meta.WriteInt64(entry.CredentialHash);
            meta.WriteBytes(entry.VaryValues);
            meta.WriteBytes(entry.Headers);
            int metaLength = meta.Position;

            byte[] head = new byte[FixedHeadLength + metaLength];
            head[0] = (byte)'H';
            head[1] = (byte)'C';
            head[2] = (byte)'F';
            head[3] = (byte)'1';
            head[4] = Version;
            WriteInt32(head, 5, metaLength);
            WriteInt32(head, 9, bodyLength);
            Array.Copy(meta.Bytes, 0, head, FixedHeadLength, metaLength);
            uint crc = Crc32.Update(Crc32.Initial, head, 0, 13);
            crc = Crc32.Update(crc, head, FixedHeadLength, metaLength);
            WriteInt32(head, 13, (int)Crc32.Finish(crc));
            return head;
        }

        /// <summary>The size of the file for a head and a body length.</summary>
        public static long FileSize(byte[] head, int bodyLength)
        {
            return head.Length + (long)bodyLength + 4;
        }

        /// <summary>Writes head, body and final CRC to <paramref name="stream"/>, in chunks.</summary>
        public static void Write(Stream stream, byte[] head, byte[] body)
        {
            uint crc = Crc32.Update(Crc32.Initial, head, 0, head.Length);
            stream.Write(head, 0, head.Length);
            for (int offset = 0; offset < body.Length; offset += ChunkSize)
            {
                int count = body.Length - offset < ChunkSize ? body.Length - offset : ChunkSize;
                crc = Crc32.Update(crc, body, offset, count);
                stream.Write(body, offset, count);
            }

            WriteTrailer(stream, crc);
        }

        /// <summary>
        /// Writes head, exactly <paramref name="bodyLength"/> bytes copied from <paramref name="body"/> in 512-byte chunks
        /// (the body is never held whole in memory), and the final CRC.
        /// </summary>
        /// <exception cref="IOException">The body stream ended early.</exception>
        public static void Write(Stream stream, byte[] head, Stream body, int bodyLength)
        {
            uint crc = Crc32.Update(Crc32.Initial, head, 0, head.Length);
            stream.Write(head, 0, head.Length);
            byte[] chunk = new byte[ChunkSize];
            int left = bodyLength;
            while (left > 0)
            {
                int read = body.Read(chunk, 0, left < ChunkSize ? left : ChunkSize);
                if (read <= 0)
                {
                    throw new IOException("The body stream ended " + left + " bytes early.");
                }

                crc = Crc32.Update(crc, chunk, 0, read);
                stream.Write(chunk, 0, read);
                left -= read;
            }

            WriteTrailer(stream, crc);
        }

        private static void WriteTrailer(Stream stream, uint crc)
        {
            byte[] trailer = new byte[4];
            WriteInt32(trailer, 0, (int)Crc32.Finish(crc));
            stream.Write(trailer, 0, 4);
            stream.Flush();
        }

        /// <summary>
        /// Reads and checks a head: magic, version, lengths within bounds, head CRC. The returned entry has an empty
        /// body and an unknown monotonic epoch (its resident time comes from the wall clock, if at all).
        /// </summary>
        /// <returns>Null when the head is missing, truncated, of another version or corrupt.</returns>
        public static FlashRecordHead ReadHead(Stream stream)
        {
            byte[] fixedHead = new byte[FixedHeadLength];
            if (!ReadExactly(stream, fixedHead, FixedHeadLength))
            {
                return null;
            }

            if (fixedHead[0] != 'H' || fixedHead[1] != 'C' || fixedHead[2] != 'F' || fixedHead[3] != '1' || fixedHead[4] != Version)
            {
                return null;
            }

            int metaLength = ReadInt32(fixedHead, 5);
            int bodyLength = ReadInt32(fixedHead, 9);
            if (metaLength < 0 || metaLength > MaxMetaLength || bodyLength < 0)
            {
                return null;
            }

            byte[] head = new byte[FixedHeadLength + metaLength];
            Array.Copy(fixedHead, head, FixedHeadLength);
            if (!ReadExactly(stream, head, FixedHeadLength, metaLength))
            {
                return null;
            }

            uint crc = Crc32.Update(Crc32.Initial, head, 0, 13);
            crc = Crc32.Update(crc, head, FixedHeadLength, metaLength);
            if ((int)Crc32.Finish(crc) != ReadInt32(head, 13))
            {
                return null;
            }

            RecordBuffer meta = new RecordBuffer(head, FixedHeadLength, metaLength);
            long sequence = meta.ReadInt64();
            string key = meta.ReadString();
            int status = meta.ReadInt32();
            string reason = meta.ReadString();
            StoredResponseInfo info = new StoredResponseInfo();
            info.StatusCode = status;
            info.Date = meta.ReadInt64();
            info.LastModified = meta.ReadInt64();
            info.HasETag = meta.ReadByte() != 0;
            info.FreshnessLifetime = meta.ReadInt64();
            info.IsHeuristic = meta.ReadByte() != 0;
            long initialAge = meta.ReadInt64();
            info.ReceivedAt = meta.ReadInt64();
            info.Directives = (Parsing.CacheDirectives)meta.ReadInt32();
            info.StaleWhileRevalidate = meta.ReadInt64();
            info.StaleIfError = meta.ReadInt64();
            int flags = meta.ReadByte();
            info.HasVary = (flags & VaryFlag) != 0;
            info.Shared = (flags & SharedFlag) != 0;
            info.InitialAgeMilliseconds = (flags & MillisecondsFlag) != 0 ? initialAge : initialAge * 1000;
            info.ReceivedEpoch = -1;
            long credentialHash = meta.ReadInt64();
            byte[] varyValues = meta.ReadBytes();
            byte[] headers = meta.ReadBytes();
            if (meta.Failed || !meta.AtEnd || key == null || headers == null)
            {
                return null;
            }

            FlashRecordHead result = new FlashRecordHead();
            result.Sequence = sequence;
            result.Entry = new CacheEntry(key, status, reason, headers, null, info, varyValues, credentialHash);
            result.BodyLength = bodyLength;
            result.FileSize = head.Length + (long)bodyLength + 4;
            result.HeadCrc = Crc32.Update(Crc32.Initial, head, 0, head.Length);
            return result;
        }

        /// <summary>Reads the body after a head and checks the final CRC; null when truncated or corrupt.</summary>
        public static byte[] ReadBody(Stream stream, FlashRecordHead head)
        {
            byte[] body = new byte[head.BodyLength];
            uint crc = head.HeadCrc;
            for (int offset = 0; offset < body.Length; offset += ChunkSize)
            {
                int count = body.Length - offset < ChunkSize ? body.Length - offset : ChunkSize;
                if (!ReadExactly(stream, body, offset, count))
                {
                    return null;
                }

                crc = Crc32.Update(crc, body, offset, count);
            }

            // Anything after the trailer means the file is not what was written.
            return CheckTrailer(stream, crc) ? body : null;
        }

        /// <summary>Reads the 4-byte trailer after a body and checks it against <paramref name="crc"/> (the running CRC over head and body).</summary>
        internal static bool CheckTrailer(Stream stream, uint crc)
        {
            byte[] trailer = new byte[5];
            return ReadExactly(stream, trailer, 4) && (int)Crc32.Finish(crc) == ReadInt32(trailer, 0) && stream.Read(trailer, 4, 1) <= 0;
        }

        private static bool ReadExactly(Stream stream, byte[] buffer, int count)
        {
            return ReadExactly(stream, buffer, 0, count);
        }

        private static bool ReadExactly(Stream stream, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int read = stream.Read(buffer, offset, count);
                if (read <= 0)
                {
                    return false;
                }

                offset += read;
                count -= read;
            }

            return true;
        }

        private static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }
    }

    /// <summary>What <see cref="FlashRecord.ReadHead"/> returns.</summary>
    public sealed class FlashRecordHead
    {
        /// <summary>The write sequence number (orders entries across reboots).</summary>
        public long Sequence;

        /// <summary>The entry, with an empty body.</summary>
        public CacheEntry Entry;

        /// <summary>The body length.</summary>
        public int BodyLength;

        /// <summary>The file size the head implies.</summary>
        public long FileSize;

        /// <summary>The running CRC after the head, to continue over the body.</summary>
        public uint HeadCrc;

        /// <summary>The newest renewal record of this entry file (its metadata replaces the head's), or null; set by the store.</summary>
        internal FlashRecordHead Renewal;

        /// <summary>Which renewal slot holds <see cref="Renewal"/>: 0 none, 1 or 2.</summary>
        internal int RenewalSlot;

        /// <summary>The sizes of the two renewal slots' files on flash (0 when absent or invalid).</summary>
        internal readonly long[] RenewalSizes = new long[2];

        /// <summary>The sequence of the last write of this entry: the renewal's, or the file's own.</summary>
        internal long LatestSequence
        {
            get { return Renewal != null ? Renewal.Sequence : Sequence; }
        }
    }
}
