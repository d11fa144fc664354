// DeltaSeconds: the delta-seconds grammar of RFC 9111 1.2.2, read in place and saturating instead of overflowing.
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

        /// <summary>Parses the bytes [<paramref name="start"/>, +<paramref name="length"/>) (already trimmed) as delta-seconds.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="start">The first digit.</param>
        /// <param name="length">The number of bytes; a sign, a space or any non-digit makes it invalid.</param>
        /// <param name="seconds">The value, at most <see cref="Saturated"/>; -1 when invalid.</param>
        /// <returns>False when the range is empty or holds anything but digits.</returns>
        public static bool TryParse(byte[] buffer, int start, int length, out long seconds)
        {
            if (length <= 0)
            {
                seconds = -1;
                return false;
            }

            long result = 0;
            for (int i = start; i < start + length; i++)
            {
                int digit = buffer[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    seconds = -1;
                    return false;
                }

                if (result < Saturated)
                {
                    result = result * 10 + digit;
                }
            }

            seconds = result > Saturated ? Saturated : result;
            return true;
        }
    }
}
