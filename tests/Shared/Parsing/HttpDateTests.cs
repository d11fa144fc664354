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
    public class HttpDateTests
    {
        // 1994-11-06T08:49:37Z, the RFC's example instant.
        private const long RfcExample = 784111777L;

        private static long Parse(string value)
        {
            long seconds;
            bool ok = HttpDate.TryParse(value, out seconds);
            Assert.AreEqual(ok, seconds >= 0, "the result and the flag agree for " + value);
            return seconds;
        }

        // A two-digit RFC 850 year read relative to "now" (RFC 9110 5.6.7).
        private static bool ParseRelativeTo(string value, long now, out long seconds)
        {
            byte[] bytes = Fixtures.Bytes(value);
            return HttpDate.TryParse(bytes, 0, bytes.Length, now, out seconds);
        }

        [TestMethod]
        public void TheThreeFormsOfTheRfcExampleParseToTheSameInstant()
        {
            Assert.AreEqual(RfcExample, Parse("Sun, 06 Nov 1994 08:49:37 GMT"));
            Assert.AreEqual(RfcExample, Parse("Sunday, 06-Nov-94 08:49:37 GMT"));
            Assert.AreEqual(RfcExample, Parse("Sun Nov  6 08:49:37 1994"));
            Assert.AreEqual(RfcExample, Parse("Sun Nov 06 08:49:37 1994"));
        }

        [TestMethod]
        public void BytesParseLikeStrings()
        {
            string text = "xxSun, 06 Nov 1994 08:49:37 GMTyy";
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            long seconds;
            Assert.IsTrue(HttpDate.TryParse(bytes, 2, 29, out seconds));
            Assert.AreEqual(RfcExample, seconds);
        }

        [TestMethod]
        public void KnownInstantsParse()
        {
            Assert.AreEqual(0L, Parse("Thu, 01 Jan 1970 00:00:00 GMT"));
            Assert.AreEqual(951782400L, Parse("Tue, 29 Feb 2000 00:00:00 GMT"));
            Assert.AreEqual(2147483647L, Parse("Tue, 19 Jan 2038 03:14:07 GMT"));
            Assert.AreEqual(2147483648L, Parse("Tue, 19 Jan 2038 03:14:08 GMT"));
            Assert.AreEqual(253402300799L, Parse("Fri, 31 Dec 9999 23:59:59 GMT"));
            Assert.AreEqual(1795392000L + 86399L, Parse("Mon, 23 Nov 2026 23:59:59 GMT"));
        }

        [TestMethod]
        public void SurroundingWhitespaceIsIgnoredAndNamesAreCaseInsensitive()
        {
            Assert.AreEqual(RfcExample, Parse("  Sun, 06 Nov 1994 08:49:37 GMT\t"));
            Assert.AreEqual(RfcExample, Parse("sun, 06 NOV 1994 08:49:37 gmt"));
            Assert.AreEqual(RfcExample, Parse("SUNDAY, 06-nov-94 08:49:37 GMT"));
        }

        [TestMethod]
        public void InvalidDatesAreReportedInvalid()
        {
            string[] invalid = new string[]
            {
                "", "0", "-1", "now", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 +0000",
                "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
                "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 29 Feb 1900 00:00:00 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Nov 1994 08-49-37 GMT", "Sun,  06 Nov 1994 08:49:37 GMT",
                "Sun, 06 Nov 1994 08:49:37 GMT extra", "Sunday, 06-Nov-1994 08:49:37 GMT", "Someday, 06-Nov-94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
                "Sun Nov  6 08:49:37 94", "Sun Nov  6 08:49:37 1994 GMT", "Sun, 0a Nov 1994 08:49:37 GMT", "Sun, 06 Nov 19x4 08:49:37 GMT",
                ",", "Sun,", "Monday,", "a, b",
            };
            for (int i = 0; i < invalid.Length; i++)
            {
                long seconds;
                Assert.IsFalse(HttpDate.TryParse(invalid[i], out seconds), "accepted: '" + invalid[i] + "'");
                Assert.AreEqual(-1L, seconds, invalid[i]);
            }
        }

        [TestMethod]
        public void LeapSecondIsAccepted()
        {
            Assert.AreEqual(1483228800L, Parse("Sat, 31 Dec 2016 23:59:60 GMT"));
        }

        [TestMethod]
        public void InstantsBefore1970AreReportedAsTheEpoch()
        {
            Assert.AreEqual(0L, Parse("Mon, 01 Jan 1900 00:00:00 GMT"));
            Assert.AreEqual(0L, Parse("Wed, 31 Dec 1969 23:59:59 GMT"));
        }

        [TestMethod]
        public void TwoDigitYearsWithoutAClockMapTo1970Through2069()
        {
            Assert.AreEqual(Parse("Thu, 01 Jan 1970 00:00:00 GMT"), Parse("Thursday, 01-Jan-70 00:00:00 GMT"));
            Assert.AreEqual(Parse("Sat, 01 Jan 2000 00:00:00 GMT"), Parse("Saturday, 01-Jan-00 00:00:00 GMT"));
            Assert.AreEqual(Parse("Thu, 31 Dec 2069 00:00:00 GMT"), Parse("Tuesday, 31-Dec-69 00:00:00 GMT"));
        }

        [TestMethod]
        public void TwoDigitYearsMoreThanFiftyYearsAheadAreInThePast()
        {
            long now2026 = Parse("Mon, 23 Nov 2026 00:00:00 GMT");
            long seconds;
            Assert.IsTrue(ParseRelativeTo("Friday, 01-Jan-76 00:00:00 GMT", now2026, out seconds));
            Assert.AreEqual(Parse("Wed, 01 Jan 2076 00:00:00 GMT"), seconds);
            Assert.IsTrue(ParseRelativeTo("Friday, 01-Jan-77 00:00:00 GMT", now2026, out seconds));
            Assert.AreEqual(Parse("Sat, 01 Jan 1977 00:00:00 GMT"), seconds);

            long now2090 = Parse("Sun, 01 Jan 2090 00:00:00 GMT");
            Assert.IsTrue(ParseRelativeTo("Friday, 01-Jan-30 00:00:00 GMT", now2090, out seconds));
            Assert.AreEqual(Parse("Sun, 01 Jan 2130 00:00:00 GMT"), seconds);
            Assert.IsTrue(ParseRelativeTo("Friday, 01-Jan-50 00:00:00 GMT", now2090, out seconds));
            Assert.AreEqual(Parse("Sat, 01 Jan 2050 00:00:00 GMT"), seconds);
            Assert.IsTrue(ParseRelativeTo("Friday, 01-Jan-41 00:00:00 GMT", now2090, out seconds));
            Assert.AreEqual(Parse("Tue, 01 Jan 2041 00:00:00 GMT"), seconds);
        }

        [TestMethod]
        public void FormatWritesImfFixdate()
        {
            Assert.AreEqual("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.ToString(RfcExample));
            Assert.AreEqual("Thu, 01 Jan 1970 00:00:00 GMT", HttpDate.ToString(0));
            Assert.AreEqual("Tue, 29 Feb 2000 00:00:00 GMT", HttpDate.ToString(951782400L));
            Assert.AreEqual("Fri, 31 Dec 9999 23:59:59 GMT", HttpDate.ToString(253402300799L));
        }

        [TestMethod]
        public void FormatWritesIntoTheCallersBufferAtTheOffset()
        {
            byte[] buffer = new byte[40];
            Assert.AreEqual(29, HttpDate.Format(RfcExample, buffer, 5));
            Assert.AreEqual(0, (int)buffer[4]);
            Assert.AreEqual((int)'S', (int)buffer[5]);
            Assert.AreEqual((int)'T', (int)buffer[33]);
            Assert.AreEqual(0, (int)buffer[34]);
            long back;
            Assert.IsTrue(HttpDate.TryParse(buffer, 5, 29, out back));
            Assert.AreEqual(RfcExample, back);
        }

        [TestMethod]
        public void FormatRejectsOutOfRangeArguments()
        {
            byte[] buffer = new byte[29];
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => HttpDate.Format(-1, buffer, 0));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => HttpDate.Format(253402300800L, buffer, 0));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => HttpDate.Format(0, buffer, 1));
            Expect.Throws(typeof(ArgumentNullException), () => HttpDate.Format(0, null, 0));
        }

        [TestMethod]
        public void FormatThenParseRoundTripsAcrossCenturiesAndLeapDays()
        {
            byte[] buffer = new byte[29];
            long step = 86400L * 37 + 3661;
            for (long t = 0; t < 253402300799L; t += step * 101)
            {
                HttpDate.Format(t, buffer, 0);
                long back;
                Assert.IsTrue(HttpDate.TryParse(buffer, 0, buffer.Length, out back), "parse " + t);
                Assert.AreEqual(t, back);
            }
        }

        [TestMethod]
        public void CivilDaysAgreeWithKnownDates()
        {
            Assert.AreEqual(0L, HttpDate.DaysFromCivil(1970, 1, 1));
            Assert.AreEqual(11016L, HttpDate.DaysFromCivil(2000, 2, 29));
            Assert.AreEqual(-1L, HttpDate.DaysFromCivil(1969, 12, 31));
            int y;
            int m;
            int d;
            HttpDate.CivilFromDays(11016, out y, out m, out d);
            Assert.AreEqual(2000, y);
            Assert.AreEqual(2, m);
            Assert.AreEqual(29, d);
        }
    }
}
