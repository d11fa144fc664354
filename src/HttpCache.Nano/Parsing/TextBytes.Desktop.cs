// TextBytes (desktop .NET): strings to header bytes and back. .NET's HTTP stacks hand header text out Latin-1
// decoded (the proxy asks Kestrel for Latin-1 both ways), so one byte per character gives back what arrived.
#if !NANOFRAMEWORK_1_0
namespace HttpCache.Nano.Parsing
{
    /// <summary>Conversions between header text in strings and header bytes, as the platform's HTTP stack decodes them.</summary>
    public static class TextBytes
    {
        /// <summary>The most bytes <paramref name="text"/> can take (Latin-1: one per character).</summary>
        public static int MaxByteCount(string text)
        {
            return text == null ? 0 : text.Length;
        }

        /// <summary>Writes <paramref name="text"/> at <paramref name="offset"/> (characters above 255 become '?'); returns the bytes written.</summary>
        public static int Write(string text, byte[] destination, int offset)
        {
            if (text == null)
            {
                return 0;
            }

            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                destination[offset + i] = (byte)(c > 0xFF ? '?' : c);
            }

            return length;
        }

        /// <summary>The bytes of <paramref name="text"/>. Allocates.</summary>
        public static byte[] Of(string text)
        {
            byte[] bytes = new byte[MaxByteCount(text)];
            Write(text, bytes, 0);
            return bytes;
        }

        /// <summary>A string of the bytes. Allocates.</summary>
        public static string ToString(byte[] buffer, int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[start + i];
            }

            return new string(chars);
        }
    }
}
#endif
