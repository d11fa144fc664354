using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Server;
using HttpCache.Nano.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Server
{
    /// <summary>RFC 9110 13.2.2 precedence, row by row.</summary>
    [TestClass]
    public class ConditionalGetTests
    {
        private const long Modified = Fixtures.T0;

        private static void AssertResult(ConditionalResult expected, string method, string request, string etag, long lastModified, bool exists)
        {
            ConditionalResult result = ConditionalGet.Evaluate(method, request.Length == 0 ? new HeaderFacts() : Fixtures.Facts(request), etag, lastModified, exists);
            Assert.AreEqual((int)expected, (int)result, method + " [" + request + "] etag=" + etag + ": got " + result.ToString());
        }

        private static void AssertResult(ConditionalResult expected, string method, string request)
        {
            AssertResult(expected, method, request, "\"v2\"", Modified, true);
        }

        [TestMethod]
        public void NoPreconditionsMeanAFullResponse()
        {
            AssertResult(ConditionalResult.Full, "GET", "");
        }

        [TestMethod]
        public void IfNoneMatchUsesWeakComparisonAndStar()
        {
            AssertResult(ConditionalResult.NotModified, "GET", "If-None-Match: \"v1\", \"v2\"");
            AssertResult(ConditionalResult.NotModified, "GET", "If-None-Match: W/\"v2\"");
            AssertResult(ConditionalResult.NotModified, "HEAD", "If-None-Match: *");
            AssertResult(ConditionalResult.Full, "GET", "If-None-Match: \"v1\"");
            AssertResult(ConditionalResult.Full, "GET", "If-None-Match: *", null, -1, false);
            AssertResult(ConditionalResult.PreconditionFailed, "PUT", "If-None-Match: *");
            AssertResult(ConditionalResult.PreconditionFailed, "DELETE", "If-None-Match: \"v2\"");
        }

        [TestMethod]
        public void IfModifiedSinceComparesTimesAndOnlyWithoutIfNoneMatch()
        {
            AssertResult(ConditionalResult.NotModified, "GET", "If-Modified-Since: " + Fixtures.Date(Modified));
            AssertResult(ConditionalResult.NotModified, "GET", "If-Modified-Since: " + Fixtures.Date(Modified + 10));
            AssertResult(ConditionalResult.Full, "GET", "If-Modified-Since: " + Fixtures.Date(Modified - 1));
            AssertResult(ConditionalResult.NotModified, "GET", "If-Modified-Since: Monday, 23-Nov-26 00:00:00 GMT", "\"v2\"", Modified, true);
            AssertResult(ConditionalResult.Full, "GET", "If-None-Match: \"v1\"\nIf-Modified-Since: " + Fixtures.Date(Modified + 10));
            AssertResult(ConditionalResult.Full, "POST", "If-Modified-Since: " + Fixtures.Date(Modified + 10));
            AssertResult(ConditionalResult.Full, "GET", "If-Modified-Since: yesterday");
            AssertResult(ConditionalResult.Full, "GET", "If-Modified-Since: " + Fixtures.Date(Modified), "\"v2\"", -1, true);
        }

        [TestMethod]
        public void IfMatchUsesStrongComparisonAndComesFirst()
        {
            AssertResult(ConditionalResult.Full, "PUT", "If-Match: \"v2\"");
            AssertResult(ConditionalResult.PreconditionFailed, "PUT", "If-Match: W/\"v2\"");
            AssertResult(ConditionalResult.PreconditionFailed, "PUT", "If-Match: \"v1\"");
            AssertResult(ConditionalResult.Full, "PUT", "If-Match: *");
            AssertResult(ConditionalResult.PreconditionFailed, "PUT", "If-Match: *", null, -1, false);
            AssertResult(ConditionalResult.PreconditionFailed, "GET", "If-Match: \"v1\"\nIf-None-Match: \"v2\"");
            AssertResult(ConditionalResult.Full, "PUT", "If-Match: \"v2\"\nIf-Unmodified-Since: " + Fixtures.Date(Modified - 100), "\"v2\"", Modified, true);
        }

        [TestMethod]
        public void IfUnmodifiedSinceAppliesOnlyWithoutIfMatch()
        {
            AssertResult(ConditionalResult.Full, "PUT", "If-Unmodified-Since: " + Fixtures.Date(Modified));
            AssertResult(ConditionalResult.PreconditionFailed, "PUT", "If-Unmodified-Since: " + Fixtures.Date(Modified - 1));
            AssertResult(ConditionalResult.PreconditionFailed, "PUT", "If-Unmodified-Since: " + Fixtures.Date(Modified), null, -1, true);
            AssertResult(ConditionalResult.Full, "PUT", "If-Unmodified-Since: not a date");
            AssertResult(ConditionalResult.NotModified, "GET", "If-Unmodified-Since: " + Fixtures.Date(Modified) + "\nIf-None-Match: \"v2\"");
        }

        [TestMethod]
        public void The304KeepsOnlyTheFieldsACacheNeeds()
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(64);
            ConditionalGet.WriteNotModifiedHeaders(Fixtures.Fields("Date: d\nContent-Type: text/plain\nContent-Length: 5\nETag: \"v2\"\nCache-Control: max-age=5\nExpires: e\nVary: Accept\nLast-Modified: l\nX-Other: 1\nContent-Location: /c"), writer);
            Assert.AreEqual("Date: d\r\nETag: \"v2\"\r\nCache-Control: max-age=5\r\nExpires: e\r\nVary: Accept\r\nLast-Modified: l\r\nContent-Location: /c\r\n\r\n", TextBytes.ToString(writer.Buffer, 0, writer.Length));
        }
    }
}
