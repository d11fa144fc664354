// WireCost: what an unchanged poll costs on the link over https — TLS records and handshakes included, counted at the
// socket below TLS — for no cache, the cache with a connection per poll, the cache on a kept connection, and a wake
// of five resources; next to the physical limit (one 304 exchange in TLS records on an open connection).
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Authentication;
using System.Threading.Tasks;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Benchmarks.Wire
{
    /// <summary>One scenario's counts over its polls (a wake of five resources counts as one poll).</summary>
    public sealed class WireRow
    {
        public string Name;
        public int Polls;
        public long Requests;
        public long Connections;
        public long Handshakes;
        public long HttpBytes;
        public long LinkBytes;

        public double LinkBytesPerPoll => (double)LinkBytes / Polls;

        public double HttpBytesPerPoll => (double)HttpBytes / Polls;

        public double HandshakesPerPoll => (double)Handshakes / Polls;
    }

    /// <summary>The measurements and the limit they are compared with.</summary>
    public static class WireCost
    {
        public static readonly string[] WakePaths = { "/config", "/flags", "/display", "/schedule", "/certificates" };

        // The transport the device would use, trusting only the test origin's generated root.
        private static SocketTransport Transport(TlsOrigin origin, ManualClock clock, bool keep)
        {
            return new SocketTransport { Clock = clock, TlsAuthenticator = origin.Authenticator, MaxConnectionsPerOrigin = keep ? 1 : 0, MaxBodyBytes = 1 << 20 };
        }

        /// <summary>Runs every scenario for <paramref name="polls"/> polls against <paramref name="origin"/>.</summary>
        public static WireRow[] Measure(TlsOrigin origin, int polls)
        {
            List<WireRow> rows = new List<WireRow>();
            rows.Add(NoCache(origin, polls));
            rows.Add(Cached(origin, polls, "cache, a poll every 60 s (above the 4 s idle timeout): a connection per poll", 60000, true));
            rows.Add(Cached(origin, polls, "cache, connection reuse off", 2000, false));
            rows.Add(Cached(origin, polls, "cache, a poll every 2 s (below the idle timeout): one kept connection", 2000, true));
            rows.Add(Wake(origin, polls));
            return rows.ToArray();
        }

        private static WireRow NoCache(TlsOrigin origin, int polls)
        {
            SocketTransport transport = Transport(origin, new ManualClock(1795392000L), false);
            WireRow row = new WireRow { Name = "no cache: a full download on a new connection per poll", Polls = polls };
            for (int i = 0; i < polls; i++)
            {
                OriginResponse response = transport.Send(new OriginRequest("GET", origin.BaseUrl + "/config", null, null));
                row.Requests++;
                row.Connections += response.NewConnection ? 1 : 0;
                row.Handshakes += response.TlsHandshake ? 1 : 0;
                row.HttpBytes += response.BytesSent + response.BytesReceived;
                row.LinkBytes += response.LinkBytesSent + response.LinkBytesReceived;
            }

            return row;
        }

        private static WireRow Cached(TlsOrigin origin, int polls, string name, int intervalMilliseconds, bool keep)
        {
            ManualClock clock = new ManualClock(1795392000L);
            SocketTransport transport = Transport(origin, clock, keep);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 64 * 1024), transport, clock, new CacheOptions());
            cache.Get(origin.BaseUrl + "/config");
            CacheStats before = cache.Stats;
            for (int i = 0; i < polls; i++)
            {
                clock.AdvanceMilliseconds(intervalMilliseconds);
                CacheResponse response = cache.Get(origin.BaseUrl + "/config");
                if (response.Source != CacheSource.CacheRevalidated)
                {
                    throw new InvalidOperationException("expected a 304 poll, got " + response.Source);
                }
            }

            return Row(name, polls, before, cache.Stats);
        }

        private static WireRow Wake(TlsOrigin origin, int wakes)
        {
            ManualClock clock = new ManualClock(1795392000L);
            SocketTransport transport = Transport(origin, clock, true);
            HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 64 * 1024), transport, clock, new CacheOptions());
            for (int i = 0; i < WakePaths.Length; i++)
            {
                cache.Get(origin.BaseUrl + WakePaths[i]);
            }

            cache.CloseIdle();
            CacheStats before = cache.Stats;
            for (int w = 0; w < wakes; w++)
            {
                // A wake from deep sleep: five resources refreshed one after another, the connection closed before sleeping.
                clock.AdvanceMilliseconds(300000);
                for (int i = 0; i < WakePaths.Length; i++)
                {
                    cache.Get(origin.BaseUrl + WakePaths[i]);
                }

                cache.CloseIdle();
            }

            return Row("cache, a wake refreshing 5 resources, then CloseIdle (per wake)", wakes, before, cache.Stats);
        }

        private static WireRow Row(string name, int polls, CacheStats before, CacheStats after)
        {
            return new WireRow
            {
                Name = name,
                Polls = polls,
                Requests = after.Requests - before.Requests,
                Connections = after.ConnectionsOpened - before.ConnectionsOpened,
                Handshakes = after.TlsHandshakes - before.TlsHandshakes,
                HttpBytes = after.WireBytesSent + after.WireBytesReceived - before.WireBytesSent - before.WireBytesReceived,
                LinkBytes = after.LinkBytesSent + after.LinkBytesReceived - before.LinkBytesSent - before.LinkBytesReceived,
            };
        }

        /// <summary>
        /// The physical limit of one unchanged poll on an open connection: the smallest conditional request (request line,
        /// Host, If-None-Match) and the 304 with the fields RFC 9110 15.4.5 makes this origin send (Date, Cache-Control,
        /// ETag), each in one TLS record (TLS 1.3: 5 header + 1 content type + 16 tag bytes; TLS 1.2 AES-GCM: 5 + 8 + 16).
        /// </summary>
        public static long Limit(TlsOrigin origin, SslProtocols protocol, out long httpBytes)
        {
            HttpUrl url = HttpUrl.Parse(origin.BaseUrl + "/config");
            long request = ("GET " + url.Target + " HTTP/1.1\r\nHost: " + url.Authority + "\r\nIf-None-Match: " + TlsOrigin.ETag + "\r\n\r\n").Length;
            long response = ("HTTP/1.1 304 Not Modified\r\nDate: Mon, 23 Nov 2026 00:00:00 GMT\r\nCache-Control: max-age=0\r\nETag: " + TlsOrigin.ETag + "\r\n\r\n").Length;
            httpBytes = request + response;
            return httpBytes + 2 * RecordOverhead(protocol);
        }

        /// <summary>Bytes a TLS record adds to its payload.</summary>
        public static int RecordOverhead(SslProtocols protocol)
        {
            return protocol == SslProtocols.Tls13 ? 22 : 29;
        }

        /// <summary>
        /// TCP/IP bytes below the counted ones, estimated (not counted: the socket API does not see them): 52 bytes per
        /// segment (IPv4 20, TCP 20, timestamps 12); each direction of an exchange sends ceil(bytes / 1448) data segments and
        /// the peer one ACK per two of them; a new connection adds its handshake (SYN and SYN-ACK 60 bytes, ACK 52) and
        /// teardown (four segments of 52); a TLS handshake adds two client and one server flight.
        /// </summary>
        public static long TcpIpEstimate(WireRow row)
        {
            const int Header = 52;
            const int Payload = 1448;
            long perRequestBytes = row.LinkBytes / Math.Max(1, row.Requests);
            long segments = row.Requests * 2 * ((perRequestBytes / 2 + Payload - 1) / Payload);
            long acks = (segments + 1) / 2;
            long flights = row.Handshakes * 3 * 2;
            long connectionPackets = row.Connections * (60 + 60 + 52 + 4 * 52);
            return (segments + acks + flights) * Header + connectionPackets;
        }

        /// <summary>Starts an origin, runs the scenarios and prints the table (markdown).</summary>
        public static async Task<int> Run(int polls, TextWriter output)
        {
            await using TlsOrigin origin = await TlsOrigin.StartAsync();
            WireRow[] rows = Measure(origin, polls);
            long limit = Limit(origin, origin.NegotiatedProtocol, out long limitHttp);
            output.WriteLine("Wire cost of an unchanged poll over https (loopback Kestrel, " + origin.NegotiatedProtocol + ", RSA-2048 root → intermediate → leaf), " + polls + " polls each:");
            output.WriteLine();
            output.WriteLine("| scenario | connections per poll | TLS handshakes per poll | HTTP bytes per poll | link bytes per poll (TLS included, counted) | vs limit | + TCP/IP, estimated |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (WireRow row in rows)
            {
                double rowLimit = limit * (double)row.Requests / row.Polls;
                output.WriteLine($"| {row.Name} | {(double)row.Connections / row.Polls:0.##} | {row.HandshakesPerPoll:0.##} | {row.HttpBytesPerPoll:0} | {row.LinkBytesPerPoll:0} | {(row.LinkBytesPerPoll / rowLimit - 1) * 100:+0.0;-0.0}% | {(row.LinkBytes + TcpIpEstimate(row)) / (double)row.Polls:0} |");
            }

            output.WriteLine($"| limit: one minimal 304 exchange in two TLS records, open connection (× 5 for a wake) | 0 | 0 | {limitHttp} | {limit} | 0.0% | |");
            output.WriteLine();
            return 0;
        }
    }
}
