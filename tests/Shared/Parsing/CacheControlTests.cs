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
    public class CacheControlTests
    {
        private static CacheControl Parse(string value)
        {
            CacheControl cc = new CacheControl();
            cc.Add(value);
            return cc;
        }

        private static CacheControl ParseBytes(string value)
        {
            byte[] bytes = new byte[value.Length + 4];
            for (int i = 0; i < value.Length; i++)
            {
                bytes[i + 2] = (byte)value[i];
            }

            CacheControl cc = new CacheControl();
            cc.Add(bytes, 2, value.Length);
            return cc;
        }

        [TestMethod]
        public void DefaultValueMeansNoCacheControlAndEveryNumberAbsent()
        {
            CacheControl cc = new CacheControl();
            Assert.IsFalse(cc.IsPresent);
            Assert.AreEqual(-1L, cc.MaxAge);
            Assert.AreEqual(-1L, cc.SharedMaxAge);
            Assert.AreEqual(-1L, cc.MaxStale);
            Assert.AreEqual(-1L, cc.MinFresh);
            Assert.AreEqual(-1L, cc.StaleWhileRevalidate);
            Assert.AreEqual(-1L, cc.StaleIfError);
            Assert.AreEqual((int)CacheDirectives.None, (int)cc.Flags);
        }

        [TestMethod]
        public void EveryResponseDirectiveIsRecognised()
        {
            string value = "max-age=60, s-maxage=120, no-cache, no-store, no-transform, must-revalidate, proxy-revalidate, must-understand, private, public, immutable, stale-while-revalidate=30, stale-if-error=86400";
            for (int pass = 0; pass < 2; pass++)
            {
                CacheControl cc = pass == 0 ? Parse(value) : ParseBytes(value);
                Assert.IsTrue(cc.IsPresent);
                Assert.AreEqual(60L, cc.MaxAge);
                Assert.AreEqual(120L, cc.SharedMaxAge);
                Assert.AreEqual(30L, cc.StaleWhileRevalidate);
                Assert.AreEqual(86400L, cc.StaleIfError);
                Assert.IsTrue(cc.Has(CacheDirectives.NoCache | CacheDirectives.NoStore | CacheDirectives.NoTransform | CacheDirectives.MustRevalidate
                    | CacheDirectives.ProxyRevalidate | CacheDirectives.MustUnderstand | CacheDirectives.Private | CacheDirectives.Public | CacheDirectives.Immutable));
                Assert.IsFalse(cc.Has(CacheDirectives.NoCacheWithFields));
                Assert.IsFalse(cc.Has(CacheDirectives.PrivateWithFields));
            }
        }

        [TestMethod]
        public void EveryRequestDirectiveIsRecognised()
        {
            CacheControl cc = Parse("max-age=5, max-stale=10, min-fresh=20, no-cache, no-store, no-transform, only-if-cached");
            Assert.AreEqual(5L, cc.MaxAge);
            Assert.AreEqual(10L, cc.MaxStale);
            Assert.AreEqual(20L, cc.MinFresh);
            Assert.IsTrue(cc.Has(CacheDirectives.OnlyIfCached | CacheDirectives.NoCache | CacheDirectives.NoStore | CacheDirectives.NoTransform));
        }

        [TestMethod]
        public void MaxStaleWithoutValueIsUnbounded()
        {
            Assert.AreEqual(CacheControl.Unbounded, Parse("max-stale").MaxStale);
            Assert.AreEqual(CacheControl.Unbounded, Parse("MAX-STALE , max-stale=5").MaxStale);
            Assert.AreEqual(5L, Parse("max-stale=5, max-stale").MaxStale);
        }

        [TestMethod]
        public void DirectiveNamesAreCaseInsensitive()
        {
            CacheControl cc = Parse("MAX-AGE=7, No-Store, PuBlIc, Must-Revalidate");
            Assert.AreEqual(7L, cc.MaxAge);
            Assert.IsTrue(cc.Has(CacheDirectives.NoStore | CacheDirectives.Public | CacheDirectives.MustRevalidate));
        }

        [TestMethod]
        public void QuotedArgumentsAreAccepted()
        {
            Assert.AreEqual(5L, Parse("max-age=\"5\"").MaxAge);
            CacheControl cc = Parse("no-cache=\"Set-Cookie, X-Foo\", private=\"Authorization\", max-age=3");
            Assert.IsTrue(cc.Has(CacheDirectives.NoCache | CacheDirectives.NoCacheWithFields));
            Assert.IsTrue(cc.Has(CacheDirectives.Private | CacheDirectives.PrivateWithFields));
            Assert.AreEqual("Authorization", TextBytes.ToString(cc.Buffer, cc.PrivateFieldsStart, cc.PrivateFieldsLength));
            Assert.AreEqual(3L, cc.MaxAge);
            cc = Parse("private, private=\"A\", private=\"B\"");
            Assert.AreEqual("A", TextBytes.ToString(cc.Buffer, cc.PrivateFieldsStart, cc.PrivateFieldsLength), "the first qualified private names the fields");
            Assert.AreEqual(0, Parse("private").PrivateFieldsLength);
        }

        [TestMethod]
        public void QuotedPairsDoNotEndTheArgumentNorSplitTheList()
        {
            CacheControl cc = Parse("ext=\"a\\\"b, max-age=1\", max-age=9");
            Assert.AreEqual(9L, cc.MaxAge);
        }

        [TestMethod]
        public void UnknownDirectivesAndExtensionsAreSkipped()
        {
            CacheControl cc = Parse("foo, bar=baz, community=\"UCI\", max-age=10, x-y-z=\"1,2\"");
            Assert.AreEqual(10L, cc.MaxAge);
            Assert.AreEqual((int)CacheDirectives.None, (int)cc.Flags);
        }

        [TestMethod]
        public void WhitespaceAndEmptyElementsAreTolerated()
        {
            string[] values = new string[] { "  max-age=10  ", ",max-age=10", "max-age=10,", ", ,max-age=10, ,", "\tmax-age=10\t,\t", "max-age = 10" };
            for (int i = 0; i < values.Length; i++)
            {
                Assert.AreEqual(10L, Parse(values[i]).MaxAge, values[i]);
            }
        }

        [TestMethod]
        public void SeveralFieldLinesCombine()
        {
            CacheControl cc = new CacheControl();
            cc.Add("max-age=10");
            cc.Add("must-revalidate");
            cc.Add("max-age=99, stale-if-error=5");
            Assert.AreEqual(10L, cc.MaxAge);
            Assert.AreEqual(5L, cc.StaleIfError);
            Assert.IsTrue(cc.Has(CacheDirectives.MustRevalidate));
            cc.Reset();
            Assert.IsFalse(cc.IsPresent);
            Assert.AreEqual(-1L, cc.MaxAge);
            Assert.IsFalse(cc.Has(CacheDirectives.MustRevalidate));
        }

        [TestMethod]
        public void FirstOfConflictingDuplicatesWins()
        {
            Assert.AreEqual(10L, Parse("max-age=10, max-age=20").MaxAge);
            Assert.AreEqual(20L, Parse("max-age=20, max-age=10").MaxAge);
            Assert.AreEqual(1L, Parse("min-fresh=1, min-fresh=2").MinFresh);
        }

        [TestMethod]
        public void DeltaSecondsWithSignOrNonDigitsIsInvalid()
        {
            // An invalid max-age counts as 0 (stale); other invalid numbers are ignored.
            string[] invalid = new string[] { "max-age=-1", "max-age=+5", "max-age=5s", "max-age=1.5", "max-age=", "max-age", "max-age=\"\"", "max-age=0x10", "max-age=1 2" };
            for (int i = 0; i < invalid.Length; i++)
            {
                Assert.AreEqual(0L, Parse(invalid[i]).MaxAge, invalid[i]);
            }

            Assert.AreEqual(-1L, Parse("min-fresh=-5").MinFresh);
            Assert.AreEqual(-1L, Parse("max-stale=abc").MaxStale);
            Assert.AreEqual(-1L, Parse("stale-if-error").StaleIfError);
            Assert.AreEqual(-1L, Parse("s-maxage=1e3").SharedMaxAge);
        }

        [TestMethod]
        public void TooLargeDeltaSecondsSaturates()
        {
            Assert.AreEqual(2147483648L, Parse("max-age=2147483648").MaxAge);
            Assert.AreEqual(2147483648L, Parse("max-age=99999999999999999999").MaxAge);
            Assert.AreEqual(2147483647L, Parse("max-age=2147483647").MaxAge);
            Assert.AreEqual(0L, Parse("max-age=0000").MaxAge);
        }

        [TestMethod]
        public void EmptyValueIsPresentWithNoDirectives()
        {
            CacheControl cc = Parse("");
            Assert.IsTrue(cc.IsPresent);
            Assert.AreEqual(-1L, cc.MaxAge);
        }

        [TestMethod]
        public void ClearForgetsEverything()
        {
            CacheControl cc = Parse("max-age=1, no-store");
            cc.Reset();
            Assert.IsFalse(cc.IsPresent);
            Assert.AreEqual(-1L, cc.MaxAge);
            Assert.IsFalse(cc.Has(CacheDirectives.NoStore));
        }

        [TestMethod]
        public void PrefixesOfDirectiveNamesAreNotDirectives()
        {
            CacheControl cc = Parse("no-cach, no-stor, max-ag=5, privat, publi, max-stal=1");
            Assert.AreEqual((int)CacheDirectives.None, (int)cc.Flags);
            Assert.AreEqual(-1L, cc.MaxAge);
            Assert.AreEqual(-1L, cc.MaxStale);
        }
    }
}
