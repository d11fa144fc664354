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
    /// <summary>A body read piece by piece (HttpResponseReader.ReadHead / ReadBody): the framing of a whole read, no body limit.</summary>
    [TestClass]
    public class StreamedBodyTests
    {
        // Reads the head, then the body in pieces of pieceSize; returns the body, and whether the connection is reusable.
        private static string Stream(string wire, int pieceSize, out bool reusable, out long declared)
        {
            HttpResponseReader reader = new HttpResponseReader(1024, 20, 16);
            OriginResponse head = reader.ReadHead(new MemoryStream(Fixtures.Bytes(wire)), "GET");
            Assert.AreEqual(0, head.BodyLength, "the body stays on the connection");
            declared = reader.DeclaredBodyLength;
            byte[] piece = new byte[pieceSize];
            string body = "";
            for (int read = reader.ReadBody(piece, 0, piece.Length); read > 0; read = reader.ReadBody(piece, 0, piece.Length))
            {
                body += TextBytes.ToString(piece, 0, read);
            }

            Assert.IsTrue(reader.BodyComplete);
            Assert.AreEqual(0, reader.ReadBody(piece, 0, piece.Length), "nothing after the end");
            reusable = reader.CanReuseConnection;
            return body;
        }

        [TestMethod]
        public void EachFramingIsReadInPiecesBeyondTheWholeBodyLimit()
        {
            bool reusable;
            long declared;
            string large = "0123456789abcdefghijklmnopqrstuvwxyz";
            Assert.AreEqual(large, Stream("HTTP/1.1 200 OK\r\nContent-Length: 36\r\n\r\n" + large, 5, out reusable, out declared), "past the 16-byte whole-body limit");
            Assert.IsTrue(reusable);
            Assert.AreEqual(36L, declared);

            Assert.AreEqual("hello, world!!!", Stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-T: t\r\n\r\n", 3, out reusable, out declared));
            Assert.IsTrue(reusable);
            Assert.AreEqual(-1L, declared);

            Assert.AreEqual("until the close", Stream("HTTP/1.1 200 OK\r\n\r\nuntil the close", 4, out reusable, out declared));
            Assert.IsFalse(reusable, "a close-delimited body ends the connection");

            Assert.AreEqual("", Stream("HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n", 4, out reusable, out declared));
            Assert.IsTrue(reusable);
        }

        [TestMethod]
        public void ATruncatedOrMalformedBodyFailsMidStream()
        {
            string[] wires = new string[]
            {
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
            };
            for (int i = 0; i < wires.Length; i++)
            {
                HttpResponseReader reader = new HttpResponseReader(1024, 20, 16);
                reader.ReadHead(new MemoryStream(Fixtures.Bytes(wires[i])), "GET");
                byte[] piece = new byte[4];
                bool threw = false;
                try
                {
                    while (reader.ReadBody(piece, 0, piece.Length) > 0)
                    {
                    }
                }
                catch (HttpTransportException)
                {
                    threw = true;
                }

                Assert.IsTrue(threw, "accepted: " + wires[i]);
                Assert.IsFalse(reader.BodyComplete);
            }
        }
    }
}
