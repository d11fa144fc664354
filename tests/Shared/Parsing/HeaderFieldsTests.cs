using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Parsing
{
    [TestClass]
    public class HeaderFieldsTests
    {
        private const string Block = "Cache-Control: max-age=60, must-revalidate\r\nETag: \"v1\"\r\nX-Odd:  spaced value \r\nVary: Accept-Encoding\r\n\r\n";

        // Every field as name=value|, the name followed by * when it is a known one.
        private static string Dump(HeaderFields fields)
        {
            string log = "";
            for (int i = 0; i < fields.Count; i++)
            {
                string known = fields.Name(i) == HeaderName.Unknown ? "" : "*";
                log = log + fields.ReceivedNameToString(i) + known + "=" + fields.ValueToString(i) + "|";
            }

            return log;
        }

        private static HeaderBlockStatus Parse(HeaderFields fields, byte[] bytes)
        {
            return fields.Parse(bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void ACompleteBlockKeepsEveryFieldInOrder()
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)Parse(fields, Fixtures.Bytes(Block + "body")));
            Assert.AreEqual(Block.Length, fields.Consumed);
            Assert.AreEqual(4, fields.Count);
            Assert.AreEqual("Cache-Control*=max-age=60, must-revalidate|ETag*=\"v1\"|X-Odd=spaced value|Vary*=Accept-Encoding|", Dump(fields));
            Assert.AreEqual((int)HeaderName.CacheControl, (int)fields.Name(0));
            Assert.AreEqual((int)HeaderName.Vary, (int)fields.Name(3));
            Assert.AreEqual((int)HeaderName.Unknown, (int)fields.Name(2));
            Assert.AreEqual(1, fields.IndexOf(HeaderName.ETag));
            Assert.AreEqual(-1, fields.IndexOf(HeaderName.ETag, 2));
            Assert.AreEqual("Cache-Control", fields.NameToString(0));
        }

        [TestMethod]
        public void AStringParsesLikeItsBytes()
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse(Block));
            Assert.AreEqual(Block.Length, fields.Consumed);
            Assert.AreEqual("Cache-Control*=max-age=60, must-revalidate|ETag*=\"v1\"|X-Odd=spaced value|Vary*=Accept-Encoding|", Dump(fields));
        }

        [TestMethod]
        public void EveryPrefixOfABlockIsIncompleteAndKeepsNothing()
        {
            byte[] bytes = Fixtures.Bytes(Block);
            HeaderFields fields = new HeaderFields(100);
            for (int length = 0; length < bytes.Length; length++)
            {
                HeaderBlockStatus status = fields.Parse(bytes, 0, length);
                Assert.AreEqual((int)HeaderBlockStatus.Incomplete, (int)status, "prefix " + length);
                Assert.AreEqual(0, fields.Consumed);
                Assert.AreEqual(0, fields.Count);
            }
        }

        [TestMethod]
        public void InputSplitAcrossTwoReadsParsesOnceWhole()
        {
            // A transport appends the second read to the first: the same table then sees the whole block.
            byte[] bytes = Fixtures.Bytes(Block);
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Incomplete, (int)fields.Parse(bytes, 0, 30));
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse(bytes, 0, bytes.Length));
            Assert.AreEqual(4, fields.Count);
        }

        [TestMethod]
        public void BareLineFeedsAreAccepted()
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("A: 1\nB: 2\n\nrest"));
            Assert.AreEqual(11, fields.Consumed);
            Assert.AreEqual("A=1|B=2|", Dump(fields));
        }

        [TestMethod]
        public void AnEmptyBlockIsComplete()
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("\r\n"));
            Assert.AreEqual(2, fields.Consumed);
            Assert.AreEqual(0, fields.Count);
        }

        [TestMethod]
        public void EmptyValuesAreKept()
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("X-Empty:\r\nX-Blank:   \r\nB: 2\r\n\r\n"));
            Assert.AreEqual("X-Empty=|X-Blank=|B=2|", Dump(fields));
            Assert.AreEqual(0, fields.ValueLength(0));
            Assert.AreEqual(0, fields.ValueLength(1));
        }

        [TestMethod]
        public void ObsoleteFoldsContinueTheValue()
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("Cache-Control: max-age=5,\r\n  no-store\r\nB: 2\r\n\r\n"));
            Assert.AreEqual(2, fields.Count);
            Assert.IsTrue(fields.IsFolded(0));
            Assert.IsFalse(fields.IsFolded(1));
            Assert.AreEqual("max-age=5,    no-store", fields.ValueToString(0), "each CR and LF of the fold reads as a space");
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            Assert.AreEqual(5L, facts.CacheControl.MaxAge);
            Assert.IsTrue(facts.CacheControl.Has(CacheDirectives.NoStore));
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("A:\r\n value\r\n\r\n"));
            Assert.AreEqual("value", fields.ValueToString(0), "a fold after an empty value starts the value");
        }

        [TestMethod]
        public void MalformedLinesMakeTheBlockInvalidAndKeepNothing()
        {
            string[] invalid = new string[]
            {
                // whitespace between name and colon (RFC 9112 5.1)
                "Name : v\r\n\r\n",
                "Cache-Control : v\r\n\r\n",
                // no colon
                "NoColon\r\n\r\n",
                // empty name
                ": v\r\n\r\n",
                // a fold with nothing to continue
                " folded: v\r\n\r\n",
                // a name with a non-token character
                "Na(me: v\r\n\r\n",
                "Na\"me: v\r\n\r\n",
                // a bare CR in a value or a name (NUL: see ANulInAByteValueMakesTheBlockInvalid)
                "A: x\ry\r\n\r\n",
                "Cache\rControl: x\r\n\r\n",
                // a valid field before an invalid one: still nothing kept
                "Good: 1\r\nBad Name: 2\r\n\r\n",
            };
            HeaderFields fields = new HeaderFields(100);
            for (int i = 0; i < invalid.Length; i++)
            {
                Assert.AreEqual((int)HeaderBlockStatus.Invalid, (int)fields.Parse(invalid[i]), "row " + i);
                Assert.AreEqual(0, fields.Consumed);
                Assert.AreEqual(0, fields.Count, "row " + i);
            }
        }

        [TestMethod]
        public void ANulInAByteValueMakesTheBlockInvalid()
        {
            // Built as bytes: a NUL cannot sit in a nanoFramework string (it ends there), only in received bytes.
            byte[] block = Fixtures.Bytes("Good: 1\r\nA: x_y\r\n\r\n");
            block[13] = 0;
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Invalid, (int)Parse(fields, block));
            Assert.AreEqual(0, fields.Consumed);
            Assert.AreEqual(0, fields.Count);
            block[13] = (byte)'_';
            block[2] = 0;
            Assert.AreEqual((int)HeaderBlockStatus.Invalid, (int)Parse(fields, block), "in a name too");
        }

        [TestMethod]
        public void FieldCountAboveTheLimitIsRejected()
        {
            HeaderFields fields = new HeaderFields(2);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("A: 1\r\nB: 2\r\n\r\n"));
            Assert.AreEqual((int)HeaderBlockStatus.TooManyFields, (int)fields.Parse("A: 1\r\nB: 2\r\nC: 3\r\n\r\n"));
            Assert.AreEqual(0, fields.Consumed);
            Assert.AreEqual(0, fields.Count);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse("A: 1\r\n  folded\r\nB: 2\r\n\r\n"), "a fold is part of its field");
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new HeaderFields(0));
        }

        [TestMethod]
        public void ABlockInsideALargerBufferIsReadOnlyWithinItsRange()
        {
            byte[] text = Fixtures.Bytes("A: 1\r\n\r\nB: 2\r\n\r\n");
            HeaderFields fields = new HeaderFields(10);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse(text, 8, 8));
            Assert.AreEqual("B=2|", Dump(fields));
            Assert.AreEqual(8, fields.NameStart(0));
            Assert.AreEqual((int)HeaderBlockStatus.Incomplete, (int)fields.Parse(text, 0, 6));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => fields.Parse(text, 10, 10));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => fields.Parse(null, 0, 0));
        }

        [TestMethod]
        public void NamesAreComparedAcrossTables()
        {
            HeaderFields a = new HeaderFields(10);
            HeaderFields b = new HeaderFields(10);
            a.Parse("x-one: 1\r\nETag: \"a\"\r\n\r\n");
            b.Parse("ETAG: \"a\"\r\nX-ONE: 2\r\nX-One: 3\r\n\r\n");
            Assert.AreEqual(1, b.IndexOfNameOf(a, 0, 0));
            Assert.AreEqual(2, b.IndexOfNameOf(a, 0, 2));
            Assert.AreEqual(0, b.IndexOfNameOf(a, 1, 0));
            Assert.IsTrue(b.ValueEquals(0, a, 1));
            Assert.IsFalse(b.ValueEquals(1, a, 0));
            Assert.AreEqual(3, HeaderFields.Of(Fixtures.Bytes("A: 1\r\nB: 2\r\nC: 3\r\n\r\n")).Count);
        }
    }
}
