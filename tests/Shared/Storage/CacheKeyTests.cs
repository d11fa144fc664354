using System;
using HttpCache.Nano.Storage;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class CacheKeyTests
    {
        [TestMethod]
        public void UrlsAreNormalised()
        {
            string[] inputs = new string[]
            {
                "HTTP://Example.COM/Config?A=B", "http://example.com:80/Config?A=B", "http://example.com/Config?A=B#frag",
                "https://Example.com:443", "https://example.com/", "http://example.com:8080/x", "http://example.com:/x", "http://example.com?q=1",
            };
            string[] expected = new string[]
            {
                "GET http://example.com/Config?A=B", "GET http://example.com/Config?A=B", "GET http://example.com/Config?A=B",
                "GET https://example.com/", "GET https://example.com/", "GET http://example.com:8080/x", "GET http://example.com/x", "GET http://example.com/?q=1",
            };
            for (int i = 0; i < inputs.Length; i++)
            {
                CacheKey key = CacheKey.Of("GET", inputs[i]);
                Assert.AreEqual(expected[i], key.ToString(), inputs[i]);
                Assert.IsTrue(key.Matches(expected[i]), inputs[i]);
                Assert.AreEqual(expected[i].Length, key.Length, inputs[i]);
                Assert.AreEqual(CacheKey.Of("GET", expected[i].Substring(4)).Hash, key.Hash, "same normalised key, same hash: " + inputs[i]);
            }
        }

        [TestMethod]
        public void PathQueryAndMethodStayCaseSensitive()
        {
            Assert.IsFalse(CacheKey.Of("GET", "http://a/X").Matches("GET http://a/x"));
            Assert.IsFalse(CacheKey.Of("get", "http://a/x").Matches("GET http://a/x"));
            Assert.IsFalse(CacheKey.Of("GET", "http://a/x?q=A").Matches("GET http://a/x?q=a"));
            Assert.IsFalse(CacheKey.Of("GET", "http://a/x").Matches("GET http://a/x/"));
            Assert.IsFalse(CacheKey.Of("GET", "http://a/x").Matches(null));
        }

        [TestMethod]
        public void InvalidUrlsAreRejectedWithAClearError()
        {
            string[] invalid = new string[] { "", "example.com/x", "/relative", "ftp://example.com/x", "http:/example.com", "http://", "http:///path", "http://:80/x", "http://exa mple.com/", "mailto:a@b" };
            for (int i = 0; i < invalid.Length; i++)
            {
                string url = invalid[i];
                Expect.Throws(typeof(ArgumentException), () => CacheKey.Of("GET", url));
            }

            Expect.Throws(typeof(ArgumentNullException), () => CacheKey.Of("GET", null));
            Expect.Throws(typeof(ArgumentNullException), () => CacheKey.Of(null, "http://a/"));
            Expect.Throws(typeof(ArgumentException), () => CacheKey.Of("", "http://a/"));
        }

        [TestMethod]
        public void SameOriginComparesSchemeHostAndPort()
        {
            CacheKey a = CacheKey.Of("GET", "http://Example.com/a");
            Assert.IsTrue(a.IsSameOrigin(CacheKey.Of("GET", "http://example.com:80/b?c")));
            Assert.IsFalse(a.IsSameOrigin(CacheKey.Of("GET", "https://example.com/a")));
            Assert.IsFalse(a.IsSameOrigin(CacheKey.Of("GET", "http://example.com:81/a")));
            Assert.IsFalse(a.IsSameOrigin(CacheKey.Of("GET", "http://example.org/a")));
        }
    }
}
