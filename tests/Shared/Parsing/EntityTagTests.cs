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
    public class EntityTagTests
    {
        private static EntityTag Tag(string value)
        {
            EntityTag tag;
            Assert.IsTrue(EntityTag.TryParse(TextSlice.Of(value), out tag), "valid: " + value);
            return tag;
        }

        [TestMethod]
        public void StrongAndWeakTagsParse()
        {
            EntityTag strong = Tag("\"xyzzy\"");
            Assert.IsFalse(strong.IsWeak);
            Assert.AreEqual("\"xyzzy\"", strong.OpaqueTag.ToString());
            EntityTag weak = Tag("  W/\"xyzzy\" ");
            Assert.IsTrue(weak.IsWeak);
            Assert.AreEqual("\"xyzzy\"", weak.OpaqueTag.ToString());
            Assert.AreEqual("W/\"xyzzy\"", weak.ToString());
            Assert.AreEqual(9, weak.WrittenLength);
            Assert.IsTrue(Tag("\"\"").IsValid);
            Assert.IsTrue(Tag("\"a,b\\c\"").IsValid);
        }

        [TestMethod]
        public void InvalidTagsAreRejected()
        {
            string[] invalid = new string[] { "", "xyzzy", "\"xyzzy", "xyzzy\"", "w/\"x\"", "W/x", "W/", "\"a\" \"b\"", "\"a b\"", "\"a\"b", "W /\"a\"", "*" };
            for (int i = 0; i < invalid.Length; i++)
            {
                EntityTag tag;
                Assert.IsFalse(EntityTag.TryParse(TextSlice.Of(invalid[i]), out tag), "accepted: " + invalid[i]);
                Assert.IsFalse(tag.IsValid);
            }

            Assert.IsFalse(default(EntityTag).IsValid);
        }

        [TestMethod]
        public void ComparisonFollowsTheRfcTable()
        {
            // RFC 9110 8.8.3.2: W/"1" W/"1" strong no, weak yes; W/"1" W/"2" no, no; W/"1" "1" no, yes; "1" "1" yes, yes.
            Assert.IsFalse(EntityTag.StrongEquals(Tag("W/\"1\""), Tag("W/\"1\"")));
            Assert.IsTrue(EntityTag.WeakEquals(Tag("W/\"1\""), Tag("W/\"1\"")));
            Assert.IsFalse(EntityTag.StrongEquals(Tag("W/\"1\""), Tag("W/\"2\"")));
            Assert.IsFalse(EntityTag.WeakEquals(Tag("W/\"1\""), Tag("W/\"2\"")));
            Assert.IsFalse(EntityTag.StrongEquals(Tag("W/\"1\""), Tag("\"1\"")));
            Assert.IsTrue(EntityTag.WeakEquals(Tag("W/\"1\""), Tag("\"1\"")));
            Assert.IsTrue(EntityTag.StrongEquals(Tag("\"1\""), Tag("\"1\"")));
            Assert.IsTrue(EntityTag.WeakEquals(Tag("\"1\""), Tag("\"1\"")));
            Assert.IsFalse(EntityTag.WeakEquals(Tag("\"a\""), Tag("\"A\"")));
            Assert.IsFalse(EntityTag.WeakEquals(default(EntityTag), default(EntityTag)));
        }

        [TestMethod]
        public void ListsMatchWeaklyOrStrongly()
        {
            TextSlice list = TextSlice.Of("\"a\", W/\"b\" ,\"c,d\",, \"e\\\"");
            Assert.IsTrue(EntityTagList.Contains(list, Tag("\"a\""), true));
            Assert.IsTrue(EntityTagList.Contains(list, Tag("\"b\""), true));
            Assert.IsFalse(EntityTagList.Contains(list, Tag("\"b\""), false));
            Assert.IsTrue(EntityTagList.Contains(list, Tag("\"c,d\""), false));
            Assert.IsTrue(EntityTagList.Contains(list, Tag("\"e\\\""), false));
            Assert.IsFalse(EntityTagList.Contains(list, Tag("\"c\""), true));
            Assert.IsFalse(EntityTagList.Contains(list, Tag("\"d\""), true));
        }

        [TestMethod]
        public void ListReaderSkipsInvalidElements()
        {
            EntityTagList reader = new EntityTagList(TextSlice.Of("junk, \"a\", W/x, \"b\""));
            EntityTag tag;
            Assert.IsTrue(reader.TryReadNext(out tag));
            Assert.AreEqual("\"a\"", tag.ToString());
            Assert.IsTrue(reader.TryReadNext(out tag));
            Assert.AreEqual("\"b\"", tag.ToString());
            Assert.IsFalse(reader.TryReadNext(out tag));
        }

        [TestMethod]
        public void StarMeansAny()
        {
            Assert.IsTrue(EntityTagList.IsAny(TextSlice.Of("*")));
            Assert.IsTrue(EntityTagList.IsAny(TextSlice.Of(" * ")));
            Assert.IsFalse(EntityTagList.IsAny(TextSlice.Of("\"*\"")));
            Assert.IsFalse(EntityTagList.Contains(TextSlice.Of("*"), Tag("\"a\""), true));
        }

        [TestMethod]
        public void CopyToWritesTheTagAsSent()
        {
            byte[] buffer = new byte[12];
            EntityTag weak = Tag("W/\"v1\"");
            Assert.AreEqual(6, weak.CopyTo(buffer, 1));
            Assert.AreEqual("W/\"v1\"", new TextSlice(buffer, 1, 6).ToString());
        }
    }
}
