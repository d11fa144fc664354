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
    public partial class CacheKeyTests
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
                Assert.AreEqual(expected[i], key.Normalized, inputs[i]);
                Assert.IsTrue(key.Matches(expected[i]), inputs[i]);
                Assert.AreEqual(expected[i].Length, key.Length, inputs[i]);
                Assert.AreEqual(CacheKey.Of("GET", expected[i].Substring(4)).Hash, key.Hash, "same normalised key, same hash: " + inputs[i]);
                Assert.AreEqual(CacheKey.HashOf(expected[i]), key.Hash, "the hash flash file names are made from: " + inputs[i]);
            }
        }

        [TestMethod]
        public void AUrlSeenBeforeIsNotNormalisedAgain()
        {
            // Built at run time: equal strings, distinct instances (a proxy's request targets are new strings each time).
            string url = "http://memo.test/" + "config";
            string again = "http://memo.test/" + "config";
            CacheKey first = CacheKey.Of("GET", url);
            CacheKey second = CacheKey.Of("GET", again);
            Assert.AreEqual(first.Normalized, second.Normalized);
            Assert.AreEqual(first.Hash, second.Hash);
            CacheKey remembered = CacheKey.Remembered("GET", again);
            Assert.IsTrue(remembered == null || remembered.Normalized == first.Normalized, "a remembered key is the URL's own");
            Assert.IsNull(CacheKey.Remembered("PUT", url), "only GET keys are remembered");
            Assert.IsNull(CacheKey.Remembered("GET", null));
            Assert.IsNull(CacheKey.Remembered("GET", "http://memo.test/never-asked"));
        }

        [TestMethod]
        public void TheMemoStartsOverWhenFull()
        {
            CacheKey last = null;
            for (int i = 0; i < CacheKey.MemoCapacity + 3; i++)
            {
                last = CacheKey.Of("GET", "http://memo-fill.test/" + i);
            }

            Assert.AreEqual("GET http://memo-fill.test/" + (CacheKey.MemoCapacity + 2), last.Normalized);
            Assert.IsTrue(CacheKey.Of("GET", "http://memo-fill.test/0").Matches("GET http://memo-fill.test/0"), "a forgotten URL is normalised again");
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
        public void AnEmptyUrlAfterTheMemoStartedOverIsRejectedWithoutCrashingTheRuntime()
        {
            // Fill the memo past its capacity so it is cleared: on nanoFramework a Hashtable lookup of "" (hash 0) after
            // a Clear crashes the runtime, so this test ends the device test run if the guard ever goes.
            for (int i = 0; i <= CacheKey.MemoCapacity; i++)
            {
                CacheKey.Of("GET", "http://memo.test/" + i);
            }

            Assert.IsNull(CacheKey.Remembered("GET", ""));
            Expect.Throws(typeof(ArgumentException), () => CacheKey.Of("GET", ""));
            Assert.IsNotNull(CacheKey.Remembered("GET", "http://memo.test/" + CacheKey.MemoCapacity));
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
