// RFC 9111 rules that cross the wire, through the proxy between a raw client and a raw origin on 127.0.0.1.
using System;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class ProxyRfcTests
    {
        private const string Date = "Date: Mon, 23 Nov 2026 10:00:00 GMT\r\n";

        // One request on its own connection, the whole raw answer back (status line, fields, body) as Latin-1.
        internal static async Task<string> RawGet(CachingProxy proxy, string target, string fields = "")
        {
            using TcpClient tcp = new TcpClient("127.0.0.1", new Uri(proxy.Address).Port);
            NetworkStream stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.Latin1.GetBytes("GET " + target + " HTTP/1.1\r\nHost: proxy\r\n" + fields + "Connection: close\r\n\r\n"));
            byte[] buffer = new byte[1 << 16];
            int total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total))) > 0)
            {
                total += read;
            }

            return Encoding.Latin1.GetString(buffer, 0, total);
        }

        [TestMethod]
        public async Task TheOriginsAgeTravelsWithAResponseFromTheNetworkAndGrowsInTheCache()
        {
            using RawOrigin origin = new RawOrigin();
            string date = "Date: " + DateTime.UtcNow.ToString("R") + "\r\n";
            origin.Then("HTTP/1.1 200 OK\r\n" + date + "Age: 7200\r\nCache-Control: max-age=3600\r\nETag: \"a\"\r\nContent-Length: 2\r\n\r\nok");
            origin.Then("HTTP/1.1 200 OK\r\n" + date + "Cache-Control: max-age=3600\r\nContent-Length: 2\r\n\r\nok");
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.Url(""));

            string first = await RawGet(proxy, "/aged");
            Assert.AreEqual(1, Count(first, "\r\nAge:"), first);
            long age = long.Parse(first.Substring(first.IndexOf("\r\nAge: ", StringComparison.Ordinal) + 7).Split('\r')[0]);
            Assert.IsTrue(age >= 7200 && age <= 7205, "already stale when it arrived, and the client must know: " + age);

            string fromOrigin = await RawGet(proxy, "/new");
            Assert.IsFalse(fromOrigin.Contains("\r\nAge:"), "no Age from the origin, none added: " + fromOrigin);
            string hit = await RawGet(proxy, "/new");
            StringAssert.Contains(hit, "\r\nAge: ", "a stored response's age: " + hit);
        }

        [TestMethod]
        public async Task AFieldWithAnEmptyValueIsForwarded()
        {
            using RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\n" + Date + "X-Empty: \r\nX-Bare:\r\nContent-Length: 2\r\n\r\nok");
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.Url(""));
            string raw = await RawGet(proxy, "/empty");
            StringAssert.Contains(raw, "\r\nX-Empty: \r\n", raw);
            StringAssert.Contains(raw, "\r\nX-Bare: \r\n", raw);
        }

        [TestMethod]
        public async Task AnOriginLostMidBodyGetsTheStoredResponseServedStaleUnlessItMustBeRevalidated()
        {
            using RawOrigin origin = new RawOrigin();
            const string Stored = "HTTP/1.1 200 OK\r\n" + Date + "ETag: \"a\"\r\nCache-Control: max-age=0{0}\r\nContent-Length: 6\r\n\r\nstored";
            const string Cut = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial";
            origin.Then(string.Format(Stored, "")).ThenReset(Cut);
            origin.Then(string.Format(Stored, ", must-revalidate")).ThenReset(Cut);
            origin.Then(string.Format(Stored, "")).Then(Cut);
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.Url(""));

            Assert.IsTrue((await RawGet(proxy, "/plain")).EndsWith("stored"));
            string stale = await RawGet(proxy, "/plain");
            StringAssert.StartsWith(stale, "HTTP/1.1 200 OK\r\n", stale);
            Assert.IsTrue(stale.EndsWith("\r\n\r\nstored"), "the stored body, never the partial one: " + stale);
            Assert.AreEqual(1L, proxy.Client.Stats.StaleOffline);

            Assert.IsTrue((await RawGet(proxy, "/strict")).EndsWith("stored"));
            string strict = await RawGet(proxy, "/strict");
            StringAssert.StartsWith(strict, "HTTP/1.1 504 ", "must-revalidate: RFC 9111 5.2.2.2 asks for a 504");

            // A client's no-cache forbids the stale copy too.
            Assert.IsTrue((await RawGet(proxy, "/nocache")).EndsWith("stored"));
            StringAssert.StartsWith(await RawGet(proxy, "/nocache", "Cache-Control: no-cache\r\n"), "HTTP/1.1 504 ");
        }

        [TestMethod]
        public async Task WithoutStaleOnErrorALostOriginAnswers504AndNothingStoredAnswers502()
        {
            using RawOrigin origin = new RawOrigin();
            origin.Then("HTTP/1.1 200 OK\r\n" + Date + "ETag: \"a\"\r\nCache-Control: max-age=0\r\nContent-Length: 6\r\n\r\nstored");
            origin.ThenReset("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart");
            origin.ThenReset("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart");
            CachingProxy proxy = new CachingProxy("http://127.0.0.1:0", origin.Url(""), new HttpCache.Nano.Storage.RamStore(16, 1 << 20), CacheMode.Shared, null, false);
            await using CachingProxy _ = proxy;
            await proxy.StartAsync();
            Assert.IsTrue((await RawGet(proxy, "/x")).EndsWith("stored"));
            StringAssert.StartsWith(await RawGet(proxy, "/x"), "HTTP/1.1 504 ");
            StringAssert.StartsWith(await RawGet(proxy, "/never-stored"), "HTTP/1.1 502 ");
            Assert.AreEqual(0L, proxy.Client.Stats.StaleServed);
        }

        [TestMethod]
        public async Task AnUnquotedETagIsSentBackVerbatimAndItsNotModifiedServesTheStoredBody()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = "0x8D5AB12";
                if (context.Request.Headers.IfNoneMatch == "0x8D5AB12")
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                await context.Response.WriteAsync("blob");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            Assert.IsTrue((await RawGet(proxy, "/blob")).EndsWith("blob"));
            string second = await RawGet(proxy, "/blob");
            StringAssert.StartsWith(second, "HTTP/1.1 200 OK");
            Assert.IsTrue(second.EndsWith("blob"), second);
            Assert.AreEqual("0x8D5AB12", origin.Seen[1].Header("If-None-Match"));
            Assert.AreEqual(1L, proxy.Client.Stats.NotModified, "a 304, not a second download");
        }

        [TestMethod]
        public async Task MustUnderstandKeepsAnUnknownStatusOutOfTheCache()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.StatusCode = context.Request.Path == "/unknown" ? 599 : 200;
                context.Response.Headers.CacheControl = "max-age=600, no-store, must-understand";
                await context.Response.WriteAsync("x");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            for (int i = 0; i < 2; i++)
            {
                StringAssert.StartsWith(await RawGet(proxy, "/unknown"), "HTTP/1.1 599 ");
                StringAssert.StartsWith(await RawGet(proxy, "/known"), "HTTP/1.1 200 ");
            }

            Assert.AreEqual(2, origin.Seen.Count(r => r.PathAndQuery == "/unknown"), "599 is not understood: never stored");
            Assert.AreEqual(1, origin.Seen.Count(r => r.PathAndQuery == "/known"), "200 is understood: no-store set aside");
        }

        private static int Count(string text, string part)
        {
            int count = 0;
            for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
