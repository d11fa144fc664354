using System;
using System.IO;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Transport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class HttpResponseReaderTests
    {
        private static OriginResponse Read(string wire, string method)
        {
            return new HttpResponseReader(1024, 20, 4096).Read(new MemoryStream(Fixtures.Bytes(wire)), method);
        }

        private static OriginResponse Read(string wire)
        {
            return Read(wire, "GET");
        }

        private static string Body(OriginResponse response)
        {
            return TextBytes.ToString(response.Body, 0, response.BodyLength);
        }

        private static void AssertRejected(string wire, string why)
        {
            bool threw = false;
            try
            {
                Read(wire);
            }
            catch (HttpTransportException)
            {
                threw = true;
            }

            Assert.IsTrue(threw, "accepted: " + why);
        }

        [TestMethod]
        public void AContentLengthBodyIsReadExactly()
        {
            OriginResponse response = Read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nETag: \"a\"\r\n\r\nhelloEXTRA");
            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("OK", response.ReasonPhrase);
            Assert.AreEqual("hello", Body(response));
            Assert.AreEqual("Content-Length: 5\r\nETag: \"a\"\r\n\r\n", TextBytes.ToString(response.HeaderBlock, 0, response.HeaderLength));
        }

        [TestMethod]
        public void AChunkedBodyIsDecodedWithExtensionsAndTrailers()
        {
            OriginResponse response = Read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-Trailer: t\r\n\r\n");
            Assert.AreEqual("hello, world!!!", Body(response));
        }

        [TestMethod]
        public void ABodyWithoutFramingRunsToTheClose()
        {
            Assert.AreEqual("until close", Body(Read("HTTP/1.1 200 OK\r\n\r\nuntil close")));
            Assert.AreEqual("raw", Body(Read("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw")));
        }

        [TestMethod]
        public void HeadNoContentAndNotModifiedHaveNoBody()
        {
            Assert.AreEqual(0, Read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "HEAD").BodyLength);
            Assert.AreEqual(0, Read("HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\nbody-that-must-be-ignored").BodyLength);
            Assert.AreEqual(0, Read("HTTP/1.1 204 No Content\r\n\r\n").BodyLength);
        }

        [TestMethod]
        public void InterimResponsesAreSkipped()
        {
            OriginResponse response = Read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("ok", Body(response));
        }

        [TestMethod]
        public void InterimResponsesGoToTheSinkAsReceivedAndNotIntoTheFinalOne()
        {
            HttpResponseReader reader = new HttpResponseReader(1024, 20, 4096);
            InterimRecorder recorder = new InterimRecorder();
            reader.Interim = recorder;
            string hints = "HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n";
            OriginResponse response = reader.Read(new MemoryStream(Fixtures.Bytes("HTTP/1.1 100 Continue\r\n\r\n" + hints + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")), "GET");

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("ok", Body(response));
            Assert.AreEqual("100,103,", recorder.Statuses);
            Assert.AreEqual("HTTP/1.1 100 Continue\r\n\r\n" + hints, recorder.Bytes);
            Assert.AreEqual("Content-Length: 2\r\n\r\n", TextBytes.ToString(response.HeaderBlock, 0, response.HeaderLength), "a hint is not a field of the final response");
        }

        // Keeps what the reader hands on, as text.
        private sealed class InterimRecorder : IInterimResponses
        {
            public string Statuses = string.Empty;
            public string Bytes = string.Empty;

            public void OnInterim(int status, byte[] buffer, int start, int length)
            {
                Statuses += status + ",";
                Bytes += TextBytes.ToString(buffer, start, length);
            }
        }

        [TestMethod]
        public void BareLineFeedsAndAnEmptyReasonAreAccepted()
        {
            OriginResponse response = Read("HTTP/1.0 404\nContent-Length: 1\n\nx");
            Assert.AreEqual(404, response.StatusCode);
            Assert.IsNull(response.ReasonPhrase);
            Assert.AreEqual("x", Body(response));
        }

        [TestMethod]
        public void BytesReadCountsTheWholeResponse()
        {
            string wire = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
            Assert.AreEqual((long)wire.Length, Read(wire).BytesReceived);
        }

        [TestMethod]
        public void MalformedOversizedAndTruncatedResponsesAreRejected()
        {
            AssertRejected("", "empty");
            AssertRejected("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "no end of headers");
            AssertRejected("HTTP/2 200 OK\r\n\r\n", "not HTTP/1.x");
            AssertRejected("HTTP/1.1 20 OK\r\n\r\n", "two-digit status");
            AssertRejected("HTTP/1.1 099 OK\r\n\r\n", "status below 100");
            AssertRejected("HTTP/1.1 200OK\r\n\r\n", "no space after the status");
            AssertRejected("ICY 200 OK\r\n\r\n", "not HTTP");
            AssertRejected("HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n", "space in a field name");
            AssertRejected("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello", "conflicting Content-Length");
            AssertRejected("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "negative Content-Length");
            AssertRejected("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "body shorter than Content-Length");
            AssertRejected("HTTP/1.1 200 OK\r\nContent-Length: 99999\r\n\r\n", "Content-Length over the limit");
            AssertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n", "bad chunk size");
            AssertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n123456789\r\n", "chunk size over 8 hex digits");
            AssertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", "no CRLF after chunk data");
            AssertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "truncated chunk");
            AssertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "no last chunk");
            AssertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFF\r\n", "chunk over the body limit");
            AssertRejected("HTTP/1.1 101 Switching Protocols\r\n\r\n", "upgrade");
            AssertRejected("HTTP/1.1 200 OK\r\nX: " + new string('a', 2000) + "\r\n\r\n", "header section over 1024 bytes");
            string many = "HTTP/1.1 200 OK\r\n";
            for (int i = 0; i < 21; i++)
            {
                many = many + "X-" + i + ": v\r\n";
            }

            AssertRejected(many + "\r\n", "21 fields over a limit of 20");
            AssertRejected("HTTP/1.1 200 OK\r\n\r\n" + new string('b', 5000), "close-delimited body over the limit");
        }

        [TestMethod]
        public void ABodyOfExactlyTheLimitIsAccepted()
        {
            Assert.AreEqual(4096, Read("HTTP/1.1 200 OK\r\n\r\n" + new string('b', 4096)).BodyLength);
            Assert.AreEqual(4096, Read("HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n" + new string('b', 4096)).BodyLength);
        }

        [TestMethod]
        public void StatusLinesParse()
        {
            int status;
            string reason;
            Assert.IsTrue(Status("HTTP/1.1 304 Not Modified", out status, out reason));
            Assert.AreEqual(304, status);
            Assert.AreEqual("Not Modified", reason);
            Assert.IsTrue(Status("HTTP/1.0 200 ", out status, out reason));
            Assert.AreEqual("", reason);
            Assert.IsFalse(Status("HTTP/1.1 200 O\u0001K", out status, out reason));
            Assert.IsFalse(Status("http/1.1 200 OK", out status, out reason));
            Assert.IsFalse(Status("HTTP/1.1 099 Low", out status, out reason));
            Assert.IsFalse(Status("HTTP/1.1 2000 OK", out status, out reason));
        }

        private static bool Status(string line, out int status, out string reason)
        {
            byte[] bytes = Fixtures.Bytes("<" + line + ">");
            int reasonStart;
            int reasonLength;
            bool ok = StatusLine.TryParse(bytes, 1, bytes.Length - 2, out status, out reasonStart, out reasonLength);
            reason = TextBytes.ToString(bytes, reasonStart, reasonLength);
            return ok;
        }
    }
}
