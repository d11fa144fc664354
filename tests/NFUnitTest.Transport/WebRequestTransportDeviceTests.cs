// WebRequestTransportDeviceTests: WebRequestTransport on nanoFramework's own HttpWebRequest (nanoCLR, loopback).
using HttpCache.Nano.Transport;
using nanoFramework.TestFramework;

namespace HttpCache.Nano.Tests.DeviceTransport
{
    [TestClass]
    public class WebRequestTransportDeviceTests
    {
        [TestMethod]
        public void HttpPollIsA200ThenA304AndEachRequestOpensAConnection()
        {
            SocketTransportDeviceTests.ResetServer();
            SocketTransportDeviceTests.PollTwice(new WebRequestTransport(), "http://127.0.0.1:" + LoopbackOrigin.HttpPort + "/etag");

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
            SocketTransportDeviceTests.PollTwice(transport, "https://localhost:" + LoopbackOrigin.HttpsPort + "/etag");
        }

        [TestMethod]
        public void ARefusedPortIsReportedAsRefused()
        {
            HttpTransportException failure = Failure(new WebRequestTransport(), "http://127.0.0.1:" + LoopbackOrigin.ClosedPort + "/");
            Assert.AreEqual((int)TransportFailure.Refused, (int)failure.Failure, failure.Message);
        }

        [TestMethod]
        public void ACertificateUnderAnotherRootIsRejectedAsTls()
        {
            WebRequestTransport transport = new WebRequestTransport();
            transport.RootCertificate = new System.Security.Cryptography.X509Certificates.X509Certificate(LoopbackOrigin.RootPem);
            HttpTransportException failure = Failure(transport, "https://localhost:" + LoopbackOrigin.OtherRootPort + "/etag");

            // HttpWebRequest's default is not to verify the server: without CertificateRequired this was accepted.
            Assert.AreEqual((int)TransportFailure.Tls, (int)failure.Failure, failure.Message);
            Assert.AreEqual(-9984, failure.ErrorCode, failure.Message);
        }

        private static HttpTransportException Failure(WebRequestTransport transport, string url)
        {
            try
            {
                transport.Send(new OriginRequest(HttpMethods.Get, url, null, null));
            }
            catch (HttpTransportException e)
            {
                OutputHelper.WriteLine("HttpWebRequest failure: " + e.Message + " (" + e.ErrorCode + ")");
                return e;
            }

            Assert.IsTrue(false, "no failure from " + url);
            return null;
        }
    }
}
