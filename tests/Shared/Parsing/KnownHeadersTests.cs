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
    public class KnownHeadersTests
    {
        private static string Flip(string s)
        {
            char[] chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                chars[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            }

            return new string(chars);
        }

        [TestMethod]
        public void EveryKnownNameFindsItselfInAnyCase()
        {
            for (int i = 1; i < KnownHeaders.Count; i++)
            {
                string name = KnownHeaders.GetName((HeaderName)i);
                Assert.IsNotNull(name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(TextSlice.Of(name)), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(TextSlice.Of(name.ToLower())), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(TextSlice.Of(name.ToUpper())), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(TextSlice.Of(Flip(name))), name);
                byte[] bytes = new byte[name.Length + 2];
                for (int j = 0; j < name.Length; j++)
                {
                    bytes[j + 1] = (byte)name[j];
                }

                Assert.AreEqual(i, (int)KnownHeaders.Find(bytes, 1, name.Length), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find("x" + name + "y", 1, name.Length), name);
            }
        }

        [TestMethod]
        public void UnknownNamesOfKnownLengthsAreUnknown()
        {
            string[] unknown = new string[] { "", "X", "Ab", "Agg", "Datum", "Etah", "Pragmo", "Expiry", "If-Matcx", "Connexion", "Content-Typo", "Cache-Kontrol", "Content-Lengthy", "Content-Lengtx", "Content-Xocation", "If-Modified-Sincx", "Proxy-Authenticatx", "If-Unmodified-Sincx", "X-Custom-Header" };
            for (int i = 0; i < unknown.Length; i++)
            {
                Assert.AreEqual((int)HeaderName.Unknown, (int)KnownHeaders.Find(TextSlice.Of(unknown[i])), unknown[i]);
            }
        }

        [TestMethod]
        public void HopByHopSetIsExactlyTheRfcSetPlusProxyConnection()
        {
            string[] hop = new string[] { "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Transfer-Encoding", "Upgrade", "Proxy-Authenticate", "Proxy-Authorization", "Trailer" };
            int count = 0;
            for (int i = 1; i < KnownHeaders.Count; i++)
            {
                if (KnownHeaders.IsHopByHop((HeaderName)i))
                {
                    count++;
                }
            }

            Assert.AreEqual(hop.Length, count);
            for (int i = 0; i < hop.Length; i++)
            {
                Assert.IsTrue(KnownHeaders.IsHopByHop(KnownHeaders.Find(TextSlice.Of(hop[i]))), hop[i]);
            }

            Assert.IsFalse(KnownHeaders.IsHopByHop(HeaderName.Unknown));
            Assert.IsFalse(KnownHeaders.IsHopByHop(HeaderName.CacheControl));
        }

        [TestMethod]
        public void FieldsNamedInConnectionAreRecognised()
        {
            TextSlice connection = TextSlice.Of("keep-alive, X-Hop ,close");
            Assert.IsTrue(KnownHeaders.IsListedIn(connection, TextSlice.Of("x-hop")));
            Assert.IsTrue(KnownHeaders.IsListedIn(connection, TextSlice.Of("Keep-Alive")));
            Assert.IsFalse(KnownHeaders.IsListedIn(connection, TextSlice.Of("X-Ho")));
            Assert.IsFalse(KnownHeaders.IsListedIn(TextSlice.Of(""), TextSlice.Of("X-Hop")));
        }

        [TestMethod]
        public void GetNameOfUnknownIsNull()
        {
            Assert.IsNull(KnownHeaders.GetName(HeaderName.Unknown));
            Assert.IsNull(KnownHeaders.GetName((HeaderName)999));
            Assert.AreEqual("Cache-Control", KnownHeaders.GetName(HeaderName.CacheControl));
        }
    }
}
