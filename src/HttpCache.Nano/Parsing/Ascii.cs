// Ascii: character classes of RFC 9110 (token, whitespace, digits) and case folding without ToLower.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Character classes used by the HTTP grammar, over character codes (0–255 for Latin-1).</summary>
    public static class Ascii
    {
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

        /// <summary>Comma, the list separator.</summary>
        public const int Comma = 0x2C;

        /// <summary>Colon, between a field name and its value.</summary>
        public const int Colon = 0x3A;

        /// <summary>Equals sign, between a directive name and its argument.</summary>
        public const int EqualsSign = 0x3D;

        /// <summary>Backslash, which starts a quoted-pair.</summary>
        public const int Backslash = 0x5C;

        /// <summary>
        /// SP or HTAB (RFC 9110 OWS), plus CR and LF so that a value spanning an obsolete line fold
        /// (RFC 9112 5.2) reads as if each fold had been replaced by spaces.
        /// </summary>
        public static bool IsWhitespace(int c)
        {
            return c == Space || c == Tab || c == CarriageReturn || c == LineFeed;
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

        /// <summary>ASCII case-insensitive equality of two strings (letters fold, nothing else does); null equals only null.</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null)
            {
                return (object)a == (object)b;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (ToLower(a[i]) != ToLower(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A tchar of RFC 9110 5.6.2 (the characters a field name or token may hold).</summary>
        public static bool IsTokenChar(int c)
        {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
            {
                return true;
            }

            switch (c)
            {
                case '!':
                case '#':
                case '$':
                case '%':
                case '&':
                case '\'':
                case '*':
                case '+':
                case '-':
                case '.':
                case '^':
                case '_':
                case '`':
                case '|':
                case '~':
                    return true;
                default:
                    return false;
            }
        }
    }
}
