// Written from ../shared/nano-api/nanoFramework.TestFramework.txt (check-stub.py keeps the two in step):
// so the shared tests compile on desktop against exactly the Assert overloads the device has.
using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>Raised by a failed assertion.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string message) : base(message)
        {
        }
    }

    /// <summary>Marks a test class.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a class setup method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a class cleanup method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>One row of arguments for a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The row's arguments.</summary>
        public object[] MethodParameters { get; }
    }

    /// <summary>Output to the test log.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }

    /// <summary>Collection assertions.</summary>
    public sealed class CollectionAssert
    {
        /// <summary>Asserts that both collections hold equal items in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (expected.Count != actual.Count)
            {
                throw new AssertFailedException(message);
            }

            IEnumerator a = expected.GetEnumerator();
            IEnumerator b = actual.GetEnumerator();
            while (a.MoveNext() && b.MoveNext())
            {
                if (!object.Equals(a.Current, b.Current))
                {
                    throw new AssertFailedException(message);
                }
            }
        }
    }

    /// <summary>Assertions, with exactly the overloads of nanoFramework.TestFramework.</summary>
    public sealed class Assert
    {
        private static void Check(bool condition, string message)
        {
            if (!condition)
            {
                throw new AssertFailedException(message);
            }
        }

        /// <summary>Asserts true.</summary>
        public static void IsTrue(bool condition, string message = "") => Check(condition, message);

        /// <summary>Asserts false.</summary>
        public static void IsFalse(bool condition, string message = "") => Check(!condition, message);

        /// <summary>Asserts null.</summary>
        public static void IsNull(object value, string message = "") => Check(value == null, message);

        /// <summary>Asserts not null.</summary>
        public static void IsNotNull(object value, string message = "") => Check(value != null, message);

        /// <summary>Asserts the same reference.</summary>
        public static void AreSame(object expected, object actual, string message = "") => Check(ReferenceEquals(expected, actual), message);

        /// <summary>Asserts different references.</summary>
        public static void AreNotSame(object expected, object actual, string message = "") => Check(!ReferenceEquals(expected, actual), message);

        /// <summary>Asserts that the action throws exactly the given type.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                Check(e.GetType() == exceptionType, message);
                return;
            }

            Check(false, message);
        }

        /// <summary>Skips the test.</summary>
        public static void SkipTest(string message = "") => throw new AssertFailedException("skipped: " + message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(bool expected, bool actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(byte expected, byte actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(char expected, char actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(char expected, char actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(System.DateTime expected, System.DateTime actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(System.DateTime expected, System.DateTime actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(double expected, double actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(double expected, double actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(short expected, short actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(short expected, short actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(int expected, int actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(int expected, int actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(long expected, long actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(long expected, long actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(object expected, object actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(object expected, object actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(sbyte expected, sbyte actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(float expected, float actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(float expected, float actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(string expected, string actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(string expected, string actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(ushort expected, ushort actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(ushort expected, ushort actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(uint expected, uint actual, string message = "") => Check(!object.Equals(expected, actual), message);

        /// <summary>Asserts equality.</summary>
        public static void AreEqual(ulong expected, ulong actual, string message = "") => Check(object.Equals(expected, actual), message);

        /// <summary>Asserts inequality.</summary>
        public static void AreNotEqual(ulong expected, ulong actual, string message = "") => Check(!object.Equals(expected, actual), message);
    }
}
