// The proxy is a shared cache by default (RFC 9111): what one user's request fetched for that user alone never
// reaches another. Each scenario runs through the proxy against a Kestrel origin on 127.0.0.1.
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class SharedProxyTests
    {
        // An account page naming the session it was asked with: private to that user, fresh for a minute.
        private static Task<TestOrigin> AccountOrigin()
        {
            return TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "private, max-age=60";
                string cookie = context.Request.Headers.Cookie.ToString();
                await context.Response.WriteAsync("account page of " + (cookie.Length == 0 ? "nobody" : cookie.Substring(cookie.IndexOf('=') + 1)));
            });
        }

        private static async Task<HttpResponseMessage> Get(HttpClient client, string url, string header = null, string value = null)
        {
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, url);
            if (header != null)
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }

            return await client.SendAsync(request);
        }

        private static async Task<string> Body(HttpClient client, string url, string header = null, string value = null)
        {
            return await (await Get(client, url, header, value)).Content.ReadAsStringAsync();
        }

        [TestMethod]
        public async Task EachUserGetsTheirOwnPrivatePage()
        {
            await using TestOrigin origin = await AccountOrigin();
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            Assert.AreEqual("account page of alice", await Body(client, proxy.Address + "/account", "Cookie", "session=alice"));
            Assert.AreEqual("account page of bob", await Body(client, proxy.Address + "/account", "Cookie", "session=bob"));
            Assert.AreEqual("account page of nobody", await Body(client, proxy.Address + "/account"));
            Assert.AreEqual(3, origin.Seen.Count, "private responses are never stored by the shared proxy");
        }

        [TestMethod]
        public async Task PrivateModeReusesThePageForEveryClient()
        {
            await using TestOrigin origin = await AccountOrigin();
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl, CacheMode.Private);
            using HttpClient client = ProxyTests.Client();
            Assert.AreEqual("account page of alice", await Body(client, proxy.Address + "/account", "Cookie", "session=alice"));
            Assert.AreEqual("account page of alice", await Body(client, proxy.Address + "/account", "Cookie", "session=alice"));
            Assert.AreEqual("account page of alice", await Body(client, proxy.Address + "/account"), "--private: one user's cache, as documented");
            Assert.AreEqual(1, origin.Seen.Count);
        }

        [TestMethod]
        public async Task ACookieSetForOneUserIsNeverHandedToAnother()
        {
            int sessions = 0;
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                int session = System.Threading.Interlocked.Increment(ref sessions);
                context.Response.Headers.SetCookie = "session=s" + session;
                context.Response.Headers.CacheControl = context.Request.Path == "/withheld" ? "private=\"Set-Cookie\", max-age=60" : "max-age=60";
                await context.Response.WriteAsync("welcome");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();

            // private="Set-Cookie": stored without the cookie; the user who fetched it still gets theirs.
            HttpResponseMessage first = await Get(client, proxy.Address + "/withheld");
            Assert.AreEqual("session=s1", first.Headers.GetValues("Set-Cookie").Single());
            HttpResponseMessage second = await Get(client, proxy.Address + "/withheld");
            Assert.AreEqual("welcome", await second.Content.ReadAsStringAsync());
            Assert.IsTrue(second.Headers.Age.HasValue, "served from the cache");
            Assert.IsFalse(second.Headers.Contains("Set-Cookie"), "the first user's cookie is not replayed");
            Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/withheld"));

            // A plain Set-Cookie: not stored at all, every user gets a session of their own.
            Assert.AreEqual("session=s2", (await Get(client, proxy.Address + "/plain")).Headers.GetValues("Set-Cookie").Single());
            Assert.AreEqual("session=s3", (await Get(client, proxy.Address + "/plain")).Headers.GetValues("Set-Cookie").Single());
            Assert.AreEqual(2, origin.Seen.Count(r => r.PathAndQuery == "/plain"));
        }

        [TestMethod]
        public async Task SMaxAgeOverridesMaxAgeInTheSharedProxyOnly()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = context.Request.Path == "/shared-longer" ? "max-age=0, s-maxage=600" : "max-age=600, s-maxage=0";
                context.Response.Headers.ETag = "\"v1\"";
                if (context.Request.Headers.IfNoneMatch == "\"v1\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                await context.Response.WriteAsync("body");
            });
            using HttpClient client = ProxyTests.Client();
            await using (CachingProxy shared = await ProxyTests.StartProxy(origin.BaseUrl))
            {
                await Body(client, shared.Address + "/shared-longer");
                await Body(client, shared.Address + "/shared-longer");
                await Body(client, shared.Address + "/shared-shorter");
                await Body(client, shared.Address + "/shared-shorter");
                Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/shared-longer"), "s-maxage=600 keeps it fresh for the shared proxy");
                Assert.AreEqual(2, origin.Seen.Count(r => r.PathAndQuery == "/shared-shorter"), "s-maxage=0 makes the shared proxy revalidate");
                Assert.AreEqual(1L, shared.Client.Stats.NotModified);
            }

            await using (CachingProxy single = await ProxyTests.StartProxy(origin.BaseUrl, CacheMode.Private))
            {
                await Body(client, single.Address + "/shared-longer");
                await Body(client, single.Address + "/shared-longer");
                await Body(client, single.Address + "/shared-shorter");
                await Body(client, single.Address + "/shared-shorter");
                Assert.AreEqual(3, origin.Seen.Count(r => r.PathAndQuery == "/shared-longer"), "a private cache reads max-age=0: a fetch, then a revalidation");
                Assert.AreEqual(3, origin.Seen.Count(r => r.PathAndQuery == "/shared-shorter"), "a private cache reads max-age=600: one fetch, then hits");
            }
        }

        [TestMethod]
        public async Task AnAuthorizedResponseIsReusedOnlyWhenTheResponseAllowsIt()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = context.Request.Path == "/public" ? "public, max-age=60" : "max-age=60";
                await context.Response.WriteAsync("report for " + context.Request.Headers.Authorization);
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            Assert.AreEqual("report for Bearer alice", await Body(client, proxy.Address + "/plain", "Authorization", "Bearer alice"));
            Assert.AreEqual("report for Bearer alice", await Body(client, proxy.Address + "/plain", "Authorization", "Bearer alice"));
            Assert.AreEqual(2, origin.Seen.Count(r => r.PathAndQuery == "/plain"), "without public, s-maxage or must-revalidate: not stored (RFC 9111 3.5)");

            Assert.AreEqual("report for Bearer alice", await Body(client, proxy.Address + "/public", "Authorization", "Bearer alice"));
            Assert.AreEqual("report for Bearer alice", await Body(client, proxy.Address + "/public", "Authorization", "Bearer alice"));
            Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/public"), "public: stored and reused");
            // RFC 9111 3.5: a response that says it may be shared serves other requests, whatever their credential.
            Assert.AreEqual("report for Bearer alice", await Body(client, proxy.Address + "/public", "Authorization", "Bearer bob"));
            Assert.AreEqual("report for Bearer alice", await Body(client, proxy.Address + "/public"));
            Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/public"), "public: reused for a second user and for none");
        }
    }
}
