using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Transport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class HttpUrlTests
    {
        [TestMethod]
        public void UrlsSplitIntoHostPortAndTarget()
        {
            HttpUrl url = HttpUrl.Parse("http://Example.com/a/b?c=d#frag");
            Assert.IsFalse(url.IsHttps);
            Assert.AreEqual("Example.com", url.Host);
            Assert.AreEqual(80, url.Port);
            Assert.AreEqual("/a/b?c=d", url.Target);
            Assert.AreEqual("Example.com", url.Authority);
            url = HttpUrl.Parse("HTTPS://h:8443?x");
            Assert.IsTrue(url.IsHttps);
            Assert.AreEqual(8443, url.Port);
            Assert.AreEqual("/?x", url.Target);
            Assert.AreEqual("h:8443", url.Authority);
            url = HttpUrl.Parse("https://h:443");
            Assert.AreEqual("h", url.Authority);
            Assert.AreEqual("/", url.Target);
            url = HttpUrl.Parse("http://[::1]:8080/x");
            Assert.AreEqual("::1", url.Host);
            Assert.AreEqual(8080, url.Port);
        }

        [TestMethod]
        public void BadUrlsAreRejected()
        {
            string[] invalid = new string[] { "ftp://h/", "h/x", "http://", "http://:80/", "http://h:0/", "http://h:65536/", "http://h:8a/", "http://u:p@h/", "http://h/a b" };
            for (int i = 0; i < invalid.Length; i++)
            {
                string url = invalid[i];
                Expect.Throws(typeof(ArgumentException), () => HttpUrl.Parse(url));
            }
        }

        [TestMethod]
        public void TheRequestHeadCarriesHostEveryFieldAndALength()
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("If-None-Match", "\"a\"");
            headers.Add("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT");
            headers.Add("Host", "ignored");
            headers.Add("Connection", "keep-alive");
            byte[] head = SocketTransport.WriteRequestHead(new OriginRequest("GET", "http://h:81/x?y", headers, null), HttpUrl.Parse("http://h:81/x?y"));
            Assert.AreEqual("GET /x?y HTTP/1.1\r\nHost: h:81\r\nIf-None-Match: \"a\"\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n", TextBytes.ToString(head, 0, head.Length));
            head = SocketTransport.WriteRequestHead(new OriginRequest("POST", "http://h/", null, Fixtures.Bytes("abc")), HttpUrl.Parse("http://h/"));
            Assert.AreEqual("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n", TextBytes.ToString(head, 0, head.Length));
        }
    }
}
