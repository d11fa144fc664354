// Harness: what each fuzz target runs, with the invariants checked on every input (not just "no crash").
using System;
using System.IO;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Fuzz
{
    /// <summary>Thrown when an invariant breaks; fuzzers report it as a crash.</summary>
    public sealed class InvariantException : Exception
    {
        public InvariantException(string message) : base(message)
        {
        }
    }

    public static class Harness
    {
        private const int Guard = 64;
        private static readonly HeaderFacts s_facts = new HeaderFacts();
        private static readonly HeaderFields s_fields = new HeaderFields(100);
        private static readonly HeaderFields s_textFields = new HeaderFields(100);
        private static readonly CacheControl s_cacheControl = new CacheControl();

        private static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvariantException(what);
            }
        }

        public static void Run(string target, byte[] data)
        {
            switch (target)
            {
                case "headers":
                    Headers(data);
                    break;
                case "response":
                    Response(data);
                    break;
                case "flash":
                    Flash(data);
                    break;
                default:
                    throw new ArgumentException("unknown target " + target + " (headers, response, flash)");
            }
        }

        /// <summary>
        /// Header parser over bytes and over a string: never throws, never reads outside its range (the range ends at
        /// the array's end, so a read past it faults), results within range, and 0 bytes allocated.
        /// </summary>
        public static void Headers(byte[] data)
        {
            byte[] buffer = new byte[Guard + data.Length];
            for (int i = 0; i < Guard; i++)
            {
                buffer[i] = (byte)':';
            }

            Array.Copy(data, 0, buffer, Guard, data.Length);
            char[] chars = new char[data.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)data[i];
            }

            string text = new string(chars);
            ParseAll(buffer, Guard, data.Length);
            ParseText(text);
            long before = GC.GetAllocatedBytesForCurrentThread();
            ParseAll(buffer, Guard, data.Length);
            ParseText(text);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Check(allocated == 0, "parsing allocated " + allocated + " bytes");
        }

        private static void ParseText(string text)
        {
            HeaderBlockStatus status = s_textFields.Parse(text);
            CheckFields(s_textFields, status, s_textFields.Buffer, 0, text.Length);
        }

        private static void ParseAll(byte[] buffer, int start, int length)
        {
            HeaderBlockStatus status = s_fields.Parse(buffer, start, length);
            CheckFields(s_fields, status, buffer, start, length);

            // The same bytes as single field values.
            CacheControl cc = s_cacheControl;
            cc.Reset();
            cc.Add(buffer, start, length);
            Check(cc.MaxAge >= -1 && cc.MaxAge <= DeltaSeconds.Saturated, "max-age out of range");
            Check(cc.MaxStale >= -1 && (cc.MaxStale <= DeltaSeconds.Saturated || cc.MaxStale == CacheControl.Unbounded), "max-stale out of range");
            Check(cc.MinFresh >= -1 && cc.MinFresh <= DeltaSeconds.Saturated, "min-fresh out of range");
            Check(cc.PrivateFieldsLength == 0 || (cc.PrivateFieldsStart >= start && cc.PrivateFieldsStart + cc.PrivateFieldsLength <= start + length), "private field list outside the value");
            if (HttpDate.TryParse(buffer, start, length, out long date))
            {
                Check(date >= 0 && date <= 253402300860L, "date out of range");
            }
            else
            {
                Check(date == -1, "invalid date not -1");
            }

            if (EntityTag.TryParse(buffer, start, length, out int tagStart, out int tagLength, out bool weak))
            {
                Check(tagLength >= 2 && buffer[tagStart] == '"' && buffer[tagStart + tagLength - 1] == '"' && tagStart >= start && tagStart + tagLength <= start + length, "entity-tag shape");
                EntityTagList.Contains(buffer, start, length, buffer, tagStart, tagLength, weak, true);
            }

            KnownHeaders.Find(buffer, start, length);
            int position = start;
            int elements = 0;
            while (HeaderList.Next(buffer, ref position, start + length, out int elementStart, out int elementLength))
            {
                Check(elementLength > 0 && elementStart >= start && elementStart + elementLength <= start + length, "list element outside the value");
                Check(++elements <= length, "list reader does not advance");
            }
        }

        private static void CheckFields(HeaderFields fields, HeaderBlockStatus status, byte[] buffer, int start, int length)
        {
            Check(fields.Consumed >= 0 && fields.Consumed <= length, "consumed out of range");
            Check(status == HeaderBlockStatus.Complete || (fields.Consumed == 0 && fields.Count == 0), "kept something of an incomplete or invalid block");
            for (int i = 0; i < fields.Count; i++)
            {
                Check(fields.NameLength(i) > 0 && fields.NameStart(i) >= start && fields.ValueStart(i) >= fields.NameStart(i) + fields.NameLength(i)
                    && fields.ValueStart(i) + fields.ValueLength(i) <= start + fields.Consumed, "field outside the block");
                Check(Ascii.IsToken(buffer, fields.NameStart(i), fields.NameLength(i)), "a name that is not a token");
            }

            HeaderFacts facts = s_facts;
            facts.Load(fields);
            CheckFacts(facts);
        }

        private static void CheckFacts(HeaderFacts facts)
        {
            Check(facts.Date >= -1 && facts.Expires >= -1 && facts.LastModified >= -1 && facts.IfModifiedSince >= -1, "date facts out of range");
            Check(facts.Age >= -1 && facts.Age <= DeltaSeconds.Saturated, "age out of range");
            Check(facts.ContentLength >= -1, "content-length out of range");
            Check(!facts.HasETag || (facts.ETagLength >= 2 && facts.ETagStart >= 0), "entity-tag position");
            Check(!(facts.ContentLengthInvalid && facts.ContentLength != -1), "invalid content-length kept a value");
        }

        /// <summary>The socket transport's response reader: only HttpTransportException may escape; results are consistent.</summary>
        public static void Response(byte[] data)
        {
            HttpResponseReader reader = new HttpResponseReader(4096, 64, 64 * 1024);
            OriginResponse response;
            try
            {
                response = reader.Read(new MemoryStream(data, false), data.Length > 0 && data[0] == 'H' ? "GET" : "HEAD");
            }
            catch (HttpTransportException)
            {
                return;
            }

            Check(response.StatusCode >= 200 && response.StatusCode <= 999, "status out of range");
            Check(response.BodyLength >= 0 && response.BodyLength <= 64 * 1024 && response.BodyLength <= response.Body.Length, "body length out of range");
            Check(response.HeaderLength <= 4096, "header block over the limit");
            Check(reader.BytesRead <= data.Length, "read more than was sent");
            HeaderBlockStatus again = new HeaderFields(64).Parse(response.HeaderBlock, 0, response.HeaderLength);
            Check(again == HeaderBlockStatus.Complete, "the accepted header block does not re-parse");
        }

        /// <summary>The flash record reader: never throws on any file content; a head it accepts is self-consistent.</summary>
        public static void Flash(byte[] data)
        {
            MemoryStream stream = new MemoryStream(data, false);
            FlashRecordHead head = FlashRecord.ReadHead(stream);
            if (head == null)
            {
                return;
            }

            Check(head.BodyLength >= 0 && head.Entry.Key != null && head.Entry.Headers != null, "head fields");
            Check(head.FileSize == stream.Position + head.BodyLength + 4, "file size inconsistent with the head");
            if (head.FileSize > data.Length)
            {
                return;
            }

            byte[] body = FlashRecord.ReadBody(stream, head);
            if (body != null)
            {
                Check(body.Length == head.BodyLength && head.FileSize == data.Length, "body inconsistent");
            }
        }
    }
}
