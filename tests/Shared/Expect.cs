// Expect: the one exception assertion shared by MSTest (desktop) and nanoFramework.TestFramework (device).
using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests
{
    /// <summary>Assertions both test frameworks lack in a common form.</summary>
    public static class Expect
    {
        /// <summary>Asserts that <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void Throws(Type exceptionType, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                Assert.IsTrue((object)e.GetType() == (object)exceptionType, "expected " + exceptionType.Name + " but got " + e.GetType().Name + ": " + e.Message);
                return;
            }

            Assert.IsTrue(false, "expected " + exceptionType.Name + " but nothing was thrown");
        }
    }
}
