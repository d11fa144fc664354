using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Tests.Support;
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
                Assert.AreEqual(i, (int)KnownHeaders.Find(name), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(name.ToLower()), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(name.ToUpper()), name);
                Assert.AreEqual(i, (int)KnownHeaders.Find(Flip(name)), name);
                byte[] flipped = Fixtures.Bytes(Flip(name));
                Assert.AreEqual(i, (int)KnownHeaders.Find(flipped, 0, flipped.Length), name);
                CollectionAssert.AreEqual(Fixtures.Bytes(name.ToLower()), KnownHeaders.GetLowerBytes((HeaderName)i));
                byte[] bytes = new byte[name.Length + 2];
                for (int j = 0; j < name.Length; j++)
                {
                    bytes[j + 1] = (byte)name[j];
                }

                Assert.AreEqual(i, (int)KnownHeaders.Find(bytes, 1, name.Length), name);
            }
        }

        [TestMethod]
        public void UnknownNamesOfKnownLengthsAreUnknown()
        {
            string[] unknown = new string[] { "", "X", "Ab", "Agg", "Datum", "Etah", "Pragmo", "Expiry", "If-Matcx", "Connexion", "Content-Typo", "Cache-Kontrol", "Content-Lengthy", "Content-Lengtx", "Content-Xocation", "If-Modified-Sincx", "Proxy-Authenticatx", "If-Unmodified-Sincx", "X-Custom-Header" };
            for (int i = 0; i < unknown.Length; i++)
            {
                byte[] bytes = Fixtures.Bytes(unknown[i]);
                Assert.AreEqual((int)HeaderName.Unknown, (int)KnownHeaders.Find(bytes, 0, bytes.Length), unknown[i]);
                Assert.AreEqual((int)HeaderName.Unknown, (int)KnownHeaders.Find(unknown[i]), unknown[i]);
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
                Assert.IsTrue(KnownHeaders.IsHopByHop(KnownHeaders.Find(hop[i])), hop[i]);
            }

            Assert.IsFalse(KnownHeaders.IsHopByHop(HeaderName.Unknown));
            Assert.IsFalse(KnownHeaders.IsHopByHop(HeaderName.CacheControl));
        }

        [TestMethod]
        public void FieldsNamedInConnectionAreRecognised()
        {
            byte[] connection = Fixtures.Bytes("keep-alive, X-Hop ,close");
            Assert.IsTrue(Listed(connection, "x-hop"));
            Assert.IsTrue(Listed(connection, "Keep-Alive"));
            Assert.IsFalse(Listed(connection, "X-Ho"));
            Assert.IsFalse(Listed(new byte[0], "X-Hop"));
        }

        private static bool Listed(byte[] list, string name)
        {
            byte[] bytes = Fixtures.Bytes(name);
            return KnownHeaders.IsListedIn(list, 0, list.Length, bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void GetNameOfUnknownIsNull()
        {
            Assert.IsNull(KnownHeaders.GetName(HeaderName.Unknown));
            Assert.IsNull(KnownHeaders.GetName((HeaderName)999));
            Assert.IsNull(KnownHeaders.GetLowerBytes(HeaderName.Unknown));
            Assert.AreEqual("Cache-Control", KnownHeaders.GetName(HeaderName.CacheControl));
        }
    }
}
