// SocketTransport's persistent connections against a raw TCP origin on 127.0.0.1 that serves many requests per
// connection: framing leaves each connection exactly at the next response, and every rule for giving one up holds.
using System;
using System.Linq;
using System.Text;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class ConnectionReuseTests
    {
        private static SocketTransport Transport(ManualClock clock) => new SocketTransport { Clock = clock };

        private static OriginResponse Send(SocketTransport transport, string method, string url, string body = null)
            => transport.Send(new OriginRequest(method, url, null, body == null ? null : Encoding.ASCII.GetBytes(body)));

        private static string Body(OriginResponse response) => Encoding.ASCII.GetString(response.Body, 0, response.BodyLength);

        private static (string, AfterReply) Ok(string body, string extra = "") => ("HTTP/1.1 200 OK\r\nContent-Length: " + body.Length + "\r\n" + extra + "\r\n" + body, AfterReply.Keep);

        [TestMethod]
        public void AThousandMixedResponsesShareOneConnection()
        {
            using PersistentOrigin origin = new PersistentOrigin(request =>
            {
                string n = request.IndexOnConnection.ToString();
                switch (request.Target)
                {
                    case "/chunked":
                        return ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n3\r\nch-\r\n" + n.Length.ToString("x") + ";ext=1\r\n" + n + "\r\n0\r\nX-Sum: " + n + "\r\n\r\n", AfterReply.Keep);
                    case "/304":
                        return ("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 42\r\n\r\n", AfterReply.Keep);
                    default:
                        return request.Method == "HEAD"
                            ? ("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nContent-Type: text/plain\r\n\r\n", AfterReply.Keep)
                            : Ok("cl-" + n);
                }
            });
            SocketTransport transport = Transport(new ManualClock(Fixtures.T0));
            for (int i = 1; i <= 1000; i++)
            {
                switch (i % 4)
                {
                    case 0:
                        OriginResponse chunked = Send(transport, "GET", origin.Url("/chunked"));
                        Assert.AreEqual("ch-" + i, Body(chunked), "chunked with a trailer, request " + i);
                        break;
                    case 1:
                        Assert.AreEqual("cl-" + i, Body(Send(transport, "GET", origin.Url("/cl"))), "Content-Length, request " + i);
                        break;
                    case 2:
                        OriginResponse notModified = Send(transport, "GET", origin.Url("/304"));
                        Assert.AreEqual(304, notModified.StatusCode, "request " + i);
                        Assert.AreEqual(0, notModified.BodyLength, "a 304 has no body, whatever its Content-Length says");
                        break;
                    default:
                        OriginResponse head = Send(transport, "HEAD", origin.Url("/cl"));
                        Assert.AreEqual(0, head.BodyLength, "a HEAD response has no body, request " + i);
                        break;
                }
            }

            Assert.AreEqual(1, origin.Connections);
            Assert.AreEqual(1000, origin.Requests.Length);
            Assert.AreEqual(1L, transport.ConnectionsOpened);
            Assert.AreEqual(1000, origin.Requests.Last().IndexOnConnection);
        }

        [TestMethod]
        public void AConnectionTheServerClosedWhileIdleIsReplacedWithoutAFailure()
        {
            using PersistentOrigin origin = new PersistentOrigin(request => Ok("v" + request.Connection));
            SocketTransport transport = Transport(new ManualClock(Fixtures.T0));
            Assert.AreEqual("v1", Body(Send(transport, "GET", origin.Url("/a"))));
            origin.CloseIdleConnections();
            System.Threading.Thread.Sleep(50);
            Assert.AreEqual("v2", Body(Send(transport, "GET", origin.Url("/a"))), "noticed before use: a new connection");
            Assert.AreEqual(2, origin.Connections);
        }

        [TestMethod]
        public void AnIdempotentRequestLostOnAReusedConnectionIsSentOnceMoreAndOthersAreNot()
        {
            // The server takes the request and closes without answering: what a request racing the server's idle close sees.
            int attempt = 0;
            using PersistentOrigin origin = new PersistentOrigin(request =>
            {
                bool drop = request.IndexOnConnection == 2;
                System.Threading.Interlocked.Increment(ref attempt);
                return drop ? ("", AfterReply.CloseWithoutReply) : Ok(request.Method + "-" + request.Connection);
            });
            SocketTransport transport = Transport(new ManualClock(Fixtures.T0));
            Assert.AreEqual("GET-1", Body(Send(transport, "GET", origin.Url("/a"))));
            Assert.AreEqual("PUT-2", Body(Send(transport, "PUT", origin.Url("/a"), "x")), "PUT is idempotent: sent again on a new connection");
            Assert.AreEqual(2, origin.Connections);

            Expect.Throws(typeof(HttpTransportException), () => Send(transport, "POST", origin.Url("/a"), "order"));
            Assert.AreEqual(1, origin.Requests.Count(r => r.Method == "POST"), "a POST is never sent twice");
            Assert.AreEqual(2, origin.Connections, "and no new connection was opened for it");
        }

        [TestMethod]
        public void ConnectionCloseFromTheServerIsHonoured()
        {
            using PersistentOrigin origin = new PersistentOrigin(request => Ok("c" + request.Connection, "Connection: close\r\n"));
            SocketTransport transport = Transport(new ManualClock(Fixtures.T0));
            Send(transport, "GET", origin.Url("/a"));
            Assert.AreEqual(0, transport.IdleConnections);
            Assert.AreEqual("c2", Body(Send(transport, "GET", origin.Url("/a"))));
            Assert.AreEqual(2L, transport.ConnectionsOpened);
        }

        [TestMethod]
        public void KeepAliveMaxAndTimeoutLimitTheReuse()
        {
            using PersistentOrigin origin = new PersistentOrigin(request =>
                request.Target == "/max" ? Ok("m", "Keep-Alive: timeout=30, max=" + (2 - request.IndexOnConnection) + "\r\n") : Ok("t", "Keep-Alive: timeout=2\r\n"));
            ManualClock clock = new ManualClock(Fixtures.T0);
            SocketTransport transport = Transport(clock);
            transport.IdleTimeoutMilliseconds = 60000;
            Send(transport, "GET", origin.Url("/max"));
            Send(transport, "GET", origin.Url("/max"));
            Assert.AreEqual(0, transport.IdleConnections, "max=0: the server takes no more requests on it");
            Send(transport, "GET", origin.Url("/max"));
            Assert.AreEqual(2L, transport.ConnectionsOpened);

            transport.CloseIdle();
            Send(transport, "GET", origin.Url("/timeout"));
            clock.AdvanceMilliseconds(500);
            Send(transport, "GET", origin.Url("/timeout"));
            Assert.AreEqual(3L, transport.ConnectionsOpened, "within the server's 2 s (less a second of margin): reused");
            clock.AdvanceMilliseconds(1500);
            Send(transport, "GET", origin.Url("/timeout"));
            Assert.AreEqual(4L, transport.ConnectionsOpened, "past it: a new connection");
        }

        [TestMethod]
        public void OurIdleTimeoutAndCloseIdleEndAKeptConnection()
        {
            using PersistentOrigin origin = new PersistentOrigin(request => Ok("x"));
            ManualClock clock = new ManualClock(Fixtures.T0);
            SocketTransport transport = Transport(clock);
            Send(transport, "GET", origin.Url("/a"));
            clock.AdvanceMilliseconds(3000);
            Send(transport, "GET", origin.Url("/a"));
            Assert.AreEqual(1L, transport.ConnectionsOpened, "3 s idle: kept (default 4 s)");
            clock.AdvanceMilliseconds(4000);
            Send(transport, "GET", origin.Url("/a"));
            Assert.AreEqual(2L, transport.ConnectionsOpened, "4 s idle: given up");
            Assert.AreEqual(1, transport.IdleConnections);
            transport.CloseIdle();
            Assert.AreEqual(0, transport.IdleConnections);
            Send(transport, "GET", origin.Url("/a"));
            Assert.AreEqual(3L, transport.ConnectionsOpened);
        }

        [TestMethod]
        public void ResponsesThatDoNotEndAtTheNextResponseCloseTheConnection()
        {
            using PersistentOrigin origin = new PersistentOrigin(request => request.Target switch
            {
                "/close-delimited" => ("HTTP/1.1 200 OK\r\n\r\nuntil the close", AfterReply.Close),
                "/http10" => ("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", AfterReply.Keep),
                "/http10-keep" => ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", AfterReply.Keep),
                "/extra" => ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokUNASKED", AfterReply.Keep),
                _ => Ok("x"),
            });
            SocketTransport transport = Transport(new ManualClock(Fixtures.T0));
            string[] closing = { "/close-delimited", "/http10", "/extra" };
            for (int i = 0; i < closing.Length; i++)
            {
                Send(transport, "GET", origin.Url(closing[i]));
                Assert.AreEqual(0, transport.IdleConnections, closing[i]);
            }

            Send(transport, "GET", origin.Url("/http10-keep"));
            Assert.AreEqual(1, transport.IdleConnections, "HTTP/1.0 with keep-alive persists");
            Assert.AreEqual(4L, transport.ConnectionsOpened);
        }

        [TestMethod]
        public void AWakeOfFiveResourcesThroughTheCacheUsesOneConnection()
        {
            using PersistentOrigin origin = new PersistentOrigin(request => Ok("body of " + request.Target, "Cache-Control: max-age=0\r\nETag: \"" + request.Target + "\"\r\n"));
            ManualClock clock = new ManualClock(Fixtures.T0);
            SocketTransport transport = Transport(clock);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 64 * 1024), transport, clock, new CacheOptions());
            string[] paths = { "/config", "/flags", "/display", "/schedule", "/firmware" };
            for (int i = 0; i < paths.Length; i++)
            {
                Assert.AreEqual("body of " + paths[i], Encoding.ASCII.GetString(cache.Get(origin.Url(paths[i])).Body));
            }

            cache.CloseIdle();
            Assert.AreEqual(0, transport.IdleConnections, "closed before deep sleep");
            CacheStats stats = cache.Stats;
            Assert.AreEqual(1L, stats.ConnectionsOpened);
            Assert.AreEqual(0L, stats.TlsHandshakes);
            Assert.IsTrue(stats.LinkBytesReceived >= stats.WireBytesReceived && stats.LinkBytesSent >= stats.WireBytesSent, stats.ToString());
            Assert.AreEqual(1, origin.Connections);
        }

        [TestMethod]
        public void WithoutReuseEveryRequestHasItsOwnConnection()
        {
            using PersistentOrigin origin = new PersistentOrigin(request => Ok("x"));
            SocketTransport transport = Transport(new ManualClock(Fixtures.T0));
            transport.MaxConnectionsPerOrigin = 0;
            for (int i = 0; i < 3; i++)
            {
                Assert.IsTrue(Send(transport, "GET", origin.Url("/a")).NewConnection);
            }

            Assert.AreEqual(3, origin.Connections);
            Assert.AreEqual(0, transport.IdleConnections);
        }
    }
}
