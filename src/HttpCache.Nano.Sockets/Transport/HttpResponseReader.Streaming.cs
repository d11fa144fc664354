// HttpResponseReader.Streaming: a response whose body is read piece by piece into the caller's buffer, for bodies
// larger than the heap — the same framing rules, limits and errors as a whole response, without holding the body.
using System.IO;

namespace HttpCache.Nano.Transport
{
    public sealed partial class HttpResponseReader
    {
        private const int BodyNone = 0;
        private const int BodyLength = 1;
        private const int BodyChunked = 2;
        private const int BodyToClose = 3;

        private int _bodyMode;
        private long _bodyRemaining;
        private long _declaredLength;
        private bool _bodyPersistent;
        private bool _bodyDone;

        /// <summary>
        /// Reads the status line and header section of the final response and leaves its body to <see cref="ReadBody(byte[], int, int)"/>.
        /// The returned response has no body; <see cref="DeclaredBodyLength"/> tells its Content-Length when there is one.
        /// No body limit applies: the caller decides where the bytes go.
        /// </summary>
        /// <exception cref="HttpTransportException">The response head is malformed or the stream failed.</exception>
        public OriginResponse ReadHead(Stream stream, string requestMethod)
        {
            return ReadResponse(stream, requestMethod, true);
        }

        /// <summary>Reads the rest of the body from <paramref name="stream"/> (the head was read under a total deadline, the body is not).</summary>
        internal void ContinueBodyOn(Stream stream)
        {
            _stream = stream;
        }

        /// <summary>The Content-Length of the response whose head <see cref="ReadHead"/> read, or -1 (chunked, to the close, or none).</summary>
        public long DeclaredBodyLength
        {
            get { return _declaredLength; }
        }

        /// <summary>True once <see cref="ReadBody(byte[], int, int)"/> reached the end of the body.</summary>
        public bool BodyComplete
        {
            get { return _bodyDone; }
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of the body into <paramref name="destination"/>; 0 at its end (then
        /// <see cref="CanReuseConnection"/> is set). Allocates nothing.
        /// </summary>
        /// <exception cref="HttpTransportException">The framing is malformed, or the connection closed before the body's end.</exception>
        public int ReadBody(byte[] destination, int offset, int count)
        {
            if (_bodyDone || count <= 0)
            {
                return 0;
            }

            int read;
            switch (_bodyMode)
            {
                case BodyLength:
                    read = ReadSome(destination, offset, _bodyRemaining < count ? (int)_bodyRemaining : count);
                    if (read <= 0)
                    {
                        throw SocketFailure.Closed("Connection closed before the end of the body (Content-Length " + _declaredLength + ").");
                    }

                    _bodyRemaining -= read;
                    if (_bodyRemaining == 0)
                    {
                        EndBody(true);
                    }

                    return read;
                case BodyChunked:
                    return ReadChunkedPart(destination, offset, count);
                case BodyToClose:
                    read = ReadSome(destination, offset, count);
                    if (read <= 0)
                    {
                        EndBody(false);
                        return 0;
                    }

                    return read;
                default:
                    EndBody(true);
                    return 0;
            }
        }

        // Sets up the framing of the body that follows the head just read (RFC 9112 6.3).
        private void StartBody(int status, string requestMethod, bool persistent)
        {
            _bodyPersistent = persistent;
            _bodyDone = false;
            _bodyRemaining = 0;
            _declaredLength = -1;
            _reusable = false;
            if (requestMethod == HttpMethods.Head || status == 204 || status == 304)
            {
                _bodyMode = BodyNone;
                EndBody(true);
                return;
            }

            if (_facts.HasTransferEncoding)
            {
                _bodyMode = _facts.IsChunked ? BodyChunked : BodyToClose;
                return;
            }

            if (_facts.ContentLengthInvalid)
            {
                throw SocketFailure.Protocol("Invalid or conflicting Content-Length.");
            }

            _declaredLength = _facts.ContentLength;
            if (_declaredLength < 0)
            {
                _bodyMode = BodyToClose;
                return;
            }

            _bodyMode = BodyLength;
            _bodyRemaining = _declaredLength;
            if (_bodyRemaining == 0)
            {
                EndBody(true);
            }
        }

        private int ReadChunkedPart(byte[] destination, int offset, int count)
        {
            int lineStart;
            int lineEnd;
            if (_bodyRemaining == 0)
            {
                long size = ParseChunkSizeLine();
                if (size == 0)
                {
                    SkipTrailers();
                    EndBody(true);
                    return 0;
                }

                _bodyRemaining = size;
            }

            int read = ReadSome(destination, offset, _bodyRemaining < count ? (int)_bodyRemaining : count);
            if (read <= 0)
            {
                throw SocketFailure.Closed("Connection closed inside a chunk.");
            }

            _bodyRemaining -= read;
            if (_bodyRemaining == 0)
            {
                ReadLine(2, out lineStart, out lineEnd);
                if (lineEnd != lineStart)
                {
                    throw SocketFailure.Protocol("Missing CRLF after chunk data.");
                }
            }

            return read;
        }

        private long ParseChunkSizeLine()
        {
            int lineStart;
            int lineEnd;
            ReadLine(MaxChunkLine, out lineStart, out lineEnd);
            return ParseChunkSize(lineStart, lineEnd);
        }

        private void SkipTrailers()
        {
            int trailerBytes = 0;
            while (true)
            {
                int lineStart;
                int lineEnd;
                ReadLine(_maxHeaderBytes, out lineStart, out lineEnd);
                if (lineEnd == lineStart)
                {
                    return;
                }

                trailerBytes += lineEnd - lineStart;
                if (trailerBytes > _maxHeaderBytes)
                {
                    throw SocketFailure.Protocol("Trailer section too large.");
                }
            }
        }

        private void EndBody(bool framed)
        {
            _bodyDone = true;
            _reusable = _bodyPersistent && framed && _end == _start;
        }
    }
}
