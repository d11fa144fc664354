// WebRequestTransportDeviceTests: WebRequestTransport on nanoFramework's own HttpWebRequest (nanoCLR, loopback).
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;
using nanoFramework.TestFramework;

namespace HttpCache.Nano.Tests.DeviceTransport
{
    [TestClass]
    public class WebRequestTransportDeviceTests
    {
        private static void PollTwice(string url, WebRequestTransport transport)
        {
            HttpCacheClient client = new HttpCacheClient(new RamStore(8, 32 * 1024), transport);
            CacheResponse first = client.Get(url);
            Assert.AreEqual(200, first.StatusCode, "first: " + first.Error);
            Assert.AreEqual((int)CacheSource.Network, (int)first.Source);
            CacheResponse second = client.Get(url);
            Assert.AreEqual(200, second.StatusCode, "second: " + second.Error);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)second.Source, "If-None-Match got a 304");
            Assert.AreEqual(first.Body.Length, second.Body.Length);
        }

        [TestMethod]
        public void HttpPollIsA200ThenA304AndEachRequestOpensAConnection()
        {
            SocketTransportDeviceTests.ResetServer();
            PollTwice("http://127.0.0.1:" + LoopbackOrigin.HttpPort + "/etag", new WebRequestTransport());

            // nanoFramework's HttpWebRequest keeps no connection between requests: each request is a new connection
            // (and over https a new handshake), which is why SocketTransport is the poller's transport.
            int connections = SocketTransportDeviceTests.ServerConnections("http://127.0.0.1:" + LoopbackOrigin.HttpPort + "/stats") - 1;
            OutputHelper.WriteLine("HttpWebRequest: 2 requests, " + connections + " connection(s)");
            Assert.AreEqual(2, connections);
        }

        [TestMethod]
        public void HttpsWithAPinnedRootIsA200ThenA304()
        {
            WebRequestTransport transport = new WebRequestTransport();
            transport.RootCertificate = new System.Security.Cryptography.X509Certificates.X509Certificate(LoopbackOrigin.RootPem);
            PollTwice("https://localhost:" + LoopbackOrigin.HttpsPort + "/etag", transport);
        }
    }
}
