// HttpResponseReader.Body: a whole body read into an array — Content-Length, chunked (with trailers) or to the close —
// within the body limit.
using System;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Transport
{
    public sealed partial class HttpResponseReader
    {
        private byte[] ReadBody(int status, string requestMethod, out int length, out bool framed)
        {
            length = 0;
            framed = true;
            if (requestMethod == HttpMethods.Head || status == 204 || status == 304)
            {
                return null;
            }

            if (_facts.HasTransferEncoding)
            {
                // RFC 9112 6.3: chunked as the final coding frames the body; anything else reads to the close.
                framed = _facts.IsChunked;
                return _facts.IsChunked ? ReadChunked(out length) : ReadToClose(out length);
            }

            if (_facts.ContentLengthInvalid)
            {
                throw SocketFailure.Protocol("Invalid or conflicting Content-Length.");
            }

            long declared = _facts.ContentLength;
            if (declared < 0)
            {
                framed = false;
                return ReadToClose(out length);
            }

            if (declared > _maxBodyBytes)
            {
                throw new HttpTransportException("Content-Length " + declared + " exceeds the body limit of " + _maxBodyBytes + " bytes.", true);
            }

            byte[] body = new byte[declared];
            length = (int)declared;
            if (!ReadExactly(body, 0, length))
            {
                throw SocketFailure.Closed("Connection closed before the end of the body (Content-Length " + declared + ").");
            }

            return body;
        }

        private byte[] ReadToClose(out int length)
        {
            byte[] body = new byte[_maxBodyBytes < 256 ? _maxBodyBytes : 256];
            byte[] probe = new byte[1];
            length = 0;
            while (true)
            {
                if (length == body.Length)
                {
                    // Full: only grow (and possibly fail the limit) if the origin really sends more.
                    if (ReadSome(probe, 0, 1) <= 0)
                    {
                        return body;
                    }

                    body = Grow(body, length, length + 1);
                    body[length++] = probe[0];
                    continue;
                }

                int read = ReadSome(body, length, body.Length - length);
                if (read <= 0)
                {
                    return body;
                }

                length += read;
            }
        }

        private byte[] ReadChunked(out int length)
        {
            byte[] body = new byte[256];
            length = 0;
            while (true)
            {
                int lineStart;
                int lineEnd;
                ReadLine(MaxChunkLine, out lineStart, out lineEnd);
                long size = ParseChunkSize(lineStart, lineEnd);
                if (size == 0)
                {
                    break;
                }

                if (length + size > _maxBodyBytes)
                {
                    throw new HttpTransportException("Chunked body exceeds the limit of " + _maxBodyBytes + " bytes.", true);
                }

                if (length + size > body.Length)
                {
                    body = Grow(body, length, (int)(length + size));
                }

                if (!ReadExactly(body, length, (int)size))
                {
                    throw SocketFailure.Closed("Connection closed inside a chunk.");
                }

                length += (int)size;
                ReadLine(2, out lineStart, out lineEnd);
                if (lineEnd != lineStart)
                {
                    throw SocketFailure.Protocol("Missing CRLF after chunk data.");
                }
            }

            // Trailer section: skip fields until the empty line, bounded like the header section.
            int trailerBytes = 0;
            while (true)
            {
                int lineStart;
                int lineEnd;
                ReadLine(_maxHeaderBytes, out lineStart, out lineEnd);
                if (lineEnd == lineStart)
                {
                    return body;
                }

                trailerBytes += lineEnd - lineStart;
                if (trailerBytes > _maxHeaderBytes)
                {
                    throw SocketFailure.Protocol("Trailer section too large.");
                }
            }
        }

        private long ParseChunkSize(int start, int end)
        {
            long size = 0;
            int digits = 0;
            int i = start;
            while (i < end && IsHex(_buffer[i]))
            {
                if (++digits > 8)
                {
                    throw SocketFailure.Protocol("Chunk size too large.");
                }

                size = size * 16 + HexValue(_buffer[i]);
                i++;
            }

            while (i < end && (_buffer[i] == Ascii.Space || _buffer[i] == Ascii.Tab))
            {
                i++;
            }

            if (digits == 0 || (i < end && _buffer[i] != ';'))
            {
                throw SocketFailure.Protocol("Malformed chunk size line.");
            }

            return size;
        }

        private byte[] Grow(byte[] body, int length, int needed)
        {
            if (needed > _maxBodyBytes)
            {
                throw new HttpTransportException("Body exceeds the limit of " + _maxBodyBytes + " bytes.", true);
            }

            int size = body.Length * 2;
            if (size < needed)
            {
                size = needed;
            }

            if (size > _maxBodyBytes)
            {
                size = _maxBodyBytes;
            }

            byte[] grown = new byte[size];
            Array.Copy(body, grown, length);
            return grown;
        }

        private static bool IsHex(int c)
        {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }

        private static int HexValue(int c)
        {
            return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        }
    }
}
