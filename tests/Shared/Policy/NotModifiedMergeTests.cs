using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Policy
{
    [TestClass]
    public class NotModifiedMergeTests
    {
        private static string Merge(string stored, string notModified, out bool validatorsChanged)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(16);
            HeaderFacts fresh = Fixtures.Facts(notModified);
            validatorsChanged = NotModifiedMerge.Merge(Fixtures.Fields(stored), fresh.Fields, fresh, writer);
            return TextBytes.ToString(writer.Buffer, 0, writer.Length);
        }

        [TestMethod]
        public void FieldsOfThe304ReplaceStoredOnesInPlaceAndNewOnesAreAppended()
        {
            bool changed;
            string merged = Merge("Date: old\nContent-Type: text/plain\nCache-Control: max-age=1\nETag: \"a\"", "Cache-Control: max-age=60\nDate: new\nX-New: 1\nETag: \"a\"", out changed);
            Assert.AreEqual("Date: new\r\nContent-Type: text/plain\r\nCache-Control: max-age=60\r\nETag: \"a\"\r\nX-New: 1\r\n\r\n", merged);
            Assert.IsFalse(changed, "same ETag");
        }

        [TestMethod]
        public void ContentLengthAgeAndHopByHopFieldsAreNotTakenFromThe304()
        {
            bool changed;
            string merged = Merge("Content-Length: 10\nX-Keep: 1", "Content-Length: 0\nAge: 5\nConnection: close, X-Hop\nKeep-Alive: timeout=5\nX-Hop: 1\nTransfer-Encoding: chunked\nX-Keep: 2", out changed);
            Assert.AreEqual("Content-Length: 10\r\nX-Keep: 2\r\n\r\n", merged);
        }

        [TestMethod]
        public void RepeatedFieldsAreReplacedAsAGroup()
        {
            bool changed;
            string merged = Merge("Link: a\nX: 1\nLink: b", "Link: c\nLink: d", out changed);
            Assert.AreEqual("Link: c\r\nLink: d\r\nX: 1\r\n\r\n", merged);
        }

        [TestMethod]
        public void AChangedValidatorIsReported()
        {
            bool changed;
            Merge("ETag: \"a\"", "ETag: \"b\"", out changed);
            Assert.IsTrue(changed);
            Merge("Last-Modified: " + Fixtures.Date(Fixtures.T0), "Last-Modified: " + Fixtures.Date(Fixtures.T0 + 1), out changed);
            Assert.IsTrue(changed);
            Merge("X: 1", "ETag: \"new\"", out changed);
            Assert.IsTrue(changed, "a validator that appears");
            Merge("ETag: \"a\"\nDate: x", "Date: y", out changed);
            Assert.IsFalse(changed, "Date alone is not a validator");
        }

        [TestMethod]
        public void A304SelectsTheStoredResponseByItsValidator()
        {
            HeaderFacts stored = Fixtures.Facts("ETag: \"a\"\nLast-Modified: " + Fixtures.Date(Fixtures.T0));
            Assert.IsTrue(NotModifiedMerge.Selects(Fixtures.Facts("ETag: \"a\""), stored));
            Assert.IsFalse(NotModifiedMerge.Selects(Fixtures.Facts("ETag: \"b\""), stored));
            Assert.IsTrue(NotModifiedMerge.Selects(Fixtures.Facts("ETag: W/\"a\""), stored), "weak 304 validator, weak comparison");
            Assert.IsFalse(NotModifiedMerge.Selects(Fixtures.Facts("ETag: \"a\""), Fixtures.Facts("ETag: W/\"a\"")), "strong 304 validator needs a strong stored one");
            Assert.IsTrue(NotModifiedMerge.Selects(Fixtures.Facts("Last-Modified: " + Fixtures.Date(Fixtures.T0)), stored));
            Assert.IsFalse(NotModifiedMerge.Selects(Fixtures.Facts("Last-Modified: " + Fixtures.Date(Fixtures.T0 + 1)), stored));
            Assert.IsTrue(NotModifiedMerge.Selects(Fixtures.Facts("Date: " + Fixtures.Date(Fixtures.T0)), stored), "no validator: the validated response");
            Assert.IsFalse(NotModifiedMerge.Selects(Fixtures.Facts("ETag: \"a\""), Fixtures.Facts("X: 1")), "stored response has no ETag");
        }
    }
}
