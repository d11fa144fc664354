// HttpDate: HTTP-date (RFC 9110 5.6.7) parsing in its three forms and IMF-fixdate formatting.
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

        private const string Months = "janfebmaraprmayjunjulaugsepoctnovdec";
        private const string Days = "sunmontuewedthufrisat";
        private const string MonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec";
        private const string DayNames = "SunMonTueWedThuFriSat";

        private static readonly string[] s_longDayNames = new string[] { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };

        /// <summary>
        /// Parses an HTTP-date. Two-digit RFC 850 years are read as 1970–2069 (00–69 → 20xx), the rule
        /// used when the current year is not known; use the overload with <c>nowUnixSeconds</c> for the
        /// RFC 9110 rule.
        /// </summary>
        /// <param name="value">The field value.</param>
        /// <param name="unixSeconds">The instant, or -1 when invalid.</param>
        /// <returns>False when the value is not a valid HTTP-date.</returns>
        public static bool TryParse(TextSlice value, out long unixSeconds)
        {
            return TryParse(value, -1, out unixSeconds);
        }

        /// <summary>
        /// Parses an HTTP-date, reading a two-digit RFC 850 year as RFC 9110 5.6.7 requires: a year that
        /// would be more than 50 years after <paramref name="nowUnixSeconds"/> is the most recent past year
        /// with the same last two digits.
        /// </summary>
        /// <param name="value">The field value.</param>
        /// <param name="nowUnixSeconds">The current time, or a negative number when unknown.</param>
        /// <param name="unixSeconds">The instant, or -1 when invalid.</param>
        /// <returns>False when the value is not a valid HTTP-date.</returns>
        public static bool TryParse(TextSlice value, long nowUnixSeconds, out long unixSeconds)
        {
            TextSlice s = value.Trim();
            unixSeconds = -1;
            int comma = s.IndexOf(Ascii.Comma, 0);
            int year;
            int month;
            int day;
            int timeAt;
            if (comma == 3)
            {
                // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
                if (s.Length != FormattedLength || !IsShortDayName(s, 0) || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' '
                    || s[25] != ' ' || !IsGmt(s, 26))
                {
                    return false;
                }

                day = ReadDigits(s, 5, 2);
                month = ReadMonth(s, 8);
                year = ReadDigits(s, 12, 4);
                timeAt = 17;
            }
            else if (comma > 3)
            {
                // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
                if (!IsLongDayName(s, comma) || s.Length != comma + 24 || s[comma + 1] != ' ' || s[comma + 4] != '-' || s[comma + 8] != '-'
                    || s[comma + 11] != ' ' || s[comma + 20] != ' ' || !IsGmt(s, comma + 21))
                {
                    return false;
                }

                day = ReadDigits(s, comma + 2, 2);
                month = ReadMonth(s, comma + 5);
                int twoDigitYear = ReadDigits(s, comma + 9, 2);
                year = twoDigitYear < 0 ? -1 : ExpandYear(twoDigitYear, nowUnixSeconds);
                timeAt = comma + 12;
            }
            else if (comma < 0)
            {
                // asctime: "Sun Nov  6 08:49:37 1994"
                if (s.Length != 24 || !IsShortDayName(s, 0) || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ')
                {
                    return false;
                }

                month = ReadMonth(s, 4);
                day = s[8] == ' ' ? ReadDigits(s, 9, 1) : ReadDigits(s, 8, 2);
                year = ReadDigits(s, 20, 4);
                timeAt = 11;
            }
            else
            {
                return false;
            }

            if (s[timeAt + 2] != ':' || s[timeAt + 5] != ':')
            {
                return false;
            }

            int hour = ReadDigits(s, timeAt, 2);
            int minute = ReadDigits(s, timeAt + 3, 2);
            int second = ReadDigits(s, timeAt + 6, 2);
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
            return TextSlice.Of(bytes).ToString();
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
        private static int ReadDigits(TextSlice s, int index, int count)
        {
            int value = 0;
            for (int i = index; i < index + count; i++)
            {
                int c = s[i];
                if (!Ascii.IsDigit(c))
                {
                    return -1;
                }

                value = value * 10 + (c - '0');
            }

            return value;
        }

        // 1–12 for a three-letter month name at index, else -1.
        private static int ReadMonth(TextSlice s, int index)
        {
            int found = FindName3(s, index, Months);
            return found < 0 ? -1 : found + 1;
        }

        private static bool IsShortDayName(TextSlice s, int index)
        {
            return FindName3(s, index, Days) >= 0;
        }

        private static int FindName3(TextSlice s, int index, string names)
        {
            int a = Ascii.ToLower(s[index]);
            int b = Ascii.ToLower(s[index + 1]);
            int c = Ascii.ToLower(s[index + 2]);
            for (int i = 0; i < names.Length; i += 3)
            {
                if (names[i] == a && names[i + 1] == b && names[i + 2] == c)
                {
                    return i / 3;
                }
            }

            return -1;
        }

        private static bool IsLongDayName(TextSlice s, int length)
        {
            for (int i = 0; i < s_longDayNames.Length; i++)
            {
                if (s.Slice(0, length).EqualsIgnoreCase(s_longDayNames[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGmt(TextSlice s, int index)
        {
            return Ascii.ToLower(s[index]) == 'g' && Ascii.ToLower(s[index + 1]) == 'm' && Ascii.ToLower(s[index + 2]) == 't';
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
