// Desktop-only: a NUL inside a string header value. .NET strings can hold one; nanoFramework strings end at the
// first NUL, so there such a value reaches the parser already cut short (see HeaderParser's remarks).
using HttpCache.Nano.Parsing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Parsing
{
    [TestClass]
    public class StringNulTests
    {
        [TestMethod]
        public void ANulInAStringValueMakesTheBlockInvalid()
        {
            int consumed;
            Assert.AreEqual(HeaderBlockStatus.Invalid, HeaderParser.Parse(TextSlice.Of("Good: 1\r\nA: x\0y\r\n\r\n"), null, 100, out consumed));
            Assert.AreEqual(0, consumed);
        }
    }
}
