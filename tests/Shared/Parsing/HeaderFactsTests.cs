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
    public class HeaderFactsTests
    {
        private static HeaderFacts Facts(string block)
        {
            HeaderFields fields = new HeaderFields(100);
            Assert.AreEqual((int)HeaderBlockStatus.Complete, (int)fields.Parse(block + "\r\n"));
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            return facts;
        }

        [TestMethod]
        public void ARealisticResponseIsFullyUnderstood()
        {
            HeaderFacts f = Facts("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nCache-Control: public, max-age=300, stale-if-error=60\r\nETag: W/\"abc\"\r\n"
                + "Last-Modified: Sat, 05 Nov 1994 08:49:37 GMT\r\nExpires: Sun, 06 Nov 1994 09:49:37 GMT\r\nAge: 12\r\nVary: Accept-Encoding\r\nContent-Length: 42\r\nContent-Type: text/plain\r\n");
            Assert.AreEqual(784111777L, f.Date);
            Assert.AreEqual(784111777L - 86400, f.LastModified);
            Assert.AreEqual(784111777L + 3600, f.Expires);
            Assert.AreEqual(12L, f.Age);
            Assert.AreEqual(300L, f.CacheControl.MaxAge);
            Assert.AreEqual(60L, f.CacheControl.StaleIfError);
            Assert.IsTrue(f.ETagIsWeak);
            Assert.AreEqual("W/\"abc\"", f.ETagToString());
            Assert.IsTrue(f.HasVary);
            Assert.IsFalse(f.VaryAny);
            Assert.AreEqual(42L, f.ContentLength);
            Assert.AreEqual(9, f.FieldCount);
        }

        [TestMethod]
        public void AbsentFieldsReadAsMinusOne()
        {
            HeaderFacts f = Facts("X-Other: 1\r\n");
            Assert.AreEqual(-1L, f.Date);
            Assert.AreEqual(-1L, f.Expires);
            Assert.AreEqual(-1L, f.LastModified);
            Assert.AreEqual(-1L, f.Age);
            Assert.AreEqual(-1L, f.ContentLength);
            Assert.AreEqual(-1L, f.IfModifiedSince);
            Assert.IsFalse(f.HasETag);
            Assert.IsNull(f.ETagToString());
            Assert.IsFalse(f.CacheControl.IsPresent);
            Assert.IsFalse(f.ExpiresInvalid);
        }

        [TestMethod]
        public void InvalidExpiresMeansAlreadyExpired()
        {
            HeaderFacts f = Facts("Expires: 0\r\n");
            Assert.IsTrue(f.ExpiresInvalid);
            Assert.AreEqual(-1L, f.Expires);
            f = Facts("Expires: -1\r\nExpires: Sun, 06 Nov 1994 09:49:37 GMT\r\n");
            Assert.IsTrue(f.ExpiresInvalid, "the first occurrence decides");
        }

        [TestMethod]
        public void FirstValidSingletonWins()
        {
            HeaderFacts f = Facts("Date: garbage\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nDate: Mon, 07 Nov 1994 08:49:37 GMT\r\nETag: \"a\"\r\nETag: \"b\"\r\n");
            Assert.AreEqual(784111777L, f.Date);
            Assert.AreEqual("\"a\"", f.ETagToString());
            Assert.AreEqual("\"b\"", Facts("ETag: unquoted\r\nETag: \"b\"\r\n").ETagToString(), "an invalid first ETag is skipped");
        }

        [TestMethod]
        public void AgeUsesTheFirstListMemberAndIgnoresInvalidValues()
        {
            Assert.AreEqual(10L, Facts("Age: 10, 20\r\n").Age);
            Assert.AreEqual(-1L, Facts("Age: -5\r\n").Age);
            Assert.AreEqual(-1L, Facts("Age: abc\r\n").Age);
            Assert.AreEqual(2147483648L, Facts("Age: 99999999999999999999\r\n").Age);
            Assert.AreEqual(7L, Facts("Age: x\r\nAge: 7\r\n").Age);
        }

        [TestMethod]
        public void VaryStarIsDetectedAnywhereInTheList()
        {
            Assert.IsTrue(Facts("Vary: Accept, *\r\n").VaryAny);
            Assert.IsTrue(Facts("Vary: Accept\r\nVary: *\r\n").VaryAny);
            Assert.IsFalse(Facts("Vary: \r\n").HasVary);
        }

        [TestMethod]
        public void PragmaNoCacheIsRecognisedAmongOtherMembers()
        {
            Assert.IsTrue(Facts("Pragma: x=1, No-Cache\r\n").PragmaNoCache);
            Assert.IsFalse(Facts("Pragma: no-cache-please\r\n").PragmaNoCache);
        }

        [TestMethod]
        public void ContentLengthMustBeOneNumber()
        {
            Assert.AreEqual(5L, Facts("Content-Length: 5\r\n").ContentLength);
            Assert.AreEqual(5L, Facts("Content-Length: 5, 5\r\n").ContentLength);
            Assert.AreEqual(5L, Facts("Content-Length: 5\r\nContent-Length: 5\r\n").ContentLength);
            string[] invalid = new string[] { "Content-Length: 5, 6\r\n", "Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: -1\r\n", "Content-Length: 1e3\r\n", "Content-Length: \r\n", "Content-Length: 99999999999999999999\r\n" };
            for (int i = 0; i < invalid.Length; i++)
            {
                HeaderFacts f = Facts(invalid[i]);
                Assert.IsTrue(f.ContentLengthInvalid, invalid[i]);
                Assert.AreEqual(-1L, f.ContentLength, invalid[i]);
            }
        }

        [TestMethod]
        public void RequestConditionalsAndAuthorizationAreRecorded()
        {
            HeaderFacts f = Facts("If-None-Match: \"a\", \"b\"\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\nIf-Unmodified-Since: nonsense\r\nAuthorization: Bearer x\r\nPragma: no-cache\r\n");
            Assert.IsTrue(f.HasIfNoneMatch);
            Assert.AreEqual("\"a\", \"b\"", f.ValueToString(f.IfNoneMatchField));
            Assert.AreEqual(784111777L, f.IfModifiedSince);
            Assert.AreEqual(-1L, f.IfUnmodifiedSince);
            Assert.IsTrue(f.HasAuthorization);
            Assert.IsTrue(f.PragmaNoCache);
        }

        [TestMethod]
        public void TransferEncodingChunkedMustBeTheLastCoding()
        {
            Assert.IsTrue(Facts("Transfer-Encoding: gzip, chunked\r\n").IsChunked);
            Assert.IsFalse(Facts("Transfer-Encoding: chunked, gzip\r\n").IsChunked);
            Assert.IsTrue(Facts("Transfer-Encoding: gzip\r\n").HasTransferEncoding);
        }

        [TestMethod]
        public void VaryStarMustStandAlone()
        {
            Assert.IsTrue(Facts("Vary: *\r\n").VaryAny);
            Assert.IsTrue(Facts("Vary: Accept ,  * , Cookie\r\n").VaryAny);
            Assert.IsFalse(Facts("Vary: Accept*\r\n").VaryAny, "a star inside a member is not the * member");
            Assert.IsTrue(Facts("Vary: Accept*\r\n").HasVary);
        }

        [TestMethod]
        public void ReloadingForgetsTheFactsOfTheLastMessage()
        {
            HeaderFields fields = new HeaderFields(10);
            HeaderFacts f = new HeaderFacts();
            fields.Parse("Cache-Control: max-age=5\r\nETag: \"x\"\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n");
            f.Load(fields);
            Assert.AreEqual(5L, f.CacheControl.MaxAge);
            Assert.AreEqual(784111777L, f.Date);
            fields.Parse("X-Only: 1\r\n\r\n");
            f.Load(fields);
            Assert.AreEqual(-1L, f.CacheControl.MaxAge);
            Assert.AreEqual(-1L, f.Date, "a date parsed for the last message is not kept");
            Assert.IsFalse(f.HasETag);
            Assert.AreEqual(1, f.FieldCount);
            f.Reset();
            Assert.AreEqual(0, f.FieldCount);
            Assert.IsNull(f.Fields);
        }

        [TestMethod]
        public void CookiesAreRecordedForTheSharedCacheRules()
        {
            Assert.IsTrue(Facts("Cookie: s=1\r\n").HasCookie);
            Assert.IsTrue(Facts("set-cookie: s=1\r\n").HasSetCookie);
            Assert.IsFalse(Facts("Cookies: s=1\r\n").HasCookie);
        }
    }
}
