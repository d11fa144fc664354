// StreamingResponse: a response whose body stays on the connection until the caller reads it, piece by piece.
using System;
using System.IO;
using System.Net.Sockets;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// The head of a response (<see cref="Head"/>: status, fields, no body) and its body as reads into the caller's
    /// buffer, for bodies larger than the heap (<see cref="SocketTransport.Open"/>). Reads allocate nothing. Dispose it:
    /// a body read to its end leaves the connection for the next request, anything else closes it. Not thread-safe.
    /// </summary>
    public sealed class StreamingResponse : IStreamingResponse
    {
        private readonly SocketTransport _owner;
        private readonly long _sentBefore;
        private readonly long _receivedBefore;
        private Connection _connection;
        private long _bodyBytes;
        private long _sentTotal;
        private long _receivedTotal;

        internal StreamingResponse(SocketTransport owner, Connection connection, OriginResponse head, long sentBefore, long receivedBefore)
        {
            _owner = owner;
            _connection = connection;
            _sentBefore = sentBefore;
            _receivedBefore = receivedBefore;
            Head = head;
            DeclaredLength = connection.Reader.DeclaredBodyLength;
            IsComplete = connection.Reader.BodyComplete;
        }

        /// <summary>Status line and fields (the body is read with <see cref="Read"/>).</summary>
        public OriginResponse Head { get; private set; }

        /// <summary>The body's Content-Length, or -1 when it is chunked or ends with the connection.</summary>
        public long DeclaredLength { get; private set; }

        /// <summary>Body bytes read so far.</summary>
        public long BodyBytesRead
        {
            get { return _bodyBytes; }
        }

        /// <summary>True once the whole body was read.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Bytes the link carried upwards for this exchange so far (TLS included on desktop).</summary>
        public long LinkBytesSent
        {
            get { return _connection == null ? _sentTotal : _connection.BytesSent - _sentBefore; }
        }

        /// <summary>Bytes the link carried downwards for this exchange so far.</summary>
        public long LinkBytesReceived
        {
            get { return _connection == null ? _receivedTotal : _connection.BytesReceived - _receivedBefore; }
        }

        /// <summary>Reads up to <paramref name="count"/> body bytes; 0 at the end of the body.</summary>
        /// <exception cref="HttpTransportException">The connection failed or closed before the body's end, or the framing is malformed.</exception>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (_connection == null)
            {
                throw new ObjectDisposedException("StreamingResponse");
            }

            int read;
            try
            {
                read = _connection.Reader.ReadBody(buffer, offset, count);
            }
            catch (SocketException e)
            {
                throw SocketFailure.From("Connection to " + _connection.Origin, e, false);
            }
            catch (IOException e)
            {
                throw SocketFailure.FromIo("I/O with " + _connection.Origin, e);
            }

            _bodyBytes += read;
            IsComplete = _connection.Reader.BodyComplete;
            return read;
        }

        /// <summary>Returns the connection (kept when the body was read to its end and it may be reused) or closes it.</summary>
        public void Dispose()
        {
            if (_connection == null)
            {
                return;
            }

            _sentTotal = _connection.BytesSent - _sentBefore;
            _receivedTotal = _connection.BytesReceived - _receivedBefore;
            Connection connection = _connection;
            _connection = null;
            _owner.Release(connection, IsComplete);
        }
    }
}
