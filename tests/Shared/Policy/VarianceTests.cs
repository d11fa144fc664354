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
    public class VarianceTests
    {
        private static HttpHeaders Request(string[] pairs)
        {
            HttpHeaders headers = new HttpHeaders();
            for (int i = 0; i < pairs.Length; i += 2)
            {
                headers.Add(pairs[i], pairs[i + 1]);
            }

            return headers;
        }

        private static HeaderFields Fields(HttpHeaders request)
        {
            return request == null ? new HeaderFields(1) : request.ToFacts().Fields;
        }

        private static bool Same(string vary, HttpHeaders stored, HttpHeaders presented)
        {
            return Variance.Matches(Variance.Capture(Fixtures.Fields(vary), Fields(stored)), Fields(presented));
        }

        [TestMethod]
        public void EqualValuesMatchAndDifferentValuesDoNot()
        {
            HttpHeaders en = Request(new string[] { "Accept-Language", "en" });
            HttpHeaders de = Request(new string[] { "Accept-Language", "de" });
            Assert.IsTrue(Same("Vary: Accept-Language", en, en));
            Assert.IsFalse(Same("Vary: Accept-Language", en, de));
            Assert.IsTrue(Same("Vary: Accept-Language", en, Request(new string[] { "Accept-Language", "EN" })), "language ranges are case-insensitive");
            Assert.IsFalse(Same("Vary: X-Mode", Request(new string[] { "X-Mode", "a" }), Request(new string[] { "X-Mode", "A" })), "case is kept in other fields");
            Assert.IsFalse(Same("Vary: Accept-Language", en, Request(new string[] { "Accept-Language", "en-US" })), "a longer value");
            Assert.IsFalse(Same("Vary: Accept-Language", Request(new string[] { "Accept-Language", "en-US" }), en), "a shorter value");
        }

        [TestMethod]
        public void AbsentAndEmptyAreDifferentButAbsentMatchesAbsent()
        {
            HttpHeaders none = new HttpHeaders();
            HttpHeaders empty = Request(new string[] { "X-Mode", "" });
            Assert.IsTrue(Same("Vary: X-Mode", none, null));
            Assert.IsTrue(Same("Vary: X-Mode", none, none));
            Assert.IsFalse(Same("Vary: X-Mode", none, empty));
            Assert.IsFalse(Same("Vary: X-Mode", empty, none));
        }

        [TestMethod]
        public void WhitespaceAndSeveralLinesAreNormalised()
        {
            HttpHeaders compact = Request(new string[] { "Accept", "text/html,application/json" });
            HttpHeaders spaced = Request(new string[] { "accept", "  text/html ,   application/json  " });
            HttpHeaders split = Request(new string[] { "Accept", "text/html", "ACCEPT", " application/json" });
            Assert.IsTrue(Same("Vary: Accept", compact, spaced));
            Assert.IsTrue(Same("Vary: Accept", compact, split));
            Assert.IsTrue(Same("Vary: Accept", split, compact));
            Assert.IsTrue(Same("Vary: Accept", Request(new string[] { "Accept", "a  b" }), Request(new string[] { "Accept", "a \t b" })));
            Assert.IsFalse(Same("Vary: Accept", Request(new string[] { "Accept", "a b" }), Request(new string[] { "Accept", "ab" })));
        }

        [TestMethod]
        public void EveryNamedFieldMustMatch()
        {
            HttpHeaders a = Request(new string[] { "Accept", "x", "Accept-Language", "en" });
            HttpHeaders b = Request(new string[] { "Accept-Language", "en", "Accept", "x", "Unrelated", "1" });
            HttpHeaders c = Request(new string[] { "Accept", "x", "Accept-Language", "fr" });
            Assert.IsTrue(Same("Vary: Accept\nVary: Accept-Language", a, b));
            Assert.IsFalse(Same("Vary: Accept, Accept-Language", a, c));
            Assert.IsNull(Variance.Capture(Fixtures.Fields("ETag: \"a\""), Fields(a)), "no Vary, nothing captured");
            Assert.IsFalse(Variance.Matches(null, Fields(a)));
            Assert.IsFalse(Variance.Matches(new byte[] { 1, 0, 0 }, Fields(a)), "a capture in another format never matches");
            Assert.IsFalse(Variance.Matches(new byte[] { 2, (byte)'a' }, Fields(a)), "nor does a truncated one");
        }

        [TestMethod]
        public void CredentialsHashToTheSameValueOnlyWhenEqual()
        {
            Assert.AreEqual(0L, Variance.CredentialHash(Fields(null)));
            Assert.AreEqual(0L, Variance.CredentialHash(Fields(new HttpHeaders())));
            long a = Variance.CredentialHash(Fields(Request(new string[] { "Authorization", "Bearer a" })));
            Assert.IsTrue(a != 0);
            Assert.AreEqual(a, Variance.CredentialHash(Fields(Request(new string[] { "authorization", "Bearer a" }))));
            Assert.IsTrue(a != Variance.CredentialHash(Fields(Request(new string[] { "Authorization", "Bearer b" }))));
        }
    }
}
