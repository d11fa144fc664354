// Desktop: SocketTransport and WebRequestTransport name what failed underneath (the device side of this runs on nanoCLR,
// tests/NFUnitTest.Transport).
using System.Net;
using System.Net.Sockets;
using HttpCache.Nano.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class TransportFailureTests
    {
        private static int ClosedPort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        [TestMethod]
        public void ARefusedConnectionIsClassifiedWithItsCode()
        {
            HttpTransportException failure = Assert.ThrowsExactly<HttpTransportException>(
                () => new SocketTransport().Send(new OriginRequest("GET", "http://127.0.0.1:" + ClosedPort() + "/", null, null)));
            Assert.AreEqual(TransportFailure.Refused, failure.Failure, failure.Message);
            Assert.AreEqual((int)SocketError.ConnectionRefused, failure.ErrorCode);
            StringAssert.Contains(failure.Message, "connection refused (error 10061)");
        }

        [TestMethod]
        public void AServerThatNeverAnswersIsATimeout()
        {
            TcpListener silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                SocketTransport transport = new SocketTransport();
                transport.TimeoutMilliseconds = 300;
                HttpTransportException failure = Assert.ThrowsExactly<HttpTransportException>(
                    () => transport.Send(new OriginRequest("GET", "http://127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port + "/", null, null)));
                Assert.AreEqual(TransportFailure.Timeout, failure.Failure, failure.Message);
            }
            finally
            {
                silent.Stop();
            }
        }

        [TestMethod]
        public void CodesAreClassifiedTheSameOnEveryPlatform()
        {
            Assert.AreEqual(TransportFailure.Refused, SocketErrorCodes.Classify(10061, false));
            Assert.AreEqual(TransportFailure.Timeout, SocketErrorCodes.Classify(10060, true));
            Assert.AreEqual(TransportFailure.ConnectionLost, SocketErrorCodes.Classify(10054, true));
            Assert.AreEqual(TransportFailure.Unreachable, SocketErrorCodes.Classify(11001, false));
            Assert.AreEqual(TransportFailure.Tls, SocketErrorCodes.Classify(-9984, false), "mbedTLS codes are negative");
            Assert.AreEqual(TransportFailure.Tls, SocketErrorCodes.Classify(10022, true), "anything else during a handshake");
            Assert.AreEqual(TransportFailure.Other, SocketErrorCodes.Classify(10022, false));
        }

        [TestMethod]
        public void WebRequestTransportReportsARefusedConnectionAsRefused()
        {
            HttpTransportException failure = Assert.ThrowsExactly<HttpTransportException>(
                () => new WebRequestTransport().Send(new OriginRequest("GET", "http://127.0.0.1:" + ClosedPort() + "/", null, null)));
            Assert.AreEqual(TransportFailure.Refused, failure.Failure, failure.Message);
            StringAssert.StartsWith(failure.Message, "HTTP request to http://127.0.0.1:");
        }

        [TestMethod]
        public void WebExceptionStatusesAreClassified()
        {
            Assert.AreEqual(TransportFailure.Timeout, WebRequestFailure.OfStatus(WebExceptionStatus.Timeout));
            Assert.AreEqual(TransportFailure.Unreachable, WebRequestFailure.OfStatus(WebExceptionStatus.NameResolutionFailure));
            Assert.AreEqual(TransportFailure.ConnectionLost, WebRequestFailure.OfStatus(WebExceptionStatus.ConnectionClosed));
            Assert.AreEqual(TransportFailure.Tls, WebRequestFailure.OfStatus(WebExceptionStatus.TrustFailure));
            Assert.AreEqual(TransportFailure.Protocol, WebRequestFailure.OfStatus(WebExceptionStatus.ServerProtocolViolation));
            Assert.AreEqual(TransportFailure.Other, WebRequestFailure.OfStatus(WebExceptionStatus.ProtocolError));

            // nano wraps the mbedTLS code in a SocketException under two WebExceptions whose status says nothing.
            WebException nano = new WebException("GetResponse() failed", new WebException("connection failed", new SocketException(-9984)));
            HttpTransportException tls = WebRequestFailure.From("HTTP request to x", nano);
            Assert.AreEqual(TransportFailure.Tls, tls.Failure, tls.Message);
            Assert.AreEqual(-9984, tls.ErrorCode);
        }
    }
}
