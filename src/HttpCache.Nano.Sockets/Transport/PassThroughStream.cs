// PassThroughStream: what every stream the transport layers over a connection has in common — a non-seekable
// stream in both directions over an inner one; each subclass says what it adds to reads and writes.
using System;
using System.IO;

namespace HttpCache.Nano.Transport
{
    /// <summary>A readable, writable, non-seekable stream over <see cref="_inner"/>; flushing flushes it.</summary>
    internal abstract class PassThroughStream : Stream
    {
        /// <summary>The stream reads and writes go to.</summary>
        protected readonly Stream _inner;

        protected PassThroughStream(Stream inner)
        {
            _inner = inner;
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
            get { return true; }
        }

        public override long Length
        {
            get { throw new NotSupportedException(); }
        }

        public override long Position
        {
            get { throw new NotSupportedException(); }
            set { throw new NotSupportedException(); }
        }

        public override void Flush()
        {
            _inner.Flush();
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }
    }
}
