using System;
using HttpCache.Nano.Parsing;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Parsing
{
    [TestClass]
    public class HeaderParserTests
    {
        private const string Block = "Cache-Control: max-age=60, must-revalidate\r\nETag: \"v1\"\r\nX-Odd:  spaced value \r\nVary: Accept-Encoding\r\n\r\n";

        private static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        [TestMethod]
        public void ACompleteBlockDeliversEveryFieldInOrder()
        {
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(TextSlice.Of(Block + "body"), sink, 100, out consumed));
            Assert.AreEqual(Block.Length, consumed);
            Assert.AreEqual("Cache-Control=max-age=60, must-revalidate|ETag=\"v1\"|X-Odd=spaced value|Vary=Accept-Encoding|", sink.Log);
        }

        [TestMethod]
        public void BytesParseLikeStrings()
        {
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(TextSlice.Of(Bytes(Block)), sink, 100, out consumed));
            Assert.AreEqual(Block.Length, consumed);
            Assert.AreEqual("Cache-Control=max-age=60, must-revalidate|ETag=\"v1\"|X-Odd=spaced value|Vary=Accept-Encoding|", sink.Log);
        }

        [TestMethod]
        public void EveryPrefixOfABlockIsIncompleteAndDeliversNothing()
        {
            for (int length = 0; length < Block.Length; length++)
            {
                RecordingSink sink = new RecordingSink();
                int consumed;
                HeaderBlockStatus status = HeaderParser.Parse(new TextSlice(Block, 0, length), sink, 100, out consumed);
                Assert.AreEqual((int)HeaderBlockStatus.Incomplete, (int)status, "prefix " + length);
                Assert.AreEqual(0, consumed);
                Assert.AreEqual("", sink.Log);
            }
        }

        [TestMethod]
        public void BareLineFeedsAreAccepted()
        {
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(TextSlice.Of("A: 1\nB: 2\n\nrest"), sink, 100, out consumed));
            Assert.AreEqual(11, consumed);
            Assert.AreEqual("A=1|B=2|", sink.Log);
        }

        [TestMethod]
        public void AnEmptyBlockIsComplete()
        {
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(TextSlice.Of("\r\n"), sink, 100, out consumed));
            Assert.AreEqual(2, consumed);
            Assert.AreEqual("", sink.Log);
        }

        [TestMethod]
        public void ObsoleteFoldsContinueTheValue()
        {
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(TextSlice.Of("Cache-Control: max-age=5,\r\n  no-store\r\nB: 2\r\n\r\n"), sink, 100, out consumed));
            Assert.AreEqual("Cache-Control=max-age=5,\r\n  no-store|B=2|", sink.Log);
            HeaderFacts facts = new HeaderFacts();
            HeaderParser.Parse(TextSlice.Of("Cache-Control: max-age=5,\r\n  no-store\r\n\r\n"), facts, 100, out consumed);
            Assert.AreEqual(5L, facts.CacheControl.MaxAge);
            Assert.IsTrue(facts.CacheControl.Has(CacheDirectives.NoStore));
        }

        [TestMethod]
        public void MalformedLinesMakeTheBlockInvalidAndDeliverNothing()
        {
            string[] invalid = new string[]
            {
                // whitespace between name and colon (RFC 9112 5.1)
                "Name : v\r\n\r\n",
                // no colon
                "NoColon\r\n\r\n",
                // empty name
                ": v\r\n\r\n",
                // a fold with nothing to continue
                " folded: v\r\n\r\n",
                // a name with a non-token character
                "Na(me: v\r\n\r\n",
                "Na\"me: v\r\n\r\n",
                // a bare CR in a value (NUL: see ANulInAByteValueMakesTheBlockInvalid)
                "A: x\ry\r\n\r\n",
                // a valid field before an invalid one: still nothing delivered
                "Good: 1\r\nBad Name: 2\r\n\r\n",
            };
            for (int i = 0; i < invalid.Length; i++)
            {
                RecordingSink sink = new RecordingSink();
                int consumed;
                Assert.AreEqual((int)HeaderBlockStatus.Invalid, (int)HeaderParser.Parse(TextSlice.Of(invalid[i]), sink, 100, out consumed), "row " + i);
                Assert.AreEqual(0, consumed);
                Assert.AreEqual("", sink.Log, "row " + i);
            }
        }

        [TestMethod]
        public void ANulInAByteValueMakesTheBlockInvalid()
        {
            // Built as bytes: a NUL cannot sit in a nanoFramework string (it ends there), only in received bytes.
            byte[] block = Bytes("Good: 1\r\nA: x_y\r\n\r\n");
            block[13] = 0;
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Invalid, (int)HeaderParser.Parse(TextSlice.Of(block), sink, 100, out consumed));
            Assert.AreEqual(0, consumed);
            Assert.AreEqual("", sink.Log);
        }

        [TestMethod]
        public void FieldCountAboveTheLimitIsRejected()
        {
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(TextSlice.Of("A: 1\r\nB: 2\r\n\r\n"), null, 2, out consumed));
            Assert.AreEqual((int)HeaderBlockStatus.TooManyFields, (int)HeaderParser.Parse(TextSlice.Of("A: 1\r\nB: 2\r\nC: 3\r\n\r\n"), null, 2, out consumed));
            Assert.AreEqual(0, consumed);
        }

        [TestMethod]
        public void ABlockInsideALargerBufferIsReadOnlyWithinItsSlice()
        {
            string text = "A: 1\r\n\r\nB: 2\r\n\r\n";
            RecordingSink sink = new RecordingSink();
            int consumed;
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)HeaderParser.Parse(new TextSlice(text, 8, 8), sink, 10, out consumed));
            Assert.AreEqual("B=2|", sink.Log);
            Assert.AreEqual((int)HeaderBlockStatus.Incomplete, (int)HeaderParser.Parse(new TextSlice(text, 0, 6), sink, 10, out consumed));
        }

        private sealed class RecordingSink : IHeaderSink
        {
            public string Log = "";

            public void OnHeader(TextSlice name, TextSlice value)
            {
                Log = Log + name.ToString() + "=" + value.ToString() + "|";
            }
        }
    }
}
