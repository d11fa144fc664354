// Crc32: CRC-32 (IEEE 802.3, reflected 0xEDB88320), the checksum of every flash record.
namespace HttpCache.Nano.Storage
{
    /// <summary>Incremental CRC-32. Start with <see cref="Initial"/>, <see cref="Update"/> over the data, then <see cref="Finish"/>.</summary>
    public static class Crc32
    {
        /// <summary>The running value before any data.</summary>
        public const uint Initial = 0xFFFFFFFF;

        // Made on first use: nanoFramework runs every static initializer at boot, and a firmware that never checks a
        // CRC (a RAM store only) should not hold the 1 KB table.
        private static uint[] s_table;

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            uint[] table = s_table;
            if (table == null)
            {
                table = CreateTable();
                s_table = table;
            }

            for (int i = offset; i < offset + count; i++)
            {
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>The checksum of everything added.</summary>
        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        /// <summary>The checksum of a whole range.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Initial, data, offset, count));
        }

        private static uint[] CreateTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
