// CountingStream: counts the bytes that pass through a stream, to report what a link carries.
using System;
using System.IO;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Passes reads and writes through to an inner stream and counts them. Placed between the socket and TLS it
    /// counts what the link carries (TLS records and handshakes included); placed above TLS it counts plaintext.
    /// Disposing it disposes the inner stream.
    /// </summary>
    internal sealed class CountingStream : PassThroughStream
    {
        private long _read;
        private long _written;

        public CountingStream(Stream inner)
            : base(inner)
        {
        }

        /// <summary>Bytes read through this stream so far.</summary>
        public long BytesRead
        {
            get { return _read; }
        }

        /// <summary>Bytes written through this stream so far.</summary>
        public long BytesWritten
        {
            get { return _written; }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            if (read > 0)
            {
                _read += read;
            }

            return read;
        }

#if NANOFRAMEWORK_1_0
        // nano's Stream declares Read(SpanByte) abstract; the inner stream reads into the span itself.
        public override int Read(SpanByte buffer)
        {
            int read = _inner.Read(buffer);
            if (read > 0)
            {
                _read += read;
            }

            return read;
        }
#endif

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            _written += count;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
