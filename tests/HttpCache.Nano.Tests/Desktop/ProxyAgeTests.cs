// Age through the proxy, exact: an origin's Age leaves as it came (a loopback exchange adds no second), a hit within
// the same second says the same, and a max-age=1 response is reused within its second.
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
    public class ProxyAgeTests
    {
        [TestMethod]
        public async Task AnUpstreamAgeLeavesAsItCameThroughAMissAndAHit()
        {
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                context.Response.Headers.CacheControl = context.Request.Path == "/old" ? "max-age=3600" : "max-age=600";
                context.Response.Headers.Age = context.Request.Path == "/old" ? "7200" : "10";
                await context.Response.WriteAsync("x");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();
            HttpResponseMessage miss = await client.GetAsync(proxy.Address + "/a");
            HttpResponseMessage hit = await client.GetAsync(proxy.Address + "/a");
            long missAge = (long)miss.Headers.Age.Value.TotalSeconds;
            long hitAge = (long)hit.Headers.Age.Value.TotalSeconds;
            Assert.AreEqual(10L, missAge, "10 from the origin, not 11");
            Assert.IsTrue(hitAge == 10 || hitAge == 11, "a hit moments later: " + hitAge);
            Assert.AreEqual(7200L, (long)(await client.GetAsync(proxy.Address + "/old")).Headers.Age.Value.TotalSeconds, "7200 of 3600, not 7201");
        }

        [TestMethod]
        public async Task AMaxAgeOfOneSecondIsReusedWithinThatSecond()
        {
            int requests = 0;
            await using TestOrigin origin = await TestOrigin.StartAsync(async context =>
            {
                Interlocked.Increment(ref requests);
                context.Response.Headers.CacheControl = "max-age=1";

                // Now, not Kestrel's Date, which its timer refreshes once a second and so can be a second behind.
                context.Response.Headers.Date = System.DateTime.UtcNow.ToString("R");
                await context.Response.WriteAsync("x");
            });
            await using CachingProxy proxy = await ProxyTests.StartProxy(origin.BaseUrl);
            using HttpClient client = ProxyTests.Client();

            // Dated to the second, the response may be a second old on arrival if a second boundary falls in between
            // (RFC 9111's apparent age): try a few times for a pair that starts early in a second.
            bool reused = false;
            for (int attempt = 0; attempt < 5 && !reused; attempt++)
            {
                while (System.DateTime.UtcNow.Millisecond > 300)
                {
                    await Task.Delay(10);
                }

                int before = requests;
                await client.GetAsync(proxy.Address + "/one-" + attempt);
                await Task.Delay(25);
                await client.GetAsync(proxy.Address + "/one-" + attempt);
                reused = requests == before + 1;
            }

            Assert.IsTrue(reused, "two GETs 25 ms apart: one origin request");
        }
    }
}
