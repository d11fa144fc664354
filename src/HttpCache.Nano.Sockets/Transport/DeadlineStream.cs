// DeadlineStream: bounds a whole exchange in time, so a peer trickling one byte at a time cannot hold the device.
using System;
using System.IO;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Wraps a stream and fails reads and writes once a deadline (wall-clock based) has passed. One wrapper per
    /// connection, its deadline set anew for each exchange (<see cref="Start"/>): a Stream has a finalizer on
    /// nanoFramework, so a wrapper per exchange would wait for the finalizer thread before its memory came back.
    /// Disposing the wrapper leaves the connection open.
    /// </summary>
    internal sealed class DeadlineStream : PassThroughStream
    {
        private long _deadlineTicks;

        public DeadlineStream(Stream inner)
            : base(inner)
        {
        }

        /// <summary>Starts an exchange: reads and writes fail after <paramref name="totalMilliseconds"/> from now.</summary>
        public DeadlineStream Start(int totalMilliseconds)
        {
            _deadlineTicks = DateTime.UtcNow.Ticks + totalMilliseconds * 10000L;
            return this;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Check();
            return _inner.Read(buffer, offset, count);
        }

#if NANOFRAMEWORK_1_0
        // nano's Stream declares Read(SpanByte) abstract; the inner network or TLS stream reads into the span itself.
        public override int Read(SpanByte buffer)
        {
            Check();
            return _inner.Read(buffer);
        }
#endif

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check();
            _inner.Write(buffer, offset, count);
        }

        private void Check()
        {
            if (DateTime.UtcNow.Ticks > _deadlineTicks)
            {
                throw new HttpTransportException("The exchange exceeded its total time limit.", null, TransportFailure.Timeout, 0);
            }
        }
    }
}
