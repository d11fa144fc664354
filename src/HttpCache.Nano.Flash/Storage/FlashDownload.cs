// FlashDownload: a response body arriving in pieces, kept on flash as numbered segments so that a dropped connection
// or a power cut loses at most the segment being written, and the download resumes from what is stored.
using System;
using System.IO;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// One partial download in a <see cref="FlashStore"/>: the response's metadata (<see cref="Head"/>, no body), the
    /// bytes stored so far (<see cref="StoredLength"/>), the complete length when known (<see cref="TotalLength"/>).
    /// </summary>
    /// <remarks>
    /// Bytes are appended to a segment file written as <c>q&lt;hash&gt;.nnn</c> and moved to <c>p&lt;hash&gt;.nnn</c> once
    /// closed with its CRC (<see cref="Commit"/>, or every <see cref="FlashStore.DownloadSegmentBytes"/>): a segment is
    /// there whole or not at all, so a power cut at any byte leaves the previous partial download, never a torn one.
    /// A partial download is never served; <see cref="FlashStore.CompleteDownload"/> turns it into an entry once every
    /// byte is there. Not thread-safe.
    /// </remarks>
    public sealed class FlashDownload
    {
        private readonly FlashStore _store;
        private Stream _segment;
        private uint _segmentCrc;
        private long _segmentBytes;
        private long _committed;

        internal FlashDownload(FlashStore store, CacheKey key, CacheEntry head, long totalLength, long storedLength, int segments)
        {
            _store = store;
            Key = key;
            Head = head;
            TotalLength = totalLength;
            _committed = storedLength;
            Segments = segments;
        }

        /// <summary>The key the completed entry is stored under.</summary>
        public CacheKey Key { get; private set; }

        /// <summary>The response's status, fields and freshness facts (no body); its validator makes resuming safe.</summary>
        public CacheEntry Head { get; private set; }

        /// <summary>The complete body length, or -1 when the origin has not said.</summary>
        public long TotalLength { get; internal set; }

        /// <summary>Body bytes stored, committed or not.</summary>
        public long StoredLength
        {
            get { return _committed + _segmentBytes; }
        }

        /// <summary>Body bytes that survive a power cut (the closed segments).</summary>
        public long CommittedLength
        {
            get { return _committed; }
        }

        /// <summary>True when every byte of a known length is stored.</summary>
        public bool IsComplete
        {
            get { return TotalLength >= 0 && StoredLength == TotalLength; }
        }

        internal int Segments { get; private set; }

        /// <summary>Appends body bytes, closing a segment each time it reaches the store's segment size.</summary>
        /// <exception cref="IOException">Flash is full or failing (what was committed stays).</exception>
        public void Append(byte[] buffer, int offset, int count)
        {
            if (TotalLength >= 0 && StoredLength + count > TotalLength)
            {
                throw new IOException("More body bytes than the complete length " + TotalLength + ".");
            }

            while (count > 0)
            {
                if (_segment == null)
                {
                    _segment = _store.OpenSegment(this, Segments + 1);
                    _segmentCrc = Crc32.Initial;
                    _segmentBytes = 0;
                }

                long room = _store.DownloadSegmentBytes - _segmentBytes;
                int take = room < count ? (int)room : count;
                _segment.Write(buffer, offset, take);
                _segmentCrc = Crc32.Update(_segmentCrc, buffer, offset, take);
                _segmentBytes += take;
                offset += take;
                count -= take;
                if (_segmentBytes == _store.DownloadSegmentBytes)
                {
                    Commit();
                }
            }
        }

        /// <summary>Closes the open segment with its CRC and moves it in: every byte appended so far survives a power cut.</summary>
        public void Commit()
        {
            if (_segment == null)
            {
                return;
            }

            Stream segment = _segment;
            _segment = null;
            try
            {
                byte[] trailer = new byte[4];
                uint crc = Crc32.Finish(_segmentCrc);
                trailer[0] = (byte)(crc >> 24);
                trailer[1] = (byte)(crc >> 16);
                trailer[2] = (byte)(crc >> 8);
                trailer[3] = (byte)crc;
                segment.Write(trailer, 0, 4);
                segment.Flush();
            }
            finally
            {
                segment.Dispose();
            }

            _store.CloseSegment(this, Segments + 1, _segmentBytes);
            Segments++;
            _committed += _segmentBytes;
            _segmentBytes = 0;
        }

        // Forgets the open segment without committing it (a failed write, a dropped download).
        internal void Abandon()
        {
            if (_segment != null)
            {
                try
                {
                    _segment.Dispose();
                }
                catch (IOException)
                {
                    // Already failing: recovery deletes the uncommitted segment.
                }

                _segment = null;
                _segmentBytes = 0;
            }
        }

        internal static uint ReadCrc(byte[] trailer)
        {
            return (uint)(trailer[0] << 24 | trailer[1] << 16 | trailer[2] << 8 | trailer[3]);
        }

        internal static string Name(int segment)
        {
            if (segment < 1 || segment > 999)
            {
                throw new ArgumentOutOfRangeException("segment");
            }

            return (segment < 10 ? "00" : segment < 100 ? "0" : string.Empty) + segment.ToString();
        }
    }
}
