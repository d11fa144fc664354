// HttpDate: HTTP-date (RFC 9110 5.6.7) parsing in its three forms and IMF-fixdate formatting, over bytes.
// Interpreter cost: an IMF-fixdate is ~30 byte reads and two table scans of folded three-letter keys (~2 µs);
// HeaderFacts parses dates only when a decision first asks for one.
using System;

namespace HttpCache.Nano.Parsing
{
    /// <summary>
    /// Parses and formats HTTP-dates as Unix seconds (the library's time convention: instants are
    /// <c>long</c> Unix seconds, -1 means absent). Accepts the three forms of RFC 9110 5.6.7:
    /// IMF-fixdate (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>), the obsolete RFC 850 form
    /// (<c>Sunday, 06-Nov-94 08:49:37 GMT</c>) and asctime (<c>Sun Nov  6 08:49:37 1994</c>).
    /// Never allocates, never throws on bad input.
    /// </summary>
    /// <remarks>
    /// Instants before 1970-01-01 are reported as 0: nothing in a cache needs to tell them apart, and
    /// a negative value could be mistaken for "absent". Day and month names are matched
    /// case-insensitively; the weekday is not checked against the date. Surrounding whitespace is
    /// ignored. Calendar fields are range-checked (February 30 is invalid); second 60 (a leap second)
    /// is accepted.
    /// </remarks>
    public static class HttpDate
    {
        /// <summary>Length of an IMF-fixdate, the only form this library writes.</summary>
        public const int FormattedLength = 29;

        private const string MonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec";
        private const string DayNames = "SunMonTueWedThuFriSat";

        private static readonly int[] s_months = Names3("janfebmaraprmayjunjulaugsepoctnovdec");
        private static readonly int[] s_days = Names3("sunmontuewedthufrisat");
        private static readonly byte[][] s_longDayNames = LongDayNames();

        /// <summary>
        /// Parses an HTTP-date held in bytes. Two-digit RFC 850 years are read as 1970–2069 (00–69 → 20xx), the rule
        /// used when the current year is not known; use the overload with <c>nowUnixSeconds</c> for the RFC 9110 rule.
        /// </summary>
        /// <param name="buffer">The bytes of the field value.</param>
        /// <param name="start">The first byte.</param>
        /// <param name="length">The number of bytes (surrounding whitespace is ignored).</param>
        /// <param name="unixSeconds">The instant, or -1 when invalid.</param>
        /// <returns>False when the value is not a valid HTTP-date.</returns>
        public static bool TryParse(byte[] buffer, int start, int length, out long unixSeconds)
        {
            return TryParse(buffer, start, length, -1, out unixSeconds);
        }

        /// <summary>Parses an HTTP-date held in a string (converted once: for tests and the edges).</summary>
        public static bool TryParse(string value, out long unixSeconds)
        {
            byte[] bytes = TextBytes.Of(value);
            return TryParse(bytes, 0, bytes.Length, -1, out unixSeconds);
        }

        /// <summary>
        /// Parses an HTTP-date, reading a two-digit RFC 850 year as RFC 9110 5.6.7 requires: a year that
        /// would be more than 50 years after <paramref name="nowUnixSeconds"/> is the most recent past year
        /// with the same last two digits.
        /// </summary>
        /// <param name="buffer">The bytes of the field value.</param>
        /// <param name="start">The first byte.</param>
        /// <param name="length">The number of bytes (surrounding whitespace is ignored).</param>
        /// <param name="nowUnixSeconds">The current time, or a negative number when unknown.</param>
        /// <param name="unixSeconds">The instant, or -1 when invalid.</param>
        /// <returns>False when the value is not a valid HTTP-date.</returns>
        public static bool TryParse(byte[] buffer, int start, int length, long nowUnixSeconds, out long unixSeconds)
        {
            unixSeconds = -1;
            int s = Ascii.SkipWhitespace(buffer, start, start + length);
            int end = Ascii.TrimEnd(buffer, s, start + length);
            int n = end - s;
            if (n < 24)
            {
                return false;
            }

            int comma = n > 3 && buffer[s + 3] == Ascii.Comma ? 3 : ByteSearch.Comma(buffer, s, end) - s;
            int year;
            int month;
            int day;
            int timeAt;
            if (comma == 3)
            {
                // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
                if (n != FormattedLength || !IsShortDayName(buffer, s) || buffer[s + 4] != ' ' || buffer[s + 7] != ' ' || buffer[s + 11] != ' '
                    || buffer[s + 16] != ' ' || buffer[s + 25] != ' ' || !IsGmt(buffer, s + 26))
                {
                    return false;
                }

                day = ReadDigits(buffer, s + 5, 2);
                month = ReadMonth(buffer, s + 8);
                year = ReadDigits(buffer, s + 12, 4);
                timeAt = s + 17;
            }
            else if (comma > 3)
            {
                // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
                int c = s + comma;
                if (n != comma + 24 || !IsLongDayName(buffer, s, comma) || buffer[c + 1] != ' ' || buffer[c + 4] != '-' || buffer[c + 8] != '-'
                    || buffer[c + 11] != ' ' || buffer[c + 20] != ' ' || !IsGmt(buffer, c + 21))
                {
                    return false;
                }

                day = ReadDigits(buffer, c + 2, 2);
                month = ReadMonth(buffer, c + 5);
                int twoDigitYear = ReadDigits(buffer, c + 9, 2);
                year = twoDigitYear < 0 ? -1 : ExpandYear(twoDigitYear, nowUnixSeconds);
                timeAt = c + 12;
            }
            else if (comma < 0)
            {
                // asctime: "Sun Nov  6 08:49:37 1994"
                if (n != 24 || !IsShortDayName(buffer, s) || buffer[s + 3] != ' ' || buffer[s + 7] != ' ' || buffer[s + 10] != ' ' || buffer[s + 19] != ' ')
                {
                    return false;
                }

                month = ReadMonth(buffer, s + 4);
                day = buffer[s + 8] == ' ' ? ReadDigits(buffer, s + 9, 1) : ReadDigits(buffer, s + 8, 2);
                year = ReadDigits(buffer, s + 20, 4);
                timeAt = s + 11;
            }
            else
            {
                return false;
            }

            if (buffer[timeAt + 2] != ':' || buffer[timeAt + 5] != ':')
            {
                return false;
            }

            int hour = ReadDigits(buffer, timeAt, 2);
            int minute = ReadDigits(buffer, timeAt + 3, 2);
            int second = ReadDigits(buffer, timeAt + 6, 2);
            if (year < 0 || month < 1 || day < 1 || day > DaysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60)
            {
                return false;
            }

            long result = DaysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second;
            unixSeconds = result < 0 ? 0 : result;
            return true;
        }

        /// <summary>Writes <paramref name="unixSeconds"/> as an IMF-fixdate (29 ASCII bytes) into <paramref name="buffer"/>.</summary>
        /// <returns>The number of bytes written, <see cref="FormattedLength"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The time is negative or after year 9999, or the buffer is too small.</exception>
        public static int Format(long unixSeconds, byte[] buffer, int offset)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || offset > buffer.Length - FormattedLength)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            if (unixSeconds < 0 || unixSeconds > 253402300799L)
            {
                throw new ArgumentOutOfRangeException("unixSeconds");
            }

            long days = unixSeconds / 86400;
            int secondOfDay = (int)(unixSeconds % 86400);
            int year;
            int month;
            int day;
            CivilFromDays(days, out year, out month, out day);
            int weekday = (int)((days + 4) % 7);
            int p = offset;
            p = Put3(buffer, p, DayNames, weekday);
            buffer[p++] = (byte)',';
            buffer[p++] = (byte)' ';
            p = Put2(buffer, p, day);
            buffer[p++] = (byte)' ';
            p = Put3(buffer, p, MonthNames, month - 1);
            buffer[p++] = (byte)' ';
            p = Put2(buffer, p, year / 100);
            p = Put2(buffer, p, year % 100);
            buffer[p++] = (byte)' ';
            p = Put2(buffer, p, secondOfDay / 3600);
            buffer[p++] = (byte)':';
            p = Put2(buffer, p, secondOfDay / 60 % 60);
            buffer[p++] = (byte)':';
            p = Put2(buffer, p, secondOfDay % 60);
            buffer[p++] = (byte)' ';
            buffer[p++] = (byte)'G';
            buffer[p++] = (byte)'M';
            buffer[p] = (byte)'T';
            return FormattedLength;
        }

        /// <summary>Formats <paramref name="unixSeconds"/> as an IMF-fixdate string. Allocates: for the edges (logs, header collections).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The time is negative or after year 9999.</exception>
        public static string ToString(long unixSeconds)
        {
            byte[] bytes = new byte[FormattedLength];
            Format(unixSeconds, bytes, 0);
            return TextBytes.ToString(bytes, 0, FormattedLength);
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yearOfEra = y - era * 400;
            long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097 + dayOfEra - 719468;
        }

        /// <summary>The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).</summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long dayOfEra = z - era * 146097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long mp = (5 * dayOfYear + 2) / 153;
            day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        }

        private static int ExpandYear(int twoDigitYear, long nowUnixSeconds)
        {
            if (nowUnixSeconds < 0)
            {
                return twoDigitYear < 70 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
            }

            int nowYear;
            int ignoredMonth;
            int ignoredDay;
            CivilFromDays(nowUnixSeconds / 86400, out nowYear, out ignoredMonth, out ignoredDay);
            int year = nowYear / 100 * 100 + twoDigitYear;
            if (year > nowYear + 50)
            {
                year -= 100;
            }
            else if (year < nowYear - 49)
            {
                year += 100;
            }

            return year;
        }

        private static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                default:
                    return 31;
            }
        }

        // Reads count digits at index; -1 when any of them is not a digit.
        private static int ReadDigits(byte[] buffer, int index, int count)
        {
            int value = 0;
            for (int i = index; i < index + count; i++)
            {
                int digit = buffer[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return value;
        }

        // 1–12 for a three-letter month name at index, else -1.
        private static int ReadMonth(byte[] buffer, int index)
        {
            int found = FindName3(buffer, index, s_months);
            return found < 0 ? -1 : found + 1;
        }

        private static bool IsShortDayName(byte[] buffer, int index)
        {
            return FindName3(buffer, index, s_days) >= 0;
        }

        // The three letters folded into one int, then compared with the table's: one compare per name.
        private static int FindName3(byte[] buffer, int index, int[] names)
        {
            int key = ((buffer[index] | 0x20) << 16) | ((buffer[index + 1] | 0x20) << 8) | (buffer[index + 2] | 0x20);
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsLongDayName(byte[] buffer, int start, int length)
        {
            for (int i = 0; i < s_longDayNames.Length; i++)
            {
                if (Ascii.MatchesLower(buffer, start, length, s_longDayNames[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGmt(byte[] buffer, int index)
        {
            return (buffer[index] | 0x20) == 'g' && (buffer[index + 1] | 0x20) == 'm' && (buffer[index + 2] | 0x20) == 't';
        }

        private static int[] Names3(string names)
        {
            int[] keys = new int[names.Length / 3];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = (names[i * 3] << 16) | (names[i * 3 + 1] << 8) | names[i * 3 + 2];
            }

            return keys;
        }

        private static byte[][] LongDayNames()
        {
            string[] names = new string[] { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };
            byte[][] bytes = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++)
            {
                bytes[i] = Ascii.LowerBytes(names[i]);
            }

            return bytes;
        }

        private static int Put2(byte[] buffer, int p, int value)
        {
            buffer[p] = (byte)('0' + value / 10);
            buffer[p + 1] = (byte)('0' + value % 10);
            return p + 2;
        }

        private static int Put3(byte[] buffer, int p, string names, int index)
        {
            buffer[p] = (byte)names[index * 3];
            buffer[p + 1] = (byte)names[index * 3 + 1];
            buffer[p + 2] = (byte)names[index * 3 + 2];
            return p + 3;
        }
    }
}
