// Ascii: the bytes of the HTTP grammar by name, character classes by table, and case folding without ToLower.
// Interpreter cost: a class test is one byte[] read of a static table (~25 ns), no switch.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Character classes used by the HTTP grammar, over byte values (Latin-1 text).</summary>
    public static class Ascii
    {
        /// <summary>NUL, never valid in a field.</summary>
        public const int Nul = 0x00;

        /// <summary>Horizontal tab.</summary>
        public const int Tab = 0x09;

        /// <summary>Line feed.</summary>
        public const int LineFeed = 0x0A;

        /// <summary>Carriage return.</summary>
        public const int CarriageReturn = 0x0D;

        /// <summary>Space.</summary>
        public const int Space = 0x20;

        /// <summary>Double quote, which opens and closes quoted-strings and entity-tags.</summary>
        public const int Quote = 0x22;

        /// <summary>Asterisk (<c>Vary: *</c>, <c>If-None-Match: *</c>).</summary>
        public const int Star = 0x2A;

        /// <summary>Comma, the list separator.</summary>
        public const int Comma = 0x2C;

        /// <summary>Hyphen, inside field and directive names.</summary>
        public const int Hyphen = 0x2D;

        /// <summary>Slash (<c>W/</c>).</summary>
        public const int Slash = 0x2F;

        /// <summary>Colon, between a field name and its value.</summary>
        public const int Colon = 0x3A;

        /// <summary>Semicolon, before chunk extensions.</summary>
        public const int Semicolon = 0x3B;

        /// <summary>Equals sign, between a directive name and its argument.</summary>
        public const int EqualsSign = 0x3D;

        /// <summary>Backslash, which starts a quoted-pair.</summary>
        public const int Backslash = 0x5C;

        // Bit 1: tchar (RFC 9110 5.6.2). Bit 2: whitespace as the value parsers read it (SP, HTAB, CR, LF).
        private const byte Token = 1;
        private const byte White = 2;
        private static readonly byte[] s_classes = BuildClasses();

        /// <summary>
        /// SP or HTAB (RFC 9110 OWS), plus CR and LF so that a value spanning an obsolete line fold
        /// (RFC 9112 5.2) reads as if each fold had been replaced by spaces.
        /// </summary>
        public static bool IsWhitespace(int c)
        {
            return (s_classes[c & 0xFF] & White) != 0 && c <= 0xFF;
        }

        /// <summary>An ASCII decimal digit.</summary>
        public static bool IsDigit(int c)
        {
            return c >= '0' && c <= '9';
        }

        /// <summary>The lower-case form of an ASCII letter; any other character is returned unchanged.</summary>
        public static int ToLower(int c)
        {
            return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
        }

        /// <summary>A tchar of RFC 9110 5.6.2 (the characters a field name or token may hold).</summary>
        public static bool IsTokenChar(int c)
        {
            return (s_classes[c & 0xFF] & Token) != 0 && c <= 0xFF;
        }

        /// <summary>True when every byte of the range is a tchar (and the range is not empty).</summary>
        public static bool IsToken(byte[] buffer, int start, int length)
        {
            if (length <= 0)
            {
                return false;
            }

            byte[] classes = s_classes;
            for (int i = start; i < start + length; i++)
            {
                if ((classes[buffer[i]] & Token) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>ASCII case-insensitive equality of two strings (letters fold, nothing else does); null equals only null.</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null)
            {
                return (object)a == (object)b;
            }

            int length = a.Length;
            if (length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (ToLower(a[i]) != ToLower(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the characters of <paramref name="a"/>, lower-cased, are the bytes of <paramref name="lower"/> from <paramref name="lowerStart"/> (ASCII).</summary>
        public static bool EqualsIgnoreCase(string a, byte[] lower, int lowerStart)
        {
            int length = a.Length;
            for (int i = 0; i < length; i++)
            {
                if (ToLower(a[i]) != lower[lowerStart + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Equality of two byte ranges of the same length, ASCII letters compared without case.</summary>
        public static bool EqualsIgnoreCase(byte[] a, int aStart, byte[] b, int bStart, int length)
        {
            for (int i = 0; i < length; i++)
            {
                int x = a[aStart + i];
                int y = b[bStart + i];
                if (x != y && ToLower(x) != ToLower(y))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Exact equality of two byte ranges of the same length.</summary>
        public static bool SequenceEquals(byte[] a, int aStart, byte[] b, int bStart, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aStart + i] != b[bStart + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when the range equals <paramref name="lowerName"/> ignoring ASCII letter case. <paramref name="lowerName"/>
        /// must be lower-case ASCII letters and hyphens (a known field or directive name): only letters are folded.
        /// </summary>
        public static bool MatchesLower(byte[] buffer, int start, int length, byte[] lowerName)
        {
            return length == lowerName.Length && MatchesLower(buffer, start, lowerName, 0, length);
        }

        /// <summary>As <see cref="MatchesLower(byte[], int, int, byte[])"/>, against <paramref name="length"/> lower-case bytes of <paramref name="lower"/> from <paramref name="lowerStart"/>.</summary>
        public static bool MatchesLower(byte[] buffer, int start, byte[] lower, int lowerStart, int length)
        {
            for (int i = 0; i < length; i++)
            {
                int c = buffer[start + i];
                int expected = lower[lowerStart + i];

                // Folding with | 0x20 is exact for letters; a hyphen must match as itself (CR | 0x20 is a hyphen too).
                if (c != expected && ((c | 0x20) != expected || expected == Hyphen))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Index of the first byte at or after <paramref name="start"/> (before <paramref name="end"/>) that is not SP, HTAB, CR or LF; <paramref name="end"/> when none.</summary>
        public static int SkipWhitespace(byte[] buffer, int start, int end)
        {
            byte[] classes = s_classes;
            while (start < end && (classes[buffer[start]] & White) != 0)
            {
                start++;
            }

            return start;
        }

        /// <summary>The end of the range [<paramref name="start"/>, <paramref name="end"/>) without its trailing SP, HTAB, CR and LF.</summary>
        public static int TrimEnd(byte[] buffer, int start, int end)
        {
            byte[] classes = s_classes;
            while (end > start && (classes[buffer[end - 1]] & White) != 0)
            {
                end--;
            }

            return end;
        }

        /// <summary>The lower-case ASCII bytes of a known name (letters and hyphens), for <see cref="MatchesLower(byte[], int, int, byte[])"/>.</summary>
        public static byte[] LowerBytes(string name)
        {
            int length = name.Length;
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)ToLower(name[i]);
            }

            return bytes;
        }

        private static byte[] BuildClasses()
        {
            byte[] classes = new byte[256];
            for (int c = '0'; c <= '9'; c++)
            {
                classes[c] = Token;
            }

            for (int c = 'a'; c <= 'z'; c++)
            {
                classes[c] = Token;
                classes[c - 0x20] = Token;
            }

            string symbols = "!#$%&'*+-.^_`|~";
            for (int i = 0; i < symbols.Length; i++)
            {
                classes[symbols[i]] = Token;
            }

            classes[Space] = White;
            classes[Tab] = White;
            classes[CarriageReturn] = White;
            classes[LineFeed] = White;
            return classes;
        }
    }
}
