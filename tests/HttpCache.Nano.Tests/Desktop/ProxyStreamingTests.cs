// The proxy streams a body it could never store to the client as it arrives, instead of holding it first.
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Desktop.Proxy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class ProxyStreamingTests
    {
        [TestMethod]
        public async Task ABodyOverTheBudgetReachesTheClientBeforeTheOriginHasSentItAll()
        {
            // The origin sends half the body, then waits for the client to have bytes in hand: a proxy that buffered the
            // whole body first would never give it any, and the test would time out instead.
            const int Size = 3 * 1024 * 1024;
            using SemaphoreSlim clientHasBytes = new SemaphoreSlim(0);
            byte[] half = new byte[Size / 2];
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.ETag = "\"big\"";
                context.Response.ContentLength = Size;
                await context.Response.Body.WriteAsync(half);
                await context.Response.Body.FlushAsync();
                if (!await clientHasBytes.WaitAsync(TimeSpan.FromSeconds(20), context.RequestAborted).ContinueWith(t => !t.IsFaulted && !t.IsCanceled && t.Result))
                {
                    return;
                }

                await context.Response.Body.WriteAsync(half);
            });
            await using CachingProxy proxy = new CachingProxy("http://127.0.0.1:0", origin.BaseUrl, new RamStore(16, 1 << 20), CacheMode.Shared, null);
            proxy.MaxBodyBytes = 1 << 20;
            await proxy.StartAsync();
            using HttpClient client = ProxyTests.Client();
            using HttpResponseMessage response = await client.GetAsync(proxy.Address + "/big.bin", HttpCompletionOption.ResponseHeadersRead);
            System.IO.Stream body = await response.Content.ReadAsStreamAsync();
            byte[] buffer = new byte[64 * 1024];
            int first = await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.IsTrue(first > 0, "bytes before the origin finished");
            clientHasBytes.Release(4);
            long total = first;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            Assert.AreEqual((long)Size, total);
        }

        [TestMethod]
        public async Task ConcurrentMissesForOneUrlMakeOneOriginRequest()
        {
            int requests = 0;
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                Interlocked.Increment(ref requests);
                await Task.Delay(400);
                context.Response.Headers.CacheControl = "max-age=60";
                context.Response.Headers.ETag = "\"c\"";
                await context.Response.WriteAsync("the config");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            Task<string>[] clients = new Task<string>[3];
            for (int i = 0; i < clients.Length; i++)
            {
                clients[i] = client.GetStringAsync(proxy.Address + "/config.json");
            }

            string[] bodies = await Task.WhenAll(clients);
            Assert.IsTrue(Array.TrueForAll(bodies, b => b == "the config"));
            Assert.AreEqual(1, requests, "three clients at once, one origin request");
            Assert.AreEqual(2L, proxy.Client.Stats.FreshHits, "the two that waited were answered from the cache");
        }
    }
}
