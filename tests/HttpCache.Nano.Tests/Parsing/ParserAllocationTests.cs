// Desktop-only: the header parser allocates nothing once warm (GC.GetAllocatedBytesForCurrentThread).
using System;
using System.Text;
using HttpCache.Nano.Parsing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Parsing
{
    [TestClass]
    public class ParserAllocationTests
    {
        internal const string ResponseBlock =
            "Cache-Control: public, max-age=300, must-revalidate, stale-if-error=60\r\n" +
            "ETag: W/\"5e1f-8a3b\"\r\n" +
            "Date: Mon, 23 Nov 2026 10:00:00 GMT\r\n" +
            "Last-Modified: Sun, 22 Nov 2026 09:30:00 GMT\r\n" +
            "Expires: Mon, 23 Nov 2026 10:05:00 GMT\r\n" +
            "Age: 17\r\n" +
            "Vary: Accept-Encoding, Accept-Language\r\n" +
            "Content-Type: application/json\r\n" +
            "Content-Length: 512\r\n" +
            "\r\n";

        private static void AssertFacts(HeaderFacts facts)
        {
            Assert.AreEqual(300L, facts.CacheControl.MaxAge);
            Assert.AreEqual(17L, facts.Age);
            Assert.AreEqual(512L, facts.ContentLength);
            Assert.IsTrue(facts.ETagIsWeak);
            Assert.IsTrue(facts.HasVary);
            Assert.IsTrue(facts.Expires > facts.Date && facts.Date > facts.LastModified);
        }

        private static long Measure(Action action)
        {
            action();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                action();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [TestMethod]
        public void ParsingAResponseBlockFromAStringAllocatesNothing()
        {
            HeaderFields fields = new HeaderFields(64);
            HeaderFacts facts = new HeaderFacts();
            long allocated = Measure(() =>
            {
                fields.Parse(ResponseBlock);
                facts.Load(fields);
                Touch(facts);
            });
            AssertFacts(facts);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void ParsingAResponseBlockFromBytesAllocatesNothing()
        {
            HeaderFields fields = new HeaderFields(64);
            HeaderFacts facts = new HeaderFacts();
            byte[] bytes = Encoding.Latin1.GetBytes(ResponseBlock);
            long allocated = Measure(() =>
            {
                fields.Parse(bytes, 0, bytes.Length);
                facts.Load(fields);
                Touch(facts);
            });
            AssertFacts(facts);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void RequestDirectivesEntityTagListsAndDateFormattingAllocateNothing()
        {
            byte[] requestCc = Encoding.Latin1.GetBytes("max-age=0, max-stale=30, min-fresh=5, no-cache, only-if-cached");
            byte[] inm = Encoding.Latin1.GetBytes("\"a\", W/\"b\", \"5e1f-8a3b\"");
            byte[] tag = Encoding.Latin1.GetBytes("\"5e1f-8a3b\"");
            byte[] dateBuffer = new byte[HttpDate.FormattedLength];
            CacheControl cc = new CacheControl();
            bool matched = false;
            long allocated = Measure(() =>
            {
                cc.Reset();
                cc.Add(requestCc, 0, requestCc.Length);
                matched = EntityTagList.Contains(inm, 0, inm.Length, tag, 0, tag.Length, false, true) && cc.MaxStale == 30;
                HttpDate.Format(1795392000L, dateBuffer, 0);
            });
            Assert.IsTrue(matched);
            Assert.AreEqual(0L, allocated);
        }

        // Reads every lazily parsed fact, so the measurement includes the date and entity-tag parsing.
        private static void Touch(HeaderFacts facts)
        {
            if (facts.Date + facts.Expires + facts.LastModified < 0 || !facts.HasETag || facts.ExpiresInvalid)
            {
                throw new InvalidOperationException("facts not as expected");
            }
        }
    }
}
