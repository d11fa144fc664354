// TextBytes (nanoFramework): strings to header bytes and back. nano keeps strings as UTF-8 and decodes header
// bytes as UTF-8, so its native UTF8 encoder gives back the bytes that arrived, in one native call.
#if NANOFRAMEWORK_1_0
using System.Text;

namespace HttpCache.Nano.Parsing
{
    /// <summary>Conversions between header text in strings and header bytes, as the platform's HTTP stack decodes them.</summary>
    public static class TextBytes
    {
        // Kept: the Encoding.UTF8 getter makes a new encoder on every call on nanoFramework (24 B each).
        private static readonly Encoding s_utf8 = Encoding.UTF8;

        /// <summary>The most bytes <paramref name="text"/> can take (UTF-8: three per character).</summary>
        public static int MaxByteCount(string text)
        {
            return text == null ? 0 : text.Length * 3;
        }

        /// <summary>Writes <paramref name="text"/> at <paramref name="offset"/>; returns the bytes written (room for <see cref="MaxByteCount"/> needed).</summary>
        public static int Write(string text, byte[] destination, int offset)
        {
            return text == null || text.Length == 0 ? 0 : s_utf8.GetBytes(text, 0, text.Length, destination, offset);
        }

        /// <summary>The bytes of <paramref name="text"/>. Allocates.</summary>
        public static byte[] Of(string text)
        {
            return text == null ? new byte[0] : s_utf8.GetBytes(text);
        }

        /// <summary>A string of the bytes. Allocates.</summary>
        public static string ToString(byte[] buffer, int start, int length)
        {
            return length == 0 ? string.Empty : s_utf8.GetString(buffer, start, length);
        }
    }
}
#endif
