// HttpResponseReader: reads one HTTP/1.1 response from a stream — status line, header block, and a
// Content-Length, chunked or close-delimited body — within fixed limits.
using System;
using System.IO;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// Reads a response from a stream (RFC 9112). The header block is validated by <see cref="HeaderFields"/> and
    /// handed over as bytes; no header string is created. Interim 1xx responses are skipped.
    /// </summary>
    /// <remarks>
    /// Every malformed, oversized or truncated response throws <see cref="HttpTransportException"/> with the
    /// reason: a bad status line, a header section over <c>maxHeaderBytes</c> or <c>maxHeaderFields</c>, an invalid
    /// or conflicting Content-Length (RFC 9112 6.3), a bad chunk size, a body over <c>maxBodyBytes</c>, a
    /// connection closed before the declared end. After each response <see cref="CanReuseConnection"/> tells whether
    /// the connection is left exactly at the start of the next response (RFC 9112 9.3): HTTP/1.1 (or 1.0 with
    /// <c>keep-alive</c>), no <c>Connection: close</c>, a body framed by its length or by chunks (not by the close), and
    /// no byte read beyond it. Reuse one reader per connection. Not thread-safe.
    /// </remarks>
    public sealed partial class HttpResponseReader
    {
        private const int MaxChunkLine = 1024;

        private readonly int _maxHeaderBytes;
        private readonly int _maxHeaderFields;
        private readonly int _maxBodyBytes;
        private readonly HeaderFacts _facts = new HeaderFacts();
        private static readonly byte[] s_close = Ascii.LowerBytes("close");
        private static readonly byte[] s_keepAlive = Ascii.LowerBytes("keep-alive");
        private static readonly byte[] s_timeout = Ascii.LowerBytes("timeout");
        private static readonly byte[] s_max = Ascii.LowerBytes("max");

        private readonly HeaderFields _fields;
        private bool _reusable;
        private long _keepAliveTimeout;
        private long _keepAliveMax;
        private IInterimResponses _interim;
        private byte[] _buffer;
        private int _start;
        private int _end;
        private long _bytesRead;
        private Stream _stream;

        /// <summary>Creates a reader with the given limits.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
        public HttpResponseReader(int maxHeaderBytes, int maxHeaderFields, int maxBodyBytes)
        {
            if (maxHeaderBytes < 64 || maxHeaderFields < 1 || maxBodyBytes < 0)
            {
                throw new ArgumentOutOfRangeException("maxHeaderBytes");
            }

            _maxHeaderBytes = maxHeaderBytes;
            _maxHeaderFields = maxHeaderFields;
            _maxBodyBytes = maxBodyBytes;
            _fields = new HeaderFields(maxHeaderFields);
            _buffer = new byte[maxHeaderBytes < 2048 ? maxHeaderBytes : 2048];
        }

        /// <summary>Bytes read from the stream by the last <see cref="Read"/> (also when it failed).</summary>
        public long BytesRead
        {
            get { return _bytesRead; }
        }

        /// <summary>True when the last response left the connection at the start of the next one (see the remarks).</summary>
        public bool CanReuseConnection
        {
            get { return _reusable; }
        }

        /// <summary>The server's <c>Keep-Alive: timeout=</c> of the last response in seconds, or -1.</summary>
        public long KeepAliveTimeoutSeconds
        {
            get { return _keepAliveTimeout; }
        }

        /// <summary>The server's <c>Keep-Alive: max=</c> of the last response (requests it still accepts on the connection), or -1.</summary>
        public long KeepAliveMax
        {
            get { return _keepAliveMax; }
        }

        /// <summary>Reads one complete response.</summary>
        /// <param name="stream">The connection.</param>
        /// <param name="requestMethod">The request's method (a HEAD response has no body).</param>
        /// <exception cref="HttpTransportException">The response is malformed, too large or truncated, or the stream failed.</exception>
        public OriginResponse Read(Stream stream, string requestMethod)
        {
            return ReadResponse(stream, requestMethod, false);
        }

        /// <summary>Where the next response's interim (1xx) responses go, or null to skip them; set before each read.</summary>
        public IInterimResponses Interim
        {
            get { return _interim; }
            set { _interim = value; }
        }

        // The final response; with headOnly its body is left to ReadBody (HttpResponseReader.Streaming).
        private OriginResponse ReadResponse(Stream stream, string requestMethod, bool headOnly)
        {
            _stream = stream;
            _start = 0;
            _end = 0;
            _bytesRead = 0;
            _reusable = false;
            _keepAliveTimeout = -1;
            _keepAliveMax = -1;
            while (true)
            {
                int headerEnd = FindHeaderEnd();
                int responseStart = _start;
                int statusEnd = ByteSearch.LineFeed(_buffer, _start, headerEnd);
                int lineEnd = statusEnd > _start && _buffer[statusEnd - 1] == Ascii.CarriageReturn ? statusEnd - 1 : statusEnd;
                int status;
                int reasonStart;
                int reasonLength;
                if (!StatusLine.TryParse(_buffer, _start, lineEnd - _start, out status, out reasonStart, out reasonLength))
                {
                    throw SocketFailure.Protocol("Malformed status line.");
                }

                // "HTTP/1.x": x is the minor version (RFC 9112 2.3); 1.0 connections persist only when asked to.
                bool http10 = _buffer[_start + 7] == '0';

                int blockStart = statusEnd + 1;
                int blockLength = headerEnd - blockStart;
                HeaderBlockStatus parsed = _fields.Parse(_buffer, blockStart, blockLength);
                if (parsed == HeaderBlockStatus.TooManyFields)
                {
                    throw SocketFailure.Protocol("More than " + _maxHeaderFields + " header fields.");
                }

                if (parsed != HeaderBlockStatus.Complete)
                {
                    throw SocketFailure.Protocol("Malformed header section.");
                }

                _facts.Load(_fields);
                _start = headerEnd;
                if (status == 101)
                {
                    throw SocketFailure.Protocol("Unexpected 101 Switching Protocols.");
                }

                if (status < 200)
                {
                    // An interim response (100 Continue, 103 Early Hints): handed on as it came, if anyone asked; the final
                    // one follows, and nothing of this one is kept.
                    if (_interim != null)
                    {
                        _interim.OnInterim(status, _buffer, responseStart, headerEnd - responseStart);
                    }

                    continue;
                }

                byte[] headers = new byte[blockLength];
                Array.Copy(_buffer, blockStart, headers, 0, blockLength);
                string reason = reasonLength == 0 ? null : TextBytes.ToString(_buffer, reasonStart, reasonLength);
                bool persistent = IsPersistent(http10);
                if (headOnly)
                {
                    OriginResponse head = new OriginResponse(status, reason, headers, headers.Length, null, 0);
                    StartBody(status, requestMethod, persistent);
                    head.BytesReceived = _bytesRead;
                    return head;
                }

                int bodyLength;
                bool framed;
                byte[] body = ReadBody(status, requestMethod, out bodyLength, out framed);
                _reusable = persistent && framed && _end == _start;
                OriginResponse response = new OriginResponse(status, reason, headers, headers.Length, body, bodyLength);
                response.BytesReceived = _bytesRead;
                return response;
            }
        }

        // Whether the connection may carry another request after this response (RFC 9112 9.3), and the server's
        // Keep-Alive limits (a de-facto field: "timeout=5, max=100").
        private bool IsPersistent(bool http10)
        {
            int connection = _facts.ConnectionField;
            bool close = connection >= 0 && KnownHeaders.IsListedIn(_fields.Buffer, _fields.ValueStart(connection), _fields.ValueLength(connection), s_close, 0, s_close.Length);
            bool keepAlive = connection >= 0 && KnownHeaders.IsListedIn(_fields.Buffer, _fields.ValueStart(connection), _fields.ValueLength(connection), s_keepAlive, 0, s_keepAlive.Length);
            int field = _fields.IndexOf(HeaderName.KeepAlive);
            if (field >= 0)
            {
                byte[] buffer = _fields.Buffer;
                int position = _fields.ValueStart(field);
                int end = position + _fields.ValueLength(field);
                int start;
                int length;
                while (HeaderList.Next(buffer, ref position, end, out start, out length))
                {
                    int equals = ByteSearch.EqualsSign(buffer, start, start + length);
                    long value;
                    if (equals > start && DeltaSeconds.TryParse(buffer, equals + 1, start + length - equals - 1, out value))
                    {
                        if (Ascii.MatchesLower(buffer, start, equals - start, s_timeout))
                        {
                            _keepAliveTimeout = value;
                        }
                        else if (Ascii.MatchesLower(buffer, start, equals - start, s_max))
                        {
                            _keepAliveMax = value;
                        }
                    }
                }
            }

            return !close && (!http10 || keepAlive) && _keepAliveMax != 0;
        }

        // Reads a line into the buffer; [lineStart, lineEnd) excludes CRLF. Consumes it.
        private void ReadLine(int maxLength, out int lineStart, out int lineEnd)
        {
            while (true)
            {
                int lf = ByteSearch.LineFeed(_buffer, _start, _end);
                if (lf >= 0)
                {
                    lineStart = _start;
                    lineEnd = lf > _start && _buffer[lf - 1] == Ascii.CarriageReturn ? lf - 1 : lf;
                    _start = lf + 1;
                    return;
                }

                if (_end - _start > maxLength)
                {
                    throw SocketFailure.Protocol("Line too long in chunked framing.");
                }

                if (Fill() <= 0)
                {
                    throw SocketFailure.Closed("Connection closed inside chunked framing.");
                }
            }
        }

        // Finds the end of the header section (just after its empty line), reading more as needed.
        private int FindHeaderEnd()
        {
            int searchFrom = _start;
            while (true)
            {
                for (int lf = ByteSearch.LineFeed(_buffer, searchFrom, _end); lf >= 0; lf = ByteSearch.LineFeed(_buffer, lf + 1, _end))
                {
                    if (lf + 1 < _end && _buffer[lf + 1] == Ascii.LineFeed)
                    {
                        return lf + 2;
                    }

                    if (lf + 2 < _end && _buffer[lf + 1] == Ascii.CarriageReturn && _buffer[lf + 2] == Ascii.LineFeed)
                    {
                        return lf + 3;
                    }
                }

                // Fill may move the buffered bytes to the front: keep the resume point relative to _start.
                int resume = (_end - 2 > _start ? _end - 2 : _start) - _start;
                if (_end - _start >= _maxHeaderBytes)
                {
                    throw SocketFailure.Protocol("Header section exceeds " + _maxHeaderBytes + " bytes.");
                }

                if (Fill() <= 0)
                {
                    throw SocketFailure.Closed(_end == _start ? "Connection closed before a response." : "Connection closed inside the header section.");
                }

                searchFrom = _start + resume;
            }
        }

        // Reads more bytes after _end, compacting or growing the buffer (never beyond the header limit + slack).
        private int Fill()
        {
            if (_start > 0 && _end == _buffer.Length)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                int size = _buffer.Length * 2;
                int cap = _maxHeaderBytes + 16;
                if (size > cap)
                {
                    size = cap;
                }

                if (size <= _buffer.Length)
                {
                    throw SocketFailure.Protocol("Header section exceeds " + _maxHeaderBytes + " bytes.");
                }

                byte[] grown = new byte[size];
                Array.Copy(_buffer, grown, _end);
                _buffer = grown;
            }

            int read = ReadStream(_buffer, _end, _buffer.Length - _end);
            if (read > 0)
            {
                _end += read;
            }

            return read;
        }

        // Copies buffered bytes first, then reads the stream directly into the destination.
        private bool ReadExactly(byte[] destination, int offset, int count)
        {
            while (count > 0)
            {
                int read = ReadSome(destination, offset, count);
                if (read <= 0)
                {
                    return false;
                }

                offset += read;
                count -= read;
            }

            return true;
        }

        private int ReadSome(byte[] destination, int offset, int count)
        {
            int buffered = _end - _start;
            if (buffered > 0)
            {
                int take = buffered < count ? buffered : count;
                Array.Copy(_buffer, _start, destination, offset, take);
                _start += take;
                return take;
            }

            return ReadStream(destination, offset, count);
        }

        private int ReadStream(byte[] destination, int offset, int count)
        {
            int read;
            try
            {
                read = _stream.Read(destination, offset, count);
            }
            catch (IOException e)
            {
                throw SocketFailure.FromIo("Read", e);
            }

            if (read > 0)
            {
                _bytesRead += read;
            }

            return read;
        }
    }
}
