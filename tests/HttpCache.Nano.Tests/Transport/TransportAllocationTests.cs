// Allocations per unchanged (304) poll for each transport — measured on desktop .NET (the device's runtime differs).
using System;
using System.Net.Sockets;
using System.Text;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    [DoNotParallelize]
    public class TransportAllocationTests
    {
        private const int Polls = 40;
        private const string FirstReply = "HTTP/1.1 200 OK\r\nCache-Control: max-age=0\r\nETag: \"cfg\"\r\nContent-Length: 12\r\n\r\n{\"on\":true}\n";
        private const string NotModified = "HTTP/1.1 304 Not Modified\r\nCache-Control: max-age=0\r\nETag: \"cfg\"\r\n\r\n";

        public TestContext TestContext { get; set; }

        // Process-wide bytes per poll: includes the loopback origin's own allocations, measured separately as the baseline.
        private static long PerPoll(Action poll)
        {
            poll();
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(true);
            for (int i = 0; i < Polls; i++)
            {
                poll();
            }

            return (GC.GetTotalAllocatedBytes(true) - before) / Polls;
        }

        private static long MeasureTransport(IHttpTransport transport)
        {
            using RawOrigin origin = new RawOrigin();
            origin.Then(FirstReply);
            for (int i = 0; i < Polls + 1; i++)
            {
                origin.Then(NotModified);
            }

            HttpCacheClient cache = new HttpCacheClient(new RamStore(4, 16 * 1024), transport, new ManualClock(1795392000L), new CacheOptions());
            string url = origin.Url("/config");
            cache.Get(url);
            long perPoll = PerPoll(() =>
            {
                CacheResponse response = cache.Get(url);
                Assert.AreEqual(CacheSource.CacheRevalidated, response.Source);
            });
            Assert.AreEqual(Polls + 2, origin.Connections);
            return perPoll;
        }

        private static long MeasureBaseline()
        {
            using RawOrigin origin = new RawOrigin();
            for (int i = 0; i < Polls + 1; i++)
            {
                origin.Then(NotModified);
            }

            byte[] request = Encoding.ASCII.GetBytes("GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: \"cfg\"\r\n\r\n");
            byte[] buffer = new byte[512];
            return PerPoll(() =>
            {
                using TcpClient client = new TcpClient("127.0.0.1", origin.Port);
                NetworkStream stream = client.GetStream();
                stream.Write(request);
                while (stream.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            });
        }

        [TestMethod]
        public void TheSocketTransportAllocatesLessPerUnchangedPollThanHttpWebRequest()
        {
            long baseline = MeasureBaseline();
            long socket = MeasureTransport(new SocketTransport());
            long webRequest = MeasureTransport(new WebRequestTransport());
            TestContext.WriteLine("desktop .NET 10, bytes allocated per unchanged (304) poll, process-wide:");
            TestContext.WriteLine($"  loopback exchange alone (raw TcpClient, origin included): {baseline}");
            TestContext.WriteLine($"  SocketTransport + engine:     {socket} (about {socket - baseline} above the raw exchange)");
            TestContext.WriteLine($"  WebRequestTransport + engine: {webRequest} (about {webRequest - baseline} above the raw exchange)");
            Assert.IsTrue(socket < webRequest, $"socket {socket} B/poll vs HttpWebRequest {webRequest} B/poll");
        }
    }
}
