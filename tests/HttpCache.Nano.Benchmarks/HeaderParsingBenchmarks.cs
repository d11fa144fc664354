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
        private byte[] _block;
        private HttpResponseMessage _message;
        private EntityTag _tag;

        [GlobalSetup]
        public void Setup()
        {
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < Names.Length; i++)
            {
                block.Append(Names[i]).Append(": ").Append(Values[i]).Append("\r\n");
            }

            block.Append("\r\n");
            _block = Encoding.Latin1.GetBytes(block.ToString());
            _message = new HttpResponseMessage();
            _message.Content = new ByteArrayContent(System.Array.Empty<byte>());
            EntityTag.TryParse(TextSlice.Of("\"5e1f-8a3b\""), out _tag);
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

        /// <summary>HttpCache.Nano from strings, as nanoFramework's WebHeaderCollection hands them out.</summary>
        [Benchmark]
        [BenchmarkCategory("response")]
        public long ResponseHeaders_HttpCacheNano_Strings()
        {
            HeaderFacts facts = _facts;
            facts.Reset();
            for (int i = 0; i < Names.Length; i++)
            {
                facts.Add(Names[i], Values[i]);
            }

            return facts.CacheControl.MaxAge + (facts.ETag.IsWeak ? 1 : 0) + facts.Date + facts.LastModified + facts.Age + (facts.HasVary ? 1 : 0);
        }

        /// <summary>HttpCache.Nano from a received byte[] header block.</summary>
        [Benchmark]
        [BenchmarkCategory("response")]
        public long ResponseHeaders_HttpCacheNano_Bytes()
        {
            HeaderFacts facts = _facts;
            facts.Reset();
            HeaderParser.Parse(new TextSlice(_block, 0, _block.Length), facts, 64, out int _);
            return facts.CacheControl.MaxAge + (facts.ETag.IsWeak ? 1 : 0) + facts.Date + facts.LastModified + facts.Age + (facts.HasVary ? 1 : 0);
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
            CacheControl cc = CacheControl.Parse(TextSlice.Of(RequestCacheControl));
            return cc.MaxStale + (EntityTagList.Contains(TextSlice.Of(IfNoneMatch), _tag, true) ? 1 : 0);
        }
    }
}
