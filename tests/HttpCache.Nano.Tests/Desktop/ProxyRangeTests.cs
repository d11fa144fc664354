// Byte ranges through the proxy, against a Kestrel origin that implements them (Results.Bytes with range processing).
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class ProxyRangeTests
    {
        private static readonly byte[] Data = Enumerable.Range(0, 4000).Select(i => (byte)(i * 7)).ToArray();

        private static Task<TestOrigin> Origin(string etag) => TestOrigin.StartAsync(async context =>
        {
            context.Response.Headers.CacheControl = "max-age=600";
            await Results.Bytes(Data, "application/octet-stream", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag), enableRangeProcessing: true).ExecuteAsync(context);
        });

        private static async Task<HttpResponseMessage> Get(HttpClient client, string url, long? from, long? to, string ifRange = null)
        {
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, url);
            if (from.HasValue || to.HasValue)
            {
                request.Headers.Range = new RangeHeaderValue(from, to);
            }

            if (ifRange != null)
            {
                request.Headers.TryAddWithoutValidation("If-Range", ifRange);
            }

            return await client.SendAsync(request);
        }

        [TestMethod]
        public async Task APartIsStoredThenCompletedWithOnlyTheMissingBytes()
        {
            await using TestOrigin origin = await Origin("\"v1\"");
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            string url = proxy.Address + "/blob";

            HttpResponseMessage head = await Get(client, url, 0, 999);
            Assert.AreEqual(HttpStatusCode.PartialContent, head.StatusCode);
            CollectionAssert.AreEqual(Data.Take(1000).ToArray(), await head.Content.ReadAsByteArrayAsync());

            HttpResponseMessage middle = await Get(client, url, 500, 1999);
            Assert.AreEqual(HttpStatusCode.PartialContent, middle.StatusCode);
            Assert.AreEqual("bytes 500-1999/4000", middle.Content.Headers.ContentRange.ToString());
            CollectionAssert.AreEqual(Data.Skip(500).Take(1500).ToArray(), await middle.Content.ReadAsByteArrayAsync());
            Assert.AreEqual("bytes=1000-", origin.Seen[1].Header("Range"), "only the missing bytes were asked for");
            Assert.AreEqual("\"v1\"", origin.Seen[1].Header("If-Range"));

            HttpResponseMessage whole = await client.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.OK, whole.StatusCode);
            CollectionAssert.AreEqual(Data, await whole.Content.ReadAsByteArrayAsync());
            Assert.IsTrue(whole.Headers.Age.HasValue, "served from the cache");
            Assert.AreEqual(2, origin.Seen.Count);
        }

        [TestMethod]
        public async Task IfRangeWithAChangedETagGetsTheWholeResponse()
        {
            await using TestOrigin origin = await Origin("\"v2\"");
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            string url = proxy.Address + "/blob";
            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

            HttpResponseMessage stale = await Get(client, url, 0, 9, "\"v1\"");
            Assert.AreEqual(HttpStatusCode.OK, stale.StatusCode, "the client's copy is of another version: the whole representation");
            Assert.AreEqual(4000, (await stale.Content.ReadAsByteArrayAsync()).Length);

            HttpResponseMessage current = await Get(client, url, 0, 9, "\"v2\"");
            Assert.AreEqual(HttpStatusCode.PartialContent, current.StatusCode);
            CollectionAssert.AreEqual(Data.Take(10).ToArray(), await current.Content.ReadAsByteArrayAsync());

            HttpResponseMessage beyond = await Get(client, url, 5000, null);
            Assert.AreEqual(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
            Assert.AreEqual("bytes */4000", beyond.Content.Headers.ContentRange.ToString());
            Assert.AreEqual(1, origin.Seen.Count, "all answered from the stored response");
        }

        [TestMethod]
        public async Task ABodyLargerThanTheBudgetIsStreamedThroughNotAnOutage()
        {
            byte[] large = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)(i * 13)).ToArray();
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=600";
                if (context.Request.Path == "/chunked")
                {
                    await context.Response.Body.WriteAsync(large);
                    return;
                }

                context.Response.ContentLength = large.Length;
                await context.Response.Body.WriteAsync(large);
            });
            System.IO.StringWriter log = new System.IO.StringWriter();
            await using CachingProxy proxy = new CachingProxy("http://127.0.0.1:0", origin.BaseUrl, new HttpCache.Nano.Storage.RamStore(16, 8 << 20), CacheMode.Shared, log) { MaxBodyBytes = 1 << 20 };
            await proxy.StartAsync();
            using HttpClient client = ProxyTests.Client();
            foreach (string path in new[] { "/sized", "/chunked" })
            {
                HttpResponseMessage response = await client.GetAsync(proxy.Address + path);
                Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
                CollectionAssert.AreEqual(large, await response.Content.ReadAsByteArrayAsync(), path);
            }

            string lines;
            lock (log)
            {
                lines = log.ToString();
            }

            StringAssert.Contains(lines, "/sized -> 200 PASS(too-large)");
            StringAssert.Contains(lines, "/chunked -> 200 PASS(too-large)");
            Assert.IsFalse(lines.Contains("ORIGIN-DOWN"), lines);
            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(proxy.Address + "/sized")).StatusCode);
            Assert.AreEqual(2, origin.Seen.Count(r => r.PathAndQuery == "/sized"), "each request one origin request, streamed to the client as it arrived; never stored");
            Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/chunked"));
        }
    }
}
