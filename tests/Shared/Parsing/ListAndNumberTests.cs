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
    public class ListAndNumberTests
    {
        private static string ReadAll(string value)
        {
            byte[] bytes = Fixtures.Bytes("<" + value + ">");
            int position = 1;
            int end = bytes.Length - 1;
            string result = "";
            int start;
            int length;
            while (HeaderList.Next(bytes, ref position, end, out start, out length))
            {
                Assert.IsTrue(start >= 1 && start + length <= end, "the element lies within the value: " + value);
                result = result + "[" + TextBytes.ToString(bytes, start, length) + "]";
            }

            return result;
        }

        private static bool Delta(string text, out long seconds)
        {
            byte[] bytes = Fixtures.Bytes("x" + text + "y");
            return DeltaSeconds.TryParse(bytes, 1, bytes.Length - 2, out seconds);
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
            Assert.AreEqual("[a][b c]", ReadAll("a,\r\n  b c"), "the CR LF of a fold reads as whitespace");
            Assert.AreEqual("[p=\"x\" q][r]", ReadAll("p=\"x\" q , r"));
        }

        [TestMethod]
        public void DeltaSecondsAcceptsOnlyDigits()
        {
            long seconds;
            Assert.IsTrue(Delta("0", out seconds));
            Assert.AreEqual(0L, seconds);
            Assert.IsTrue(Delta("86400", out seconds));
            Assert.AreEqual(86400L, seconds);
            string[] invalid = new string[] { "", " 1", "1 ", "+1", "-1", "1.0", "0x1", "1a", "\u0661" };
            for (int i = 0; i < invalid.Length; i++)
            {
                Assert.IsFalse(Delta(invalid[i], out seconds), invalid[i]);
                Assert.AreEqual(-1L, seconds);
            }
        }

        [TestMethod]
        public void DeltaSecondsSaturatesAtTwoToTheThirtyFirst()
        {
            long seconds;
            Assert.IsTrue(Delta("2147483648", out seconds));
            Assert.AreEqual(DeltaSeconds.Saturated, seconds);
            Assert.IsTrue(Delta("2147483649", out seconds));
            Assert.AreEqual(DeltaSeconds.Saturated, seconds);
            Assert.IsTrue(Delta("123456789012345678901234567890", out seconds));
            Assert.AreEqual(DeltaSeconds.Saturated, seconds);
            Assert.IsFalse(Delta("123456789012345678901234567890x", out seconds));
        }

        [TestMethod]
        public void NativeSearchesStayWithinTheirRange()
        {
            byte[] bytes = Fixtures.Bytes("a:b,c\r\nd\"e=f\\;*");
            Assert.AreEqual(1, ByteSearch.Colon(bytes, 0, bytes.Length));
            Assert.AreEqual(-1, ByteSearch.Colon(bytes, 2, bytes.Length));
            Assert.AreEqual(-1, ByteSearch.Comma(bytes, 0, 3), "the end is exclusive");
            Assert.AreEqual(3, ByteSearch.Comma(bytes, 0, 4));
            Assert.AreEqual(5, ByteSearch.CarriageReturn(bytes, 0, bytes.Length));
            Assert.AreEqual(6, ByteSearch.LineFeed(bytes, 0, bytes.Length));
            Assert.AreEqual(8, ByteSearch.Quote(bytes, 0, bytes.Length));
            Assert.AreEqual(10, ByteSearch.EqualsSign(bytes, 0, bytes.Length));
            Assert.AreEqual(12, ByteSearch.Backslash(bytes, 0, bytes.Length));
            Assert.AreEqual(13, ByteSearch.Semicolon(bytes, 0, bytes.Length));
            Assert.AreEqual(14, ByteSearch.Star(bytes, 0, bytes.Length));
            Assert.AreEqual(-1, ByteSearch.Nul(bytes, 0, bytes.Length));
            Assert.AreEqual(-1, ByteSearch.Colon(bytes, 5, 5), "an empty range finds nothing");
            Assert.AreEqual(-1, ByteSearch.Colon(bytes, 5, 2), "nor does a reversed one");
        }

        [TestMethod]
        public void KnownNamesMatchOnlyTheirOwnBytes()
        {
            byte[] lower = Ascii.LowerBytes("Cache-Control");
            Assert.IsTrue(Ascii.MatchesLower(Fixtures.Bytes("CACHE-control"), 0, 13, lower));
            Assert.IsFalse(Ascii.MatchesLower(Fixtures.Bytes("Cache\rControl"), 0, 13, lower), "CR | 0x20 is a hyphen: not folded");
            Assert.IsFalse(Ascii.MatchesLower(Fixtures.Bytes("Cache-Contro"), 0, 12, lower));
            Assert.IsFalse(Ascii.MatchesLower(Fixtures.Bytes("Cache-Controm"), 0, 13, lower));
            Assert.IsTrue(Ascii.IsToken(Fixtures.Bytes("X-Custom_1.2~"), 0, 13));
            Assert.IsFalse(Ascii.IsToken(Fixtures.Bytes("X Custom"), 0, 8));
            Assert.IsFalse(Ascii.IsToken(Fixtures.Bytes(""), 0, 0));
            Assert.IsTrue(Ascii.EqualsIgnoreCase(Fixtures.Bytes("aBc"), 0, Fixtures.Bytes("AbC"), 0, 3));
            Assert.IsFalse(Ascii.SequenceEquals(Fixtures.Bytes("aBc"), 0, Fixtures.Bytes("AbC"), 0, 3));
        }

        [TestMethod]
        public void WhitespaceIsTrimmedFromBothEnds()
        {
            byte[] bytes = Fixtures.Bytes(" \t a b \r\n");
            int start = Ascii.SkipWhitespace(bytes, 0, bytes.Length);
            Assert.AreEqual(3, start);
            Assert.AreEqual(6, Ascii.TrimEnd(bytes, start, bytes.Length));
            Assert.AreEqual(bytes.Length, Ascii.SkipWhitespace(Fixtures.Bytes("   "), 0, 3) + bytes.Length - 3);
        }
    }
}
