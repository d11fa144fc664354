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
            Assert.IsTrue(facts.ETag.IsWeak);
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
            HeaderFacts facts = new HeaderFacts();
            TextSlice block = TextSlice.Of(ResponseBlock);
            long allocated = Measure(() =>
            {
                facts.Reset();
                int consumed;
                HeaderParser.Parse(block, facts, 64, out consumed);
            });
            AssertFacts(facts);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void ParsingAResponseBlockFromBytesAllocatesNothing()
        {
            HeaderFacts facts = new HeaderFacts();
            byte[] bytes = Encoding.Latin1.GetBytes(ResponseBlock);
            long allocated = Measure(() =>
            {
                facts.Reset();
                int consumed;
                HeaderParser.Parse(new TextSlice(bytes, 0, bytes.Length), facts, 64, out consumed);
            });
            AssertFacts(facts);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void AddingStringPairsAsAWebHeaderCollectionHandsThemOutAllocatesNothing()
        {
            string[] names = { "Cache-Control", "ETag", "Date", "Last-Modified", "Expires", "Age", "Vary", "Content-Type", "Content-Length" };
            string[] values = { "public, max-age=300, must-revalidate, stale-if-error=60", "W/\"5e1f-8a3b\"", "Mon, 23 Nov 2026 10:00:00 GMT", "Sun, 22 Nov 2026 09:30:00 GMT", "Mon, 23 Nov 2026 10:05:00 GMT", "17", "Accept-Encoding, Accept-Language", "application/json", "512" };
            HeaderFacts facts = new HeaderFacts();
            long allocated = Measure(() =>
            {
                facts.Reset();
                for (int i = 0; i < names.Length; i++)
                {
                    facts.Add(names[i], values[i]);
                }
            });
            AssertFacts(facts);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void RequestDirectivesEntityTagListsAndDateFormattingAllocateNothing()
        {
            TextSlice requestCc = TextSlice.Of("max-age=0, max-stale=30, min-fresh=5, no-cache, only-if-cached");
            TextSlice inm = TextSlice.Of("\"a\", W/\"b\", \"5e1f-8a3b\"");
            EntityTag tag;
            EntityTag.TryParse(TextSlice.Of("\"5e1f-8a3b\""), out tag);
            byte[] dateBuffer = new byte[HttpDate.FormattedLength];
            bool matched = false;
            long allocated = Measure(() =>
            {
                CacheControl cc = CacheControl.Parse(requestCc);
                matched = EntityTagList.Contains(inm, tag, true) && cc.MaxStale == 30;
                HttpDate.Format(1795392000L, dateBuffer, 0);
            });
            Assert.IsTrue(matched);
            Assert.AreEqual(0L, allocated);
        }
    }
}
