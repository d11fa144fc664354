// SocketTransportDeviceTests: SocketTransport on nanoFramework's own System.Net (nanoCLR, real loopback sockets, TLS 1.2
// over mbedTLS) against the loopback origin (origin.py): what no desktop test can see, since the desktop build
// compiles the other branch of the TLS step.
using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HttpCache.Nano.Download;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using nanoFramework.TestFramework;

namespace HttpCache.Nano.Tests.DeviceTransport
{
    [TestClass]
    public class SocketTransportDeviceTests
    {
        private static string Http(string path)
        {
            return "http://127.0.0.1:" + LoopbackOrigin.HttpPort + path;
        }

        private static string Https(int port, string path)
        {
            return "https://localhost:" + port + path;
        }

        private static X509Certificate Root()
        {
            return new X509Certificate(LoopbackOrigin.RootPem);
        }

        private static string Text(byte[] body)
        {
            return body == null ? null : new string(Encoding.UTF8.GetChars(body));
        }

        /// <summary>Connections the origin's listener accepted since the last reset, this query's own included.</summary>
        internal static int ServerConnections(string statsUrl)
        {
            SocketTransport fresh = new SocketTransport();
            fresh.MaxConnectionsPerOrigin = 0;
            fresh.RootCertificate = Root();
            string text = Text(fresh.Send(new OriginRequest(HttpMethods.Get, statsUrl, null, null)).Body);
            return int.Parse(text.Substring(text.IndexOf('=') + 1));
        }

        internal static void ResetServer()
        {
            SocketTransport fresh = new SocketTransport();
            fresh.MaxConnectionsPerOrigin = 0;
            Assert.AreEqual(204, fresh.Send(new OriginRequest(HttpMethods.Get, Http("/reset-stats"), null, null)).StatusCode);
        }

        /// <summary>A 200 then, for the same URL, a 304 that revalidates the stored copy, through the cache and <paramref name="transport"/>.</summary>
        internal static void PollTwice(IHttpTransport transport, string url)
        {
            HttpCacheClient client = new HttpCacheClient(new RamStore(8, 32 * 1024), transport);
            CacheResponse first = client.Get(url);
            Assert.AreEqual(200, first.StatusCode, "first: " + first.Error);
            Assert.AreEqual((int)CacheSource.Network, (int)first.Source);
            CacheResponse second = client.Get(url);
            Assert.AreEqual(200, second.StatusCode, "second: " + second.Error);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)second.Source, "a 304 refreshed the stored copy");
            Assert.AreEqual(1L, client.Stats.NotModified);
            Assert.AreEqual(Text(first.Body), Text(second.Body));
        }

        [TestMethod]
        public void HttpPollIsA200ThenA304OnOneKeptConnection()
        {
            ResetServer();
            SocketTransport transport = new SocketTransport();
            PollTwice(transport, Http("/etag"));
            Assert.AreEqual(1L, transport.ConnectionsOpened);
            Assert.AreEqual(1, transport.IdleConnections);
            Assert.AreEqual(2, ServerConnections(Http("/stats")), "the poll's connection and this query's");
            transport.CloseIdle();
            Assert.AreEqual(0, transport.IdleConnections);
        }

        [TestMethod]
        public void HttpsWithAPinnedRootHandshakesOnceForA200AndA304()
        {
            ResetServer();
            SocketTransport transport = new SocketTransport();
            transport.RootCertificate = Root();
            PollTwice(transport, Https(LoopbackOrigin.HttpsPort, "/etag"));
            Assert.AreEqual(1L, transport.ConnectionsOpened, "one handshake for both");
            Assert.AreEqual(2, ServerConnections(Https(LoopbackOrigin.HttpsPort, "/stats")));
            transport.CloseIdle();
        }

        [TestMethod]
        public void HttpsTrustedThroughTheDeviceCaStore()
        {
            Assert.IsTrue(CertificateManager.AddCaCertificateBundle(Root().GetRawCertData()));
            SocketTransport transport = new SocketTransport();
            PollTwice(transport, Https(LoopbackOrigin.HttpsPort, "/etag"));
            transport.CloseIdle();
        }

        [TestMethod]
        public void ACertificateUnderAnotherRootIsRejectedAsTls()
        {
            SocketTransport transport = new SocketTransport();
            transport.RootCertificate = Root();
            HttpTransportException failure = null;
            try
            {
                transport.Send(new OriginRequest(HttpMethods.Get, Https(LoopbackOrigin.OtherRootPort, "/etag"), null, null));
            }
            catch (HttpTransportException e)
            {
                failure = e;
            }

            Assert.IsNotNull(failure, "the handshake must fail");
            Assert.AreEqual((int)TransportFailure.Tls, (int)failure.Failure, failure.Message);
            Assert.AreEqual(-9984, failure.ErrorCode, "mbedTLS: certificate verify failed: " + failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("certificate not trusted") >= 0, failure.Message);

            CacheResponse response = new HttpCacheClient(new RamStore(8, 32 * 1024), transport).Get(Https(LoopbackOrigin.OtherRootPort, "/etag"));
            Assert.AreEqual(504, response.StatusCode);
            Assert.IsTrue(response.Error.IndexOf("TLS handshake with localhost failed") >= 0, response.Error);
        }

        [TestMethod]
        public void ARefusedPortIsReportedAsRefused()
        {
            HttpTransportException failure = null;
            try
            {
                new SocketTransport().Send(new OriginRequest(HttpMethods.Get, "http://127.0.0.1:" + LoopbackOrigin.ClosedPort + "/", null, null));
            }
            catch (HttpTransportException e)
            {
                failure = e;
            }

            Assert.IsNotNull(failure);
            Assert.AreEqual((int)TransportFailure.Refused, (int)failure.Failure, failure.Message);
            Assert.AreEqual(10061, failure.ErrorCode, failure.Message);
            Assert.IsTrue(failure.Message.IndexOf("connection refused") >= 0, failure.Message);
        }

        [TestMethod]
        public void AnIdleConnectionTheServerClosedIsNoticedAndReplaced()
        {
            SocketTransport transport = new SocketTransport();
            Assert.AreEqual("idle", Text(transport.Send(new OriginRequest(HttpMethods.Get, Http("/idle-close"), null, null)).Body));
            Assert.AreEqual(1, transport.IdleConnections);
            System.Threading.Thread.Sleep(600);
            Assert.AreEqual("idle", Text(transport.Send(new OriginRequest(HttpMethods.Get, Http("/idle-close"), null, null)).Body));
            Assert.AreEqual(2L, transport.ConnectionsOpened, "the closed one was not used");
            transport.CloseIdle();
        }

        [TestMethod]
        public void ConnectionCloseIsHonoured()
        {
            SocketTransport transport = new SocketTransport();
            for (int i = 0; i < 2; i++)
            {
                Assert.AreEqual("closing", Text(transport.Send(new OriginRequest(HttpMethods.Get, Http("/close"), null, null)).Body));
                Assert.AreEqual(0, transport.IdleConnections, "not kept after Connection: close");
            }

            Assert.AreEqual(2L, transport.ConnectionsOpened);
        }

        [TestMethod]
        public void AChunkedBodyIsReassembled()
        {
            SocketTransport transport = new SocketTransport();
            transport.RootCertificate = Root();
            OriginResponse response = transport.Send(new OriginRequest(HttpMethods.Get, Https(LoopbackOrigin.HttpsPort, "/chunked"), null, null));
            Assert.AreEqual("part0;part1;part2;part3;part4;", Text(response.Body));
            Assert.AreEqual(1, transport.IdleConnections, "the connection stays usable after the last chunk");
            transport.CloseIdle();
        }

        [TestMethod]
        public void ADroppedConnectionMidBodyIsResumedByTheFlashDownloader()
        {
            ResetServer();
            SocketTransport transport = new SocketTransport();
            FlashStore store = new FlashStore(new MemoryFileSystem(), "dl", 4, 256 * 1024, 64 * 1024);
            FlashDownloader downloader = new FlashDownloader(transport, store, new SystemClock(), new CacheOptions());
            DownloadResult first = downloader.Get(Http("/big"), null);
            Assert.AreEqual((int)DownloadOutcome.Interrupted, (int)first.Outcome, "the origin cut the body: " + first.Error);
            Assert.IsTrue(first.StoredLength > 0 && first.StoredLength <= 6000, "kept what arrived whole: " + first.StoredLength);

            DownloadResult second = downloader.Get(Http("/big"), null);
            Assert.AreEqual((int)DownloadOutcome.Resumed, (int)second.Outcome, second.Error);
            Assert.AreEqual(20000L, second.StoredLength);
            Assert.IsTrue(second.BodyBytesReceived <= 20000 - first.StoredLength, "only the rest was fetched: " + second.BodyBytesReceived);

            FlashBodyStream body = store.OpenBody(CacheKey.Of(HttpMethods.Get, Http("/big")));
            byte[] buffer = new byte[20000];
            int total = 0;
            int read;
            while ((read = body.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            body.Dispose();
            Assert.AreEqual(20000, total);
            int differing = -1;
            for (int i = 0; i < total && differing < 0; i++)
            {
                differing = buffer[i] == (byte)((i * 7 + 3) % 251) ? -1 : i;
            }

            Assert.AreEqual(-1, differing, "the first byte that differs from the origin's");
        }
    }
}
