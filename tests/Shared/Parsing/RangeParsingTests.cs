using HttpCache.Nano.Parsing;
using HttpCache.Nano.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Parsing
{
    /// <summary>Range and Content-Range, every form and every malformed one (RFC 9110 14.1.2, 14.4).</summary>
    [TestClass]
    public class RangeParsingTests
    {
        [TestMethod]
        public void RangeValuesAndWhatTheySelectInTenThousandBytes()
        {
            // value, kind, resolved "from-to" in a 10000-byte representation ("none" when unsatisfiable, "" when not single)
            string[] cases = new string[]
            {
                "bytes=0-499", "Single", "0-499",
                "bytes=500-999", "Single", "500-999",
                "bytes=9500-", "Single", "9500-9999",
                "bytes=-500", "Single", "9500-9999",
                "bytes=0-0", "Single", "0-0",
                "bytes=-1", "Single", "9999-9999",
                "bytes=9999-20000", "Single", "9999-9999",
                "bytes=-20000", "Single", "0-9999",
                "Bytes=0-1", "Single", "0-1",
                " bytes=5-6 ", "Single", "5-6",
                "bytes= 5-6", "Single", "5-6",
                "bytes=10000-", "Single", "none",
                "bytes=10000-10001", "Single", "none",
                "bytes=-0", "Single", "none",
                "bytes=99999999999999999999999-", "Single", "none",
                "bytes=0-1,4-5", "Multiple", "",
                "bytes=0-1, -5", "Multiple", "",
                "bytes=0-1,,4-5", "Multiple", "",
                "bytes=5-4", "Invalid", "",
                "bytes=a-b", "Invalid", "",
                "bytes=-", "Invalid", "",
                "bytes=", "Invalid", "",
                "bytes=1", "Invalid", "",
                "bytes=1-2-3", "Invalid", "",
                "bytes=+1-2", "Invalid", "",
                "bytes=0-1,x", "Invalid", "",
                "items=0-1", "Invalid", "",
                "bytes 0-1", "Invalid", "",
                "", "Invalid", "",
                "bytes=1 -2", "Invalid", "",
            };
            for (int i = 0; i < cases.Length; i += 3)
            {
                byte[] value = Fixtures.Bytes(cases[i]);
                long first;
                long last;
                RangeKind kind = ByteRange.Parse(value, 0, value.Length, out first, out last);
                Assert.AreEqual(cases[i + 1], Name(kind), "[" + cases[i] + "]");
                if (kind == RangeKind.Single)
                {
                    long from;
                    long to;
                    string resolved = ByteRange.Resolve(first, last, 10000, out from, out to) ? from + "-" + to : "none";
                    Assert.AreEqual(cases[i + 2], resolved, "[" + cases[i] + "]");
                }
            }
        }

        [TestMethod]
        public void NothingIsSatisfiableInAnEmptyRepresentation()
        {
            long from;
            long to;
            Assert.IsFalse(ByteRange.Resolve(0, -1, 0, out from, out to));
            Assert.IsFalse(ByteRange.Resolve(-1, 5, 0, out from, out to));
        }

        [TestMethod]
        public void ContentRangeValues()
        {
            // value, valid, "first last complete"
            string[] cases = new string[]
            {
                "bytes 0-499/10000", "yes", "0 499 10000",
                "bytes 9999-9999/10000", "yes", "9999 9999 10000",
                "bytes 0-499/*", "yes", "0 499 -1",
                "bytes */10000", "yes", "-1 -1 10000",
                "BYTES 1-2/3", "yes", "1 2 3",
                "  bytes 1-2/3  ", "yes", "1 2 3",
                "bytes 0-10000/10000", "no", "",
                "bytes 5-4/10", "no", "",
                "bytes 0-4", "no", "",
                "bytes 0-/10", "no", "",
                "bytes -4/10", "no", "",
                "bytes */*", "no", "",
                "bytes=0-4/10", "no", "",
                "items 0-4/10", "no", "",
                "bytes a-4/10", "no", "",
                "bytes 0-4/1x", "no", "",
                "", "no", "",
            };
            for (int i = 0; i < cases.Length; i += 3)
            {
                byte[] value = Fixtures.Bytes(cases[i]);
                long first;
                long last;
                long complete;
                bool valid = ContentRange.TryParse(value, 0, value.Length, out first, out last, out complete);
                Assert.AreEqual(cases[i + 1] == "yes", valid, "[" + cases[i] + "]");
                if (valid)
                {
                    Assert.AreEqual(cases[i + 2], first + " " + last + " " + complete, "[" + cases[i] + "]");
                }
                else
                {
                    Assert.AreEqual(-1L, first + last + complete + 2, "all -1 when invalid: [" + cases[i] + "]");
                }
            }
        }

        [TestMethod]
        public void ContentRangeIsWrittenAsItIsRead()
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(16);
            ContentRange.Write(writer, 5, 9, 100);
            ContentRange.Write(writer, -1, -1, 100);
            ContentRange.Write(writer, 0, 3, -1);
            Assert.AreEqual("Content-Range: bytes 5-9/100\r\nContent-Range: bytes */100\r\nContent-Range: bytes 0-3/*\r\n", TextBytes.ToString(writer.Buffer, 0, writer.Length));
        }

        private static string Name(RangeKind kind)
        {
            switch (kind)
            {
                case RangeKind.Single:
                    return "Single";
                case RangeKind.Multiple:
                    return "Multiple";
                case RangeKind.Invalid:
                    return "Invalid";
                default:
                    return "None";
            }
        }
    }
}
