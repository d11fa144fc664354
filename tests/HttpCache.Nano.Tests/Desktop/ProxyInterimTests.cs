// Interim (1xx) responses through the proxy (RFC 9110 15.2): forwarded to the client before the final response, never
// stored nor merged into it.
using System;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class ProxyInterimTests
    {
        private const string EarlyHints = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";

        [TestMethod]
        public async Task EarlyHintsReachTheClientBeforeTheFinalResponseAndAreNotStored()
        {
            using RawOrigin origin = new RawOrigin();
            string date = "Date: " + DateTime.UtcNow.ToString("R") + "\r\n";
            origin.Then(EarlyHints + "HTTP/1.1 200 OK\r\n" + date + "Cache-Control: max-age=60\r\nContent-Length: 2\r\n\r\nok");
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.Url(""));

            string first = await ProxyRfcTests.RawGet(proxy, "/hinted");
            Assert.IsTrue(first.StartsWith(EarlyHints, StringComparison.Ordinal), "the 103 comes first, as sent: " + first);
            string final = first.Substring(EarlyHints.Length);
            StringAssert.StartsWith(final, "HTTP/1.1 200 OK\r\n", first);
            Assert.IsFalse(final.Contains("Link:"), "the hints' fields are not the final response's: " + first);
            Assert.IsTrue(final.EndsWith("\r\n\r\nok", StringComparison.Ordinal), first);

            string hit = await ProxyRfcTests.RawGet(proxy, "/hinted");
            StringAssert.StartsWith(hit, "HTTP/1.1 200 OK\r\n", "a hit has no interim response: " + hit);
            Assert.IsFalse(hit.Contains("Link:") || hit.Contains(" 103 "), "the hints were not stored: " + hit);
            Assert.AreEqual(1, origin.Connections, "the second answer came from the cache");
        }

        [TestMethod]
        public async Task AnOriginsContinueIsNotForwardedAndSeveralHintsAreInOrder()
        {
            using RawOrigin origin = new RawOrigin();
            string second = "HTTP/1.1 103 Early Hints\r\nLink: </app.js>; rel=preload\r\n\r\n";
            origin.Then("HTTP/1.1 100 Continue\r\n\r\n" + EarlyHints + second + "HTTP/1.1 200 OK\r\nCache-Control: no-store\r\nContent-Length: 2\r\n\r\nok");
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.Url(""));

            string answer = await ProxyRfcTests.RawGet(proxy, "/two");
            Assert.IsFalse(answer.Contains("100 Continue"), "a 100 answered the proxy's own request: " + answer);
            Assert.IsTrue(answer.StartsWith(EarlyHints + second + "HTTP/1.1 200 OK\r\n", StringComparison.Ordinal), answer);
        }
    }
}
