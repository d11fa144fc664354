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
    public class ListAndNumberTests
    {
        private static string ReadAll(string value)
        {
            HeaderListReader reader = new HeaderListReader(TextSlice.Of(value));
            string result = "";
            TextSlice element;
            while (reader.TryReadNext(out element))
            {
                result = result + "[" + element.ToString() + "]";
            }

            return result;
        }

        [TestMethod]
        public void ListElementsAreTrimmedAndEmptyOnesSkipped()
        {
            Assert.AreEqual("[a][b]", ReadAll("a,b"));
            Assert.AreEqual("[a][b]", ReadAll(" , a ,, \t b , "));
            Assert.AreEqual("", ReadAll(""));
            Assert.AreEqual("", ReadAll(" , ,"));
            Assert.AreEqual("[x=\"1,2\"][y]", ReadAll("x=\"1,2\", y"));
            Assert.AreEqual("[x=\"a\\\",b\"][c]", ReadAll("x=\"a\\\",b\",c"));
            Assert.AreEqual("[x=\"open, still]", ReadAll("x=\"open, still"));
            Assert.AreEqual("[x=\"a\\]", ReadAll("x=\"a\\"));
        }

        [TestMethod]
        public void DeltaSecondsAcceptsOnlyDigits()
        {
            long seconds;
            Assert.IsTrue(DeltaSeconds.TryParse(TextSlice.Of("0"), out seconds));
            Assert.AreEqual(0L, seconds);
            Assert.IsTrue(DeltaSeconds.TryParse(TextSlice.Of("86400"), out seconds));
            Assert.AreEqual(86400L, seconds);
            string[] invalid = new string[] { "", " 1", "1 ", "+1", "-1", "1.0", "0x1", "1a", "\u0661" };
            for (int i = 0; i < invalid.Length; i++)
            {
                Assert.IsFalse(DeltaSeconds.TryParse(TextSlice.Of(invalid[i]), out seconds), invalid[i]);
                Assert.AreEqual(-1L, seconds);
            }
        }

        [TestMethod]
        public void DeltaSecondsSaturatesAtTwoToTheThirtyFirst()
        {
            long seconds;
            Assert.IsTrue(DeltaSeconds.TryParse(TextSlice.Of("2147483648"), out seconds));
            Assert.AreEqual(DeltaSeconds.Saturated, seconds);
            Assert.IsTrue(DeltaSeconds.TryParse(TextSlice.Of("2147483649"), out seconds));
            Assert.AreEqual(DeltaSeconds.Saturated, seconds);
            Assert.IsTrue(DeltaSeconds.TryParse(TextSlice.Of("123456789012345678901234567890"), out seconds));
            Assert.AreEqual(DeltaSeconds.Saturated, seconds);
            Assert.IsFalse(DeltaSeconds.TryParse(TextSlice.Of("123456789012345678901234567890x"), out seconds));
        }

        [TestMethod]
        public void SlicesValidateTheirRangeOnce()
        {
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new TextSlice("abc", 2, 2));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new TextSlice("abc", -1, 1));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new TextSlice(new byte[3], 0, 4));
            Expect.Throws(typeof(ArgumentNullException), () => new TextSlice((string)null, 0, 0));
            Expect.Throws(typeof(ArgumentNullException), () => new TextSlice((byte[])null, 0, 0));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => TextSlice.Of("abc").Slice(1, 3));
        }

        [TestMethod]
        public void SlicesCompareAndCopy()
        {
            TextSlice s = new TextSlice("xxHello, Worldyy", 2, 12);
            Assert.AreEqual(12, s.Length);
            Assert.AreEqual("Hello, World", s.ToString());
            Assert.IsTrue(s.EqualsIgnoreCase("hello, world"));
            Assert.IsFalse(s.SequenceEquals("hello, world"));
            Assert.IsTrue(s.SequenceEquals("Hello, World"));
            Assert.AreEqual(5, s.IndexOf(',', 0));
            Assert.AreEqual(-1, s.IndexOf('y', 0));
            Assert.AreEqual("World", s.Slice(7, 5).ToString());
            Assert.AreEqual("a b", TextSlice.Of(" \t a b \r\n").Trim().ToString());
            byte[] copy = new byte[14];
            s.CopyTo(copy, 1);
            Assert.AreEqual("Hello, World", new TextSlice(copy, 1, 12).ToString());
            Assert.IsTrue(TextSlice.Of(copy).Slice(1, 12).SequenceEquals(s));
            Assert.AreEqual("", default(TextSlice).ToString());
            Assert.IsTrue(default(TextSlice).IsEmpty);
            Assert.AreEqual("\u00e9", TextSlice.Of(new byte[] { 0xE9 }).ToString());
        }
    }
}
