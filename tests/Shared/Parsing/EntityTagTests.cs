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
    public class EntityTagTests
    {
        private static Tag Parse(string value)
        {
            Tag tag = new Tag(value);
            Assert.IsTrue(tag.Valid, "valid: " + value);
            return tag;
        }

        private static bool Strong(Tag a, Tag b)
        {
            return EntityTag.StrongEquals(a.Bytes, a.Start, a.Length, a.Weak, b.Bytes, b.Start, b.Length, b.Weak);
        }

        private static bool Weak(Tag a, Tag b)
        {
            return EntityTag.WeakEquals(a.Bytes, a.Start, a.Length, b.Bytes, b.Start, b.Length);
        }

        private static bool Contains(string list, Tag tag, bool weakComparison)
        {
            byte[] bytes = Fixtures.Bytes(list);
            return EntityTagList.Contains(bytes, 0, bytes.Length, tag.Bytes, tag.Start, tag.Length, tag.Weak, weakComparison);
        }

        private static bool IsAny(string value)
        {
            byte[] bytes = Fixtures.Bytes(value);
            return EntityTagList.IsAny(bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void StrongAndWeakTagsParse()
        {
            Tag strong = Parse("\"xyzzy\"");
            Assert.IsFalse(strong.Weak);
            Assert.AreEqual("\"xyzzy\"", strong.Opaque);
            Tag weak = Parse("  W/\"xyzzy\" ");
            Assert.IsTrue(weak.Weak);
            Assert.AreEqual("\"xyzzy\"", weak.Opaque);
            Assert.AreEqual(9, EntityTag.WrittenLength(weak.Length, weak.Weak));
            Assert.AreEqual(2, Parse("\"\"").Length);
            Assert.AreEqual("\"a,b\\c\"", Parse("\"a,b\\c\"").Opaque);
        }

        [TestMethod]
        public void InvalidTagsAreRejected()
        {
            string[] invalid = new string[] { "", "xyzzy", "\"xyzzy", "xyzzy\"", "w/\"x\"", "W/x", "W/", "\"a\" \"b\"", "\"a b\"", "\"a\"b", "W /\"a\"", "*", "\"a\u007f\"" };
            for (int i = 0; i < invalid.Length; i++)
            {
                Tag tag = new Tag(invalid[i]);
                Assert.IsFalse(tag.Valid, "accepted: " + invalid[i]);
                Assert.AreEqual(0, tag.Length);
                Assert.IsFalse(tag.Weak);
            }
        }

        [TestMethod]
        public void ComparisonFollowsTheRfcTable()
        {
            // RFC 9110 8.8.3.2: W/"1" W/"1" strong no, weak yes; W/"1" W/"2" no, no; W/"1" "1" no, yes; "1" "1" yes, yes.
            Assert.IsFalse(Strong(Parse("W/\"1\""), Parse("W/\"1\"")));
            Assert.IsTrue(Weak(Parse("W/\"1\""), Parse("W/\"1\"")));
            Assert.IsFalse(Strong(Parse("W/\"1\""), Parse("W/\"2\"")));
            Assert.IsFalse(Weak(Parse("W/\"1\""), Parse("W/\"2\"")));
            Assert.IsFalse(Strong(Parse("W/\"1\""), Parse("\"1\"")));
            Assert.IsTrue(Weak(Parse("W/\"1\""), Parse("\"1\"")));
            Assert.IsTrue(Strong(Parse("\"1\""), Parse("\"1\"")));
            Assert.IsTrue(Weak(Parse("\"1\""), Parse("\"1\"")));
            Assert.IsFalse(Weak(Parse("\"a\""), Parse("\"A\"")));
            Tag none = new Tag("");
            Assert.IsFalse(Weak(none, none), "no entity-tag matches nothing");
        }

        [TestMethod]
        public void ListsMatchWeaklyOrStrongly()
        {
            string list = "\"a\", W/\"b\" ,\"c,d\",, \"e\\\"";
            Assert.IsTrue(Contains(list, Parse("\"a\""), true));
            Assert.IsTrue(Contains(list, Parse("\"b\""), true));
            Assert.IsFalse(Contains(list, Parse("\"b\""), false));
            Assert.IsTrue(Contains(list, Parse("\"c,d\""), false));
            Assert.IsTrue(Contains(list, Parse("\"e\\\""), false));
            Assert.IsFalse(Contains(list, Parse("\"c\""), true));
            Assert.IsFalse(Contains(list, Parse("\"d\""), true));
            Assert.IsFalse(Contains(list, new Tag(""), true));
        }

        [TestMethod]
        public void ListsSkipInvalidElements()
        {
            Assert.IsTrue(Contains("junk, \"a\", W/x, \"b\"", Parse("\"a\""), false));
            Assert.IsTrue(Contains("junk, \"a\", W/x, \"b\"", Parse("\"b\""), false));
            Assert.IsFalse(Contains("junk, W/x", Parse("\"x\""), true));
        }

        [TestMethod]
        public void StarMeansAny()
        {
            Assert.IsTrue(IsAny("*"));
            Assert.IsTrue(IsAny(" * "));
            Assert.IsFalse(IsAny("\"*\""));
            Assert.IsFalse(IsAny("**"));
            Assert.IsFalse(Contains("*", Parse("\"a\""), true));
        }

        // An entity-tag parsed from a string, as the ranges the library compares.
        [TestMethod]
        public void AnUnquotedValueIsReadAsAnOpaqueValidatorOnlyWhenItIsOneRunOfVisibleCharacters()
        {
            // value, accepted, the validator read from it
            string[] cases = new string[]
            {
                "0x8D5AB12", "yes", "0x8D5AB12",
                "  abc-123  ", "yes", "abc-123",
                "W/abc", "yes", "W/abc",
                "7", "yes", "7",
                "a b", "no", "",
                "a,b", "no", "",
                "\"v1", "no", "",
                "v1\"", "no", "",
                "", "no", "",
                "   ", "no", "",
            };
            for (int i = 0; i < cases.Length; i += 3)
            {
                byte[] bytes = Fixtures.Bytes(cases[i]);
                int start;
                int length;
                bool accepted = EntityTag.TryParseOpaque(bytes, 0, bytes.Length, out start, out length);
                Assert.AreEqual(cases[i + 1] == "yes", accepted, "[" + cases[i] + "]");
                Assert.AreEqual(cases[i + 2], accepted ? TextBytes.ToString(bytes, start, length) : "", "[" + cases[i] + "]");
            }

            byte[] a = Fixtures.Bytes("0x8D5AB12");
            byte[] b = Fixtures.Bytes("x0x8D5AB12");
            Assert.IsTrue(EntityTag.OpaqueEquals(a, 0, a.Length, b, 1, a.Length));
            Assert.IsFalse(EntityTag.OpaqueEquals(a, 0, a.Length, b, 0, a.Length));
            Assert.IsFalse(EntityTag.OpaqueEquals(a, 0, 0, b, 1, 0), "an empty value matches nothing");
        }

        private sealed class Tag
        {
            public Tag(string value)
            {
                Bytes = Fixtures.Bytes(value);
                int start;
                int length;
                bool weak;
                Valid = EntityTag.TryParse(Bytes, 0, Bytes.Length, out start, out length, out weak);
                Start = start;
                Length = length;
                Weak = weak;
            }

            public byte[] Bytes { get; private set; }

            public bool Valid { get; private set; }

            public int Start { get; private set; }

            public int Length { get; private set; }

            public bool Weak { get; private set; }

            public string Opaque
            {
                get { return TextBytes.ToString(Bytes, Start, Length); }
            }
        }
    }
}
