// DeltaSeconds: the delta-seconds grammar of RFC 9111 1.2.2, saturating instead of overflowing.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Parses delta-seconds (RFC 9111 1.2.2): one or more digits, nothing else.</summary>
    public static class DeltaSeconds
    {
        /// <summary>
        /// The value a too-large delta-seconds saturates at: 2^31, as RFC 9111 1.2.2 requires
        /// ("a cache ... MUST consider the value to be 2147483648").
        /// </summary>
        public const long Saturated = 2147483648L;

        /// <summary>Parses <paramref name="value"/> (already trimmed) as delta-seconds.</summary>
        /// <param name="value">The text; a sign, a space or any non-digit makes it invalid.</param>
        /// <param name="seconds">The value, at most <see cref="Saturated"/>; -1 when invalid.</param>
        /// <returns>False when the text is empty or holds anything but digits.</returns>
        public static bool TryParse(TextSlice value, out long seconds)
        {
            int length = value.Length;
            if (length == 0)
            {
                seconds = -1;
                return false;
            }

            long result = 0;
            for (int i = 0; i < length; i++)
            {
                int c = value[i];
                if (!Ascii.IsDigit(c))
                {
                    seconds = -1;
                    return false;
                }

                if (result < Saturated)
                {
                    result = result * 10 + (c - '0');
                }
            }

            seconds = result > Saturated ? Saturated : result;
            return true;
        }
    }
}
