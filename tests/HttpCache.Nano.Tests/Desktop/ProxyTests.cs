// The caching reverse proxy between an HttpClient and a Kestrel (or raw TCP) origin on 127.0.0.1.
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class ProxyTests
    {
        internal static async Task<CachingProxy> StartProxy(string origin, CacheMode mode = CacheMode.Shared)
        {
            CachingProxy proxy = new CachingProxy("http://127.0.0.1:0", origin, new RamStore(256, 16 << 20), mode, null);
            await proxy.StartAsync();
            return proxy;
        }

        internal static HttpClient Client() => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });

        [TestMethod]
        public async Task HitsAreServedWithAgeAndRevalidationsCostA304()
        {
            var (origin, resources) = await ResourceOrigin.StartAsync();
            await using TestOrigin _ = origin;
            resources["/fresh"] = new Resource { Body = Encoding.UTF8.GetBytes("fresh-body"), CacheControl = "max-age=600", ETag = "\"f\"" };
            resources["/etag"] = new Resource { Body = Encoding.UTF8.GetBytes("etag-body"), ETag = "\"e\"" };
            await using CachingProxy proxy = await StartProxy(origin.BaseUrl);
            using HttpClient client = Client();
            Assert.AreEqual("fresh-body", await client.GetStringAsync(proxy.Address + "/fresh"));
            HttpResponseMessage hit = await client.GetAsync(proxy.Address + "/fresh");
            Assert.AreEqual("fresh-body", await hit.Content.ReadAsStringAsync());
            Assert.IsTrue(hit.Headers.Age.HasValue, "Age on a cached response");
            Assert.IsFalse(hit.Headers.Contains("Server"));
            Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/fresh"));

            Assert.AreEqual("etag-body", await client.GetStringAsync(proxy.Address + "/etag"));
            Assert.AreEqual("etag-body", await client.GetStringAsync(proxy.Address + "/etag"));
            SeenRequest revalidation = origin.Seen.Last(r => r.PathAndQuery == "/etag");
            Assert.AreEqual("\"e\"", revalidation.Header("If-None-Match"));
            Assert.AreEqual(1L, proxy.Client.Stats.NotModified);
        }

        [TestMethod]
        public async Task VariantsAreKeptApartByVary()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=600";
                context.Response.Headers.Vary = "Accept-Language";
                await context.Response.WriteAsync(context.Request.Headers.AcceptLanguage.ToString() == "de" ? "Hallo" : "Hello");
            });
            await using CachingProxy proxy = await StartProxy(origin.BaseUrl);
            using HttpClient client = Client();
            async Task<string> Get(string language)
            {
                using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, proxy.Address + "/greeting");
                request.Headers.TryAddWithoutValidation("Accept-Language", language);
                return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            }

            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual(i % 2 == 0 ? "Hello" : "Hallo", await Get(i % 2 == 0 ? "en" : "de"), "request " + i);
            }

            Assert.AreEqual(2, origin.Seen.Count, "two variants of one URI, each fetched once, alternating 100 times");
        }

        [TestMethod]
        public async Task UnsafeMethodsAreForwardedAndInvalidate()
        {
            int version = 1;
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                if (context.Request.Method == "PUT")
                {
                    version++;
                    context.Response.StatusCode = 204;
                    return;
                }

                context.Response.Headers.CacheControl = "max-age=600";
                await context.Response.WriteAsync("v" + version);
            });
            await using CachingProxy proxy = await StartProxy(origin.BaseUrl);
            using HttpClient client = Client();
            Assert.AreEqual("v1", await client.GetStringAsync(proxy.Address + "/item"));
            Assert.AreEqual("v1", await client.GetStringAsync(proxy.Address + "/item"));
            HttpResponseMessage put = await client.PutAsync(proxy.Address + "/item", new StringContent("new"));
            Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
            Assert.AreEqual("v2", await client.GetStringAsync(proxy.Address + "/item"));
            Assert.AreEqual(3, origin.Seen.Count);
            Assert.AreEqual("PUT", origin.Seen[1].Method);
        }

        [TestMethod]
        public async Task HopByHopFieldsAreStrippedBothWays()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.Append("Connection", "X-Hop");
                context.Response.Headers.Append("X-Hop", "secret");
                context.Response.Headers.Append("X-End", "kept");
                await context.Response.WriteAsync("ok");
            });
            await using CachingProxy proxy = await StartProxy(origin.BaseUrl);
            using HttpClient client = Client();
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, proxy.Address + "/h");
            request.Headers.TryAddWithoutValidation("Connection", "X-Client-Hop");
            request.Headers.TryAddWithoutValidation("X-Client-Hop", "1");
            request.Headers.TryAddWithoutValidation("X-Client-End", "2");
            HttpResponseMessage response = await client.SendAsync(request);
            Assert.IsFalse(response.Headers.Contains("X-Hop"));
            Assert.AreEqual("kept", response.Headers.GetValues("X-End").Single());
            Assert.IsNull(origin.Seen[0].Header("X-Client-Hop"));
            Assert.AreEqual("2", origin.Seen[0].Header("X-Client-End"));
        }

        [TestMethod]
        public async Task OddHeaderValuesRoundTripByteForByte()
        {
            using RawOrigin origin = new RawOrigin();
            byte[] odd = Encoding.Latin1.GetBytes("X-Odd: caf\u00e9  \t;q=\"a,b\" \u00ff\u00a0end\r\n");
            origin.Then(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Length: 2\r\n").Concat(odd).Concat(Encoding.Latin1.GetBytes("\r\nok")).ToArray());
            await using CachingProxy proxy = await StartProxy(origin.Url(""));
            using TcpClient tcp = new TcpClient("127.0.0.1", new Uri(proxy.Address).Port);
            NetworkStream stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.Latin1.GetBytes("GET /odd HTTP/1.1\r\nHost: proxy\r\nX-Req: caf\u00e9\r\nConnection: close\r\n\r\n"));
            byte[] buffer = new byte[4096];
            int total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total))) > 0)
            {
                total += read;
            }

            string raw = Encoding.Latin1.GetString(buffer, 0, total);
            StringAssert.Contains(raw, "X-Odd: caf\u00e9  \t;q=\"a,b\" \u00ff\u00a0end\r\n", raw);
            StringAssert.Contains(raw, "Date: Mon, 23 Nov 2026 10:00:00 GMT\r\n", "the origin's Date is kept");
            Assert.IsFalse(raw.Contains("Server:"), raw);
        }

        [TestMethod]
        public async Task AnUnreachableOriginAnswers502()
        {
            await using CachingProxy proxy = await StartProxy("http://127.0.0.1:1");
            using HttpClient client = Client();
            HttpResponseMessage response = await client.GetAsync(proxy.Address + "/x");
            Assert.AreEqual(HttpStatusCode.BadGateway, response.StatusCode);
        }

        [TestMethod]
        public async Task TwentyConcurrentClientsGetCorrectAnswers()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = "\"" + context.Request.Path.Value.Trim('/') + "\"";
                if (context.Request.Headers.IfNoneMatch.ToString() == "\"" + context.Request.Path.Value.Trim('/') + "\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                await context.Response.WriteAsync("body-of-" + context.Request.Path.Value.Trim('/') + new string('.', 200));
            });
            await using CachingProxy proxy = await StartProxy(origin.BaseUrl);
            using HttpClient client = Client();
            Task[] clients = Enumerable.Range(0, 20).Select(c => Task.Run(async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    string key = "k" + ((c + i) % 5);
                    string body = await client.GetStringAsync(proxy.Address + "/" + key);
                    Assert.AreEqual("body-of-" + key + new string('.', 200), body);
                }
            })).ToArray();
            await Task.WhenAll(clients);
            CacheStats stats = proxy.Client.Stats;
            Assert.AreEqual(200L, stats.Requests);
            Assert.AreEqual(stats.Requests, stats.FreshHits + stats.StaleServed + stats.NotModified + stats.FullResponses + stats.GatewayTimeouts + stats.PassThroughs);
            Assert.IsTrue(stats.NotModified > 100, stats.ToString());
        }
    }
}
