// Desktop-only: a NUL inside a string header value. .NET strings can hold one; nanoFramework strings end at the
// first NUL, so there such a value reaches the parser already cut short (see HeaderFields' remarks).
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
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual(HeaderBlockStatus.Invalid, fields.Parse("Good: 1\r\nA: x\0y\r\n\r\n"));
            Assert.AreEqual(0, fields.Consumed);
            Assert.AreEqual(0, fields.Count);
        }
    }
}
