// Fixtures: small builders for header blocks, facts and origin responses used across the shared tests.
using System;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>Test builders. Header text uses \n between lines; it is converted to CRLF.</summary>
    public static class Fixtures
    {
        /// <summary>2026-11-23T00:00:00Z, the tests' starting instant.</summary>
        public const long T0 = 1795392000L;

        /// <summary>Latin-1 bytes of a string.</summary>
        public static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>A header block from lines separated by \n (no final empty line needed).</summary>
        public static byte[] Block(string lines)
        {
            string text = "";
            string[] parts = lines.Split(new char[] { '\n' });
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0)
                {
                    text = text + parts[i] + "\r\n";
                }
            }

            return Bytes(text + "\r\n");
        }

        /// <summary>Parsed fields of header lines separated by \n.</summary>
        public static HeaderFields Fields(string lines)
        {
            byte[] block = Block(lines);
            HeaderFields fields = new HeaderFields(1000);
            if (fields.Parse(block, 0, block.Length) != HeaderBlockStatus.Complete)
            {
                throw new ArgumentException("bad test headers: " + lines);
            }

            return fields;
        }

        /// <summary>Parsed facts of header lines separated by \n.</summary>
        public static HeaderFacts Facts(string lines)
        {
            HeaderFacts facts = new HeaderFacts();
            facts.Load(Fields(lines));
            return facts;
        }

        /// <summary>An origin response with the given status, header lines (\n-separated) and body.</summary>
        public static OriginResponse Response(int status, string lines, string body)
        {
            byte[] block = Block(lines);
            byte[] bodyBytes = Bytes(body == null ? "" : body);
            OriginResponse response = new OriginResponse(status, null, block, block.Length, bodyBytes, bodyBytes.Length);
            response.BytesSent = 100;
            response.BytesReceived = block.Length + 17 + bodyBytes.Length;
            return response;
        }

        /// <summary>An IMF-fixdate string.</summary>
        public static string Date(long unixSeconds)
        {
            return HttpDate.ToString(unixSeconds);
        }

        /// <summary>The body as a string.</summary>
        public static string Text(byte[] body)
        {
            return TextBytes.ToString(body, 0, body.Length);
        }
    }
}
