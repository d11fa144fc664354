// FlashBodyStream: reads a stored body from flash in chunks, checking the record's CRC when the end is reached.
using System;
using System.IO;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// A read-only stream over the body of a flash record, for bodies too large to hold in RAM. The CRC is
    /// computed as the bytes go by and checked after the last one: a corrupt record makes the final read throw
    /// <see cref="IOException"/> — consume the whole stream before acting on the data.
    /// </summary>
    public sealed class FlashBodyStream : Stream
    {
        private readonly Stream _file;
        private readonly long _length;
        private long _position;
        private uint _crc;
        private bool _checked;
#if NANOFRAMEWORK_1_0
        private byte[] _spanChunk;
#endif

        internal FlashBodyStream(Stream file, FlashRecordHead head)
        {
            _file = file;
            _length = head.BodyLength;
            _crc = head.HeadCrc;
        }

        /// <inheritdoc />
        public override bool CanRead
        {
            get { return true; }
        }

        /// <inheritdoc />
        public override bool CanSeek
        {
            get { return false; }
        }

        /// <inheritdoc />
        public override bool CanWrite
        {
            get { return false; }
        }

        /// <inheritdoc />
        public override long Length
        {
            get { return _length; }
        }

        /// <inheritdoc />
        public override long Position
        {
            get { return _position; }
            set { throw new NotSupportedException(); }
        }

        /// <inheritdoc />
        /// <exception cref="IOException">The record is truncated or fails its CRC (reported when the end is reached).</exception>
        public override int Read(byte[] buffer, int offset, int count)
        {
            long left = _length - _position;
            if (left <= 0)
            {
                Verify();
                return 0;
            }

            int read = _file.Read(buffer, offset, count < left ? count : (int)left);
            if (read <= 0)
            {
                throw new IOException("The stored body is truncated.");
            }

            _crc = Crc32.Update(_crc, buffer, offset, read);
            _position += read;
            if (_position == _length)
            {
                Verify();
            }

            return read;
        }

#if NANOFRAMEWORK_1_0
        /// <inheritdoc />
        /// <remarks>nano's <c>SpanByte</c> does not expose its array: the bytes pass through one chunk buffer, allocated on first use.</remarks>
        /// <exception cref="IOException">The record is truncated or fails its CRC (reported when the end is reached).</exception>
        public override int Read(SpanByte buffer)
        {
            if (_spanChunk == null)
            {
                _spanChunk = new byte[FlashRecord.ChunkSize];
            }

            int read = Read(_spanChunk, 0, buffer.Length < _spanChunk.Length ? buffer.Length : _spanChunk.Length);
            new SpanByte(_spanChunk, 0, read).CopyTo(buffer);
            return read;
        }
#endif

        /// <inheritdoc />
        public override void Flush()
        {
        }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Verify()
        {
            if (_checked)
            {
                return;
            }

            _checked = true;
            if (!FlashRecord.CheckTrailer(_file, _crc))
            {
                throw new IOException("The stored body fails its CRC check.");
            }
        }
    }
}
