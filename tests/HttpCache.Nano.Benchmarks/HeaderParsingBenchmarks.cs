// Header parsing: HttpCache.Nano's parser against what a desktop .NET user does today, in the same run.
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Benchmarks
{
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class HeaderParsingBenchmarks
    {
        internal static readonly string[] Names = { "Cache-Control", "ETag", "Date", "Last-Modified", "Expires", "Age", "Vary", "Content-Type", "Content-Length" };
        internal static readonly string[] Values =
        {
            "public, max-age=300, must-revalidate, stale-if-error=60", "W/\"5e1f-8a3b\"", "Mon, 23 Nov 2026 10:00:00 GMT", "Sun, 22 Nov 2026 09:30:00 GMT",
            "Mon, 23 Nov 2026 10:05:00 GMT", "17", "Accept-Encoding, Accept-Language", "application/json", "512",
        };

        private const string RequestCacheControl = "max-age=0, max-stale=30, min-fresh=5, no-cache, only-if-cached";
        private const string IfNoneMatch = "\"a1\", W/\"b2\", \"c3\", \"5e1f-8a3b\"";

        private readonly HeaderFacts _facts = new HeaderFacts();
        private readonly HeaderFields _fields = new HeaderFields(64);
        private readonly CacheControl _requestCc = new CacheControl();
        private byte[] _block;
        private string _text;
        private byte[] _requestCcBytes;
        private byte[] _ifNoneMatch;
        private byte[] _tag;
        private HttpResponseMessage _message;

        [GlobalSetup]
        public void Setup()
        {
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < Names.Length; i++)
            {
                block.Append(Names[i]).Append(": ").Append(Values[i]).Append("\r\n");
            }

            block.Append("\r\n");
            _text = block.ToString();
            _block = Encoding.Latin1.GetBytes(_text);
            _message = new HttpResponseMessage();
            _message.Content = new ByteArrayContent(System.Array.Empty<byte>());
            _requestCcBytes = Encoding.Latin1.GetBytes(RequestCacheControl);
            _ifNoneMatch = Encoding.Latin1.GetBytes(IfNoneMatch);
            _tag = Encoding.Latin1.GetBytes("\"5e1f-8a3b\"");
        }

        /// <summary>Baseline: HttpResponseHeaders (TryAddWithoutValidation, then the typed properties).</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("response")]
        public long ResponseHeaders_HttpResponseHeaders()
        {
            HttpResponseMessage message = new HttpResponseMessage();
            HttpResponseHeaders headers = message.Headers;
            for (int i = 0; i < 7; i++)
            {
                headers.TryAddWithoutValidation(Names[i], Values[i]);
            }

            long result = 0;
            CacheControlHeaderValue cc = headers.CacheControl;
            result += cc.MaxAge.HasValue ? (long)cc.MaxAge.Value.TotalSeconds : 0;
            result += headers.ETag.IsWeak ? 1 : 0;
            result += headers.Date.HasValue ? headers.Date.Value.ToUnixTimeSeconds() : 0;
            result += headers.Age.HasValue ? (long)headers.Age.Value.TotalSeconds : 0;
            result += headers.Vary.Count;
            return result;
        }

        /// <summary>HttpCache.Nano from a string header block (converted to bytes, then parsed).</summary>
        [Benchmark]
        [BenchmarkCategory("response")]
        public long ResponseHeaders_HttpCacheNano_Strings()
        {
            _fields.Parse(_text);
            return Facts();
        }

        /// <summary>HttpCache.Nano from a received byte[] header block.</summary>
        [Benchmark]
        [BenchmarkCategory("response")]
        public long ResponseHeaders_HttpCacheNano_Bytes()
        {
            _fields.Parse(_block, 0, _block.Length);
            return Facts();
        }

        // The same facts the baseline reads (the dates and the entity-tag parsed on first use, here).
        private long Facts()
        {
            HeaderFacts facts = _facts;
            facts.Load(_fields);
            return facts.CacheControl.MaxAge + (facts.ETagIsWeak ? 1 : 0) + facts.Date + facts.LastModified + facts.Age + (facts.HasVary ? 1 : 0);
        }

        /// <summary>Baseline: CacheControlHeaderValue.Parse and EntityTagHeaderValue list matching.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("request")]
        public long RequestHeaders_System_Net_Http()
        {
            CacheControlHeaderValue cc = CacheControlHeaderValue.Parse(RequestCacheControl);
            long result = cc.MaxStaleLimit.HasValue ? (long)cc.MaxStaleLimit.Value.TotalSeconds : 0;
            HttpRequestMessage request = new HttpRequestMessage();
            request.Headers.TryAddWithoutValidation("If-None-Match", IfNoneMatch);
            foreach (EntityTagHeaderValue tag in request.Headers.IfNoneMatch)
            {
                if (tag.Tag == "\"5e1f-8a3b\"")
                {
                    result++;
                }
            }

            return result;
        }

        [Benchmark]
        [BenchmarkCategory("request")]
        public long RequestHeaders_HttpCacheNano()
        {
            CacheControl cc = _requestCc;
            cc.Reset();
            cc.Add(_requestCcBytes, 0, _requestCcBytes.Length);
            return cc.MaxStale + (EntityTagList.Contains(_ifNoneMatch, 0, _ifNoneMatch.Length, _tag, 0, _tag.Length, false, true) ? 1 : 0);
        }
    }
}
