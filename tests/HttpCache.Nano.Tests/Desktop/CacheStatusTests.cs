// Cache-Status (RFC 9211) on every proxy response: hit, miss, revalidated, stale, collapsed, upstream members kept.
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class CacheStatusTests
    {
        private static string Status(HttpResponseMessage response) => string.Join(", ", response.Headers.GetValues("Cache-Status"));

        [TestMethod]
        public async Task AMissAHitAndARevalidationSayWhatTheCacheDid()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.ETag = "\"v\"";
                context.Response.Headers.CacheControl = context.Request.Path == "/fresh" ? "max-age=600" : "max-age=0";
                if (context.Request.Headers.IfNoneMatch == "\"v\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                await context.Response.WriteAsync("body");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            string miss = Status(await client.GetAsync(proxy.Address + "/fresh"));
            // ttl is 600, or 599 when the origin's Date (refreshed once a second) is a second behind.
            StringAssert.StartsWith(miss, "httpcache; fwd=uri-miss; fwd-status=200; ttl=");
            StringAssert.Contains(miss, "; stored; key=\"GET http://127.0.0.1:");
            string hit = Status(await client.GetAsync(proxy.Address + "/fresh"));
            StringAssert.StartsWith(hit, "httpcache; hit; ttl=");
            StringAssert.Contains(hit, "/fresh\"");

            await client.GetAsync(proxy.Address + "/stale");
            string revalidated = Status(await client.GetAsync(proxy.Address + "/stale"));
            StringAssert.StartsWith(revalidated, "httpcache; fwd=stale; fwd-status=304; ttl=");
            StringAssert.Contains(revalidated, "; stored;");
            string posted = Status(await client.PostAsync(proxy.Address + "/stale", new StringContent("x")));
            StringAssert.StartsWith(posted, "httpcache; fwd=method; fwd-status=");
        }

        [TestMethod]
        public async Task AnUpstreamCacheStatusIsKeptAndOursFollowsItAndTheNameIsConfigurable()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers["Cache-Status"] = "ExampleCDN; hit";
                context.Response.Headers.CacheControl = "max-age=60";
                await context.Response.WriteAsync("x");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            proxy.CacheStatusName = "edge-1";
            using HttpClient client = ProxyTests.Client();
            StringAssert.StartsWith(Status(await client.GetAsync(proxy.Address + "/a")), "ExampleCDN; hit, edge-1; fwd=uri-miss");
            StringAssert.StartsWith(Status(await client.GetAsync(proxy.Address + "/a")), "ExampleCDN; hit, edge-1; hit");
        }

        [TestMethod]
        public async Task CollapsedRequestsSaySo()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                await Task.Delay(300);
                context.Response.Headers.CacheControl = "max-age=60";
                await context.Response.WriteAsync("x");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync(proxy.Address + "/c")));
            string[] statuses = responses.Select(Status).ToArray();
            Assert.AreEqual(1, statuses.Count(s => s.Contains("fwd=uri-miss")), string.Join(" | ", statuses));
            Assert.AreEqual(2, statuses.Count(s => s.Contains("; hit") && s.Contains("; collapsed")), string.Join(" | ", statuses));
        }

        [TestMethod]
        public async Task ALostOriginsStaleCopyAndAStreamedBodySayWhatHappened()
        {
            bool down = false;
            byte[] large = new byte[200 * 1024];
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                if (Volatile.Read(ref down))
                {
                    context.Abort();
                    return;
                }

                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = "\"1\"";
                await context.Response.Body.WriteAsync(context.Request.Path == "/large" ? large : new byte[] { 1 });
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            StringAssert.StartsWith(Status(await client.GetAsync(proxy.Address + "/large")), "httpcache; fwd=uri-miss; fwd-status=200; key=");
            await client.GetAsync(proxy.Address + "/small");
            Volatile.Write(ref down, true);
            string stale = Status(await client.GetAsync(proxy.Address + "/small"));
            StringAssert.Contains(stale, "detail=stale-offline");
        }

        [TestMethod]
        public async Task TheProxyObeysCdnCacheControlAheadOfCacheControlUnlessPrivate()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers["CDN-Cache-Control"] = "max-age=60";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsync("x");
            });
            foreach (CacheMode mode in new[] { CacheMode.Shared, CacheMode.Private })
            {
                await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl, mode);
                proxy.Client.Options.TargetedField = "CDN-Cache-Control";
                using HttpClient client = ProxyTests.Client();
                await client.GetAsync(proxy.Address + "/" + mode);
                HttpResponseMessage second = await client.GetAsync(proxy.Address + "/" + mode);
                Assert.AreEqual("max-age=60", second.Headers.GetValues("CDN-Cache-Control").Single(), "passed on unchanged");
                Assert.AreEqual(mode == CacheMode.Shared, Status(second).Contains("; hit"), mode + ": " + Status(second));
            }
        }
    }
}
