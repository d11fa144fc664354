// End-to-end poll of an unchanged resource: fresh hit, and stale -> 304 over each transport (desktop .NET allocations).
using System.Net.Http;
using BenchmarkDotNet.Attributes;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Benchmarks
{
    [MemoryDiagnoser]
    public class PollBenchmarks
    {
        private LoopbackOrigin _origin;
        private HttpCacheClient _fresh;
        private HttpCacheClient _inMemory;
        private HttpCacheClient _socket;
        private HttpCacheClient _webRequest;
        private HttpClient _plain;

        [GlobalSetup]
        public void Setup()
        {
            _origin = new LoopbackOrigin();
            ManualClock clock = new ManualClock(1795392000L);
            _fresh = new HttpCacheClient(new RamStore(8, 32 * 1024), new FixedTransport(), clock, new CacheOptions());
            _fresh.Get("http://device.example/config");
            _inMemory = new HttpCacheClient(new RamStore(8, 32 * 1024), new NotModifiedTransport(), clock, new CacheOptions());
            _inMemory.Get("http://device.example/config");
            _socket = new HttpCacheClient(new RamStore(8, 32 * 1024), new SocketTransport(), clock, new CacheOptions());
            _socket.Get(_origin.Url);
            _webRequest = new HttpCacheClient(new RamStore(8, 32 * 1024), new WebRequestTransport(), clock, new CacheOptions());
            _webRequest.Get(_origin.Url);
            _plain = new HttpClient();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _origin.Dispose();
            _plain.Dispose();
        }

        /// <summary>Baseline: no cache — HttpClient downloads the whole resource every poll.</summary>
        [Benchmark(Baseline = true)]
        public int NoCache_HttpClient_FullDownload() => _plain.GetByteArrayAsync(_origin.Url).GetAwaiter().GetResult().Length;

        /// <summary>A fresh hit: no I/O and no allocation (the entry's own CacheResponse is returned).</summary>
        [Benchmark]
        public int FreshHit_Engine() => _fresh.Get("http://device.example/config").Body.Length;

        /// <summary>Stale entry revalidated and answered 304 by an in-memory origin: the engine's whole 304 path, no I/O.</summary>
        [Benchmark]
        public int Revalidate304_InMemoryTransport() => _inMemory.Get("http://device.example/config").Body.Length;

        /// <summary>Stale entry revalidated with If-None-Match and answered 304, over the socket transport.</summary>
        [Benchmark]
        public int Revalidate304_SocketTransport() => _socket.Get(_origin.Url).Body.Length;

        /// <summary>The same over HttpWebRequest (on desktop: HttpClient underneath).</summary>
        [Benchmark]
        public int Revalidate304_WebRequestTransport() => _webRequest.Get(_origin.Url).Body.Length;

        /// <summary>Answers every request with the same fresh response (no network): isolates the engine.</summary>
        private sealed class FixedTransport : IHttpTransport
        {
            private static readonly byte[] Block = System.Text.Encoding.ASCII.GetBytes("Cache-Control: max-age=31536000\r\nETag: \"cfg\"\r\n\r\n");

            public OriginResponse Send(OriginRequest request) => new OriginResponse(200, "OK", Block, Block.Length, new byte[512], 512);
        }

        /// <summary>A stale-at-once config (max-age=0) first, then a 304 for every revalidation, as a device's origin sends it.</summary>
        private sealed class NotModifiedTransport : IHttpTransport
        {
            private static readonly byte[] Full = System.Text.Encoding.ASCII.GetBytes(
                "Date: Mon, 23 Nov 2026 00:00:00 GMT\r\nCache-Control: max-age=0\r\nETag: \"cfg-v1\"\r\nLast-Modified: Sun, 22 Nov 2026 00:00:00 GMT\r\nContent-Type: application/json\r\nContent-Length: 2048\r\n\r\n");

            private static readonly byte[] NotModified = System.Text.Encoding.ASCII.GetBytes(
                "Date: Mon, 23 Nov 2026 00:00:00 GMT\r\nCache-Control: max-age=0\r\nETag: \"cfg-v1\"\r\n\r\n");

            private bool _sent;

            public OriginResponse Send(OriginRequest request)
            {
                if (!_sent)
                {
                    _sent = true;
                    return new OriginResponse(200, "OK", Full, Full.Length, new byte[2048], 2048);
                }

                return new OriginResponse(304, "Not Modified", NotModified, NotModified.Length, null, 0);
            }
        }
    }
}
