// ResumeCost: bytes on the link to get a 1 MB body over a link that drops four times after 200 KB of a response:
// resuming with Range and If-Range, restarting from zero, and the physical limit (one uncut exchange).
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using HttpCache.Nano.Download;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HttpCache.Nano.Benchmarks.Wire
{
    public static class ResumeCost
    {
        // What a new TLS 1.3 connection adds, measured in section 6 of docs/performance.md (3,255 − 180 bytes).
        private const int HandshakeBytes = 3075;

        public sealed class Row
        {
            public string Name;
            public int Attempts;
            public int Connections;
            public long LinkBytes;
        }

        public static async Task<Row[]> Measure(int bodyBytes, long cutAfter, int cuts)
        {
            byte[] body = new byte[bodyBytes];
            new Random(1).NextBytes(body);
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.AddServerHeader = false);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using WebApplication app = builder.Build();
            app.Run(context => Results.Bytes(body, "application/octet-stream", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"fw1\""), enableRangeProcessing: true).ExecuteAsync(context));
            await app.StartAsync();
            int port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First()).Port;

            Row limit = Restart("limit: one exchange that is not cut", port, body.Length, 0, 0);
            Row restart = Restart("restart from zero after each drop", port, body.Length, cutAfter, cuts);
            Row resume = Resume(port, body.Length, cutAfter, cuts);
            await app.StopAsync();
            return new[] { limit, resume, restart };
        }

        private static Row Restart(string name, int port, int bodyBytes, long cutAfter, int cuts)
        {
            using CuttingRelay relay = new CuttingRelay(port);
            for (int i = 0; i < cuts; i++)
            {
                relay.Cuts.Enqueue(cutAfter);
            }

            SocketTransport transport = new SocketTransport { MaxConnectionsPerOrigin = 0 };
            byte[] buffer = new byte[16384];
            int attempts = 0;
            while (true)
            {
                attempts++;
                try
                {
                    using StreamingResponse response = transport.Open(new OriginRequest("GET", "http://127.0.0.1:" + relay.Port + "/fw.bin", new HttpHeaders(), null));
                    while (response.Read(buffer, 0, buffer.Length) > 0)
                    {
                    }

                    if (response.BodyBytesRead == bodyBytes)
                    {
                        break;
                    }
                }
                catch (HttpTransportException)
                {
                    // Dropped: from zero again.
                }
            }

            return new Row { Name = name, Attempts = attempts, Connections = relay.Connections, LinkBytes = relay.Bytes };
        }

        private static Row Resume(int port, int bodyBytes, long cutAfter, int cuts)
        {
            using CuttingRelay relay = new CuttingRelay(port);
            for (int i = 0; i < cuts; i++)
            {
                relay.Cuts.Enqueue(cutAfter);
            }

            string dir = Path.Combine(Path.GetTempPath(), "httpcache-resumecost-" + Guid.NewGuid().ToString("N"));
            try
            {
                FlashDownloader downloader = new FlashDownloader(new SocketTransport { MaxConnectionsPerOrigin = 0 }, new FlashStore(dir, 4, 64L << 20), new SystemClock(), new CacheOptions());
                int attempts = 0;
                DownloadResult result;
                do
                {
                    attempts++;
                    result = downloader.Get("http://127.0.0.1:" + relay.Port + "/fw.bin", null);
                }
                while (!result.IsComplete && attempts < 50);

                if (!result.IsComplete || result.StoredLength != bodyBytes)
                {
                    throw new InvalidOperationException("resume did not complete: " + result.Outcome + " " + result.Error);
                }

                return new Row { Name = "resume: Range bytes=N- with If-Range (FlashDownloader)", Attempts = attempts, Connections = relay.Connections, LinkBytes = relay.Bytes };
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        public static async Task<int> Run(int bodyBytes, long cutAfter, int cuts, TextWriter output)
        {
            Row[] rows = await Measure(bodyBytes, cutAfter, cuts);
            output.WriteLine($"A {bodyBytes} byte body over a link that drops {cuts} times after {cutAfter} bytes of a response (loopback Kestrel with range processing, a relay that cuts; bytes counted at the relay):");
            output.WriteLine();
            output.WriteLine("| scenario | attempts | connections | link bytes (HTTP, counted) | vs limit | + a TLS 1.3 handshake per connection (estimated) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            long limit = rows[0].LinkBytes;
            foreach (Row row in rows)
            {
                output.WriteLine($"| {row.Name} | {row.Attempts} | {row.Connections} | {row.LinkBytes} | {(row.LinkBytes / (double)limit - 1) * 100:+0.0;-0.0}% | {row.LinkBytes + (long)row.Connections * HandshakeBytes} |");
            }

            output.WriteLine();
            return 0;
        }
    }
}
