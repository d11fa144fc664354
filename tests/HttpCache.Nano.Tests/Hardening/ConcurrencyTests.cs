// The client under many threads on overlapping keys, with revalidations and evictions racing.
using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Hardening
{
    [TestClass]
    public class ConcurrencyTests
    {
        // An origin whose body and ETag both carry the version, so a torn entry (body of one, headers of another) shows.
        private sealed class VersionedOrigin : IHttpTransport
        {
            private int _version;

            public void Bump() => Interlocked.Increment(ref _version);

            public OriginResponse Send(OriginRequest request)
            {
                int version = Volatile.Read(ref _version);
                string path = request.Url.Substring(request.Url.LastIndexOf('/') + 1);
                string etag = "\"" + path + "-" + version + "\"";
                Thread.SpinWait(200);
                if (request.Headers.Get("If-None-Match") == etag)
                {
                    byte[] block304 = Fixtures.Block("ETag: " + etag + "\nCache-Control: max-age=0");
                    return new OriginResponse(304, null, block304, block304.Length, null, 0);
                }

                if (version % 7 == 3)
                {
                    throw new HttpTransportException("flaky link");
                }

                byte[] block = Fixtures.Block("ETag: " + etag + "\nCache-Control: max-age=0, stale-if-error=60\nX-Version: " + version);
                byte[] body = Encoding.ASCII.GetBytes(path + "-" + version + new string('.', 100 + path.Length * 50));
                return new OriginResponse(200, null, block, block.Length, body, body.Length);
            }
        }

        [TestMethod]
        public void ManyThreadsOnOverlappingKeysSeeNoTornEntriesAndConsistentCounters()
        {
            VersionedOrigin origin = new VersionedOrigin();
            RamStore store = new RamStore(6, 2000);
            HttpCacheClient cache = new HttpCacheClient(store, origin, new SystemClock(), new CacheOptions());
            int errors = 0;
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
            {
                Random random = new Random(worker);
                for (int i = 0; i < 400; i++)
                {
                    string key = "k" + random.Next(10);
                    if (i % 50 == 0)
                    {
                        origin.Bump();
                    }

                    CacheResponse response = cache.Get("http://race.test/" + key);
                    if (response.StatusCode == 504)
                    {
                        continue;
                    }

                    string body = Encoding.ASCII.GetString(response.Body);
                    string version = response.GetHeader("X-Version");
                    if (!body.StartsWith(key + "-" + version + "."))
                    {
                        Interlocked.Increment(ref errors);
                    }

                    if (store.Bytes > 2000)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            });
            Assert.AreEqual(0, errors, "torn entries or budget overruns");
            CacheStats stats = cache.Stats;
            Assert.AreEqual(3200L, stats.Requests);
            Assert.AreEqual(stats.Requests, stats.FreshHits + stats.StaleServed + stats.NotModified + stats.FullResponses + stats.GatewayTimeouts + stats.PassThroughs, stats.ToString());
            Assert.IsTrue(stats.Evictions > 0 && stats.NotModified > 0, stats.ToString());
        }
    }
}
