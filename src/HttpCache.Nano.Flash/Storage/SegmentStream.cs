// SegmentStream: a partial download's committed segments read back in order as one body, each checked against its CRC.
using System;
using System.IO;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// Reads the body of a <see cref="FlashDownload"/> from its segments, for the one copy into a complete entry. A
    /// segment whose CRC does not match, or that is missing, fails the read with <see cref="IOException"/>.
    /// </summary>
    internal sealed class SegmentStream : Stream
    {
        private readonly FlashStore _store;
        private readonly FlashDownload _download;
        private readonly byte[] _trailer = new byte[4];
        private Stream _segment;
        private int _index;
        private long _left;
        private uint _crc;

        public SegmentStream(FlashStore store, FlashDownload download)
        {
            _store = store;
            _download = download;
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
            get { return _download.CommittedLength; }
        }

        public override long Position
        {
            get { throw new NotSupportedException(); }
            set { throw new NotSupportedException(); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_segment == null || _left == 0)
            {
                if (!NextSegment())
                {
                    return 0;
                }
            }

            int read = _segment.Read(buffer, offset, _left < count ? (int)_left : count);
            if (read <= 0)
            {
                throw new IOException("Download segment " + _index + " ended early.");
            }

            _crc = Crc32.Update(_crc, buffer, offset, read);
            _left -= read;
            return read;
        }

#if NANOFRAMEWORK_1_0
        // nano's Stream declares Read(SpanByte) abstract; the copy into the entry reads arrays only.
        public override int Read(SpanByte buffer)
        {
            throw new NotSupportedException();
        }
#endif

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }

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

        protected override void Dispose(bool disposing)
        {
            CloseSegment();
            base.Dispose(disposing);
        }

        // Checks the segment just read to its end, then opens the next; false after the last.
        private bool NextSegment()
        {
            if (_segment != null)
            {
                int got = 0;
                while (got < 4)
                {
                    int read = _segment.Read(_trailer, got, 4 - got);
                    if (read <= 0)
                    {
                        throw new IOException("Download segment " + _index + " has no CRC.");
                    }

                    got += read;
                }

                if (FlashDownload.ReadCrc(_trailer) != Crc32.Finish(_crc))
                {
                    throw new IOException("Download segment " + _index + " is corrupt.");
                }

                CloseSegment();
            }

            if (_index == _download.Segments)
            {
                return false;
            }

            _index++;
            _segment = _store.OpenCommittedSegment(_download, _index);
            if (_segment.Length < 4)
            {
                throw new IOException("Download segment " + _index + " is truncated.");
            }

            _left = _segment.Length - 4;
            _crc = Crc32.Initial;
            return true;
        }

        private void CloseSegment()
        {
            if (_segment != null)
            {
                _segment.Dispose();
                _segment = null;
            }
        }
    }
}
