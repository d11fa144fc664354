// What an unchanged poll costs on the link over https, asserted against a Kestrel https origin on 127.0.0.1 with a
// generated certificate chain: the counts the benchmarks' "wire" command tables (docs/performance.md).
using System.Security.Authentication;
using System.Threading.Tasks;
using HttpCache.Nano.Benchmarks.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Transport
{
    [TestClass]
    public class WireCostTests
    {
        [TestMethod]
        public async Task AKeptConnectionBringsA304PollToItsPhysicalLimitAndAWakePaysOneHandshake()
        {
            await using TlsOrigin origin = await TlsOrigin.StartAsync();
            WireRow[] rows = WireCost.Measure(origin, 5);
            long limit = WireCost.Limit(origin, origin.NegotiatedProtocol, out long limitHttp);
            Assert.IsTrue(origin.NegotiatedProtocol == SslProtocols.Tls13 || origin.NegotiatedProtocol == SslProtocols.Tls12, origin.NegotiatedProtocol.ToString());

            WireRow noCache = rows[0];
            WireRow perPoll = rows[1];
            WireRow kept = rows[3];
            WireRow wake = rows[4];
            Assert.AreEqual(1.0, noCache.HandshakesPerPoll, "no cache: a handshake per poll");
            Assert.AreEqual(1.0, perPoll.HandshakesPerPoll, "polls above the idle timeout: a handshake each");
            Assert.AreEqual(0L, kept.Handshakes, "polls below the idle timeout: none");
            Assert.AreEqual(0L, kept.Connections);
            Assert.IsTrue(kept.LinkBytesPerPoll <= limit * 1.10, "kept connection: " + kept.LinkBytesPerPoll + " bytes per 304 poll, limit " + limit);
            Assert.IsTrue(kept.LinkBytesPerPoll > kept.HttpBytesPerPoll, "TLS records cost bytes on top of HTTP");
            Assert.IsTrue(perPoll.LinkBytesPerPoll > 5 * kept.LinkBytesPerPoll, "a handshake per poll costs kilobytes: " + perPoll.LinkBytesPerPoll);
            Assert.AreEqual(1L, wake.Handshakes / wake.Polls, "a wake of five resources pays one handshake");
            Assert.AreEqual(5L, wake.Requests / wake.Polls);
            Assert.IsTrue(wake.LinkBytesPerPoll < 5 * perPoll.LinkBytesPerPoll, "one connection for five resources");
            Assert.AreEqual(limitHttp, kept.HttpBytesPerPoll, 40.0, "the cache's 304 poll is the minimal one, within a few bytes of Date");
        }
    }
}
