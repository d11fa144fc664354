// Deterministic simulations of a metered link and of a fleet: an injected clock, an in-memory origin, exact byte counts.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Server;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Benchmarks
{
    /// <summary>
    /// An origin in memory that serves a 2 KB config, answers conditionals with <see cref="ConditionalGet"/>, and
    /// counts the bytes exactly as they would cross the wire with <see cref="SocketTransport"/>: the request head
    /// it writes (plus body) and the response's status line, header block and body.
    /// </summary>
    internal sealed class SimulatedOrigin : IHttpTransport
    {
        public const string Url = "http://config.example.com/devices/esp32/config.json";

        private readonly ManualClock _clock;
        private readonly bool _etag;
        private readonly bool _lastModified;
        private readonly int _maxAge;
        private int _version;
        private long _changedAt;
        private byte[] _body;

        public SimulatedOrigin(ManualClock clock, bool etag, bool lastModified, int maxAge)
        {
            _clock = clock;
            _etag = etag;
            _lastModified = lastModified;
            _maxAge = maxAge;
            Change();
        }

        public long Requests;
        public long FullResponses;
        public long NotModified;
        public long BodyBytes;
        public long BytesToOrigin;
        public long BytesFromOrigin;
        public long FullExchangeBytes;
        public List<long> RequestTimes;

        /// <summary>While true every request is refused (an outage) and counted in <see cref="Refused"/>.</summary>
        public bool Down;
        public long Refused;

        public string ETag => "\"cfg-" + _version + "\"";

        public void Change()
        {
            _version++;
            _changedAt = _clock.UnixSeconds;
            StringBuilder json = new StringBuilder("{\"version\":" + _version + ",\"settings\":{");
            for (int i = 0; json.Length < 2000; i++)
            {
                json.Append("\"key").Append(i).Append("\":\"value-").Append(i * 7919 % 1000).Append("\",");
            }

            json.Append("\"end\":true}}");
            _body = Encoding.ASCII.GetBytes(json.ToString());
        }

        public byte[] FullHeaders()
        {
            HeaderBlockWriter block = new HeaderBlockWriter(256);
            block.Append("Date", HttpDate.ToString(_clock.UnixSeconds));
            block.Append("Cache-Control", "max-age=" + _maxAge);
            if (_etag)
            {
                block.Append("ETag", ETag);
            }

            if (_lastModified)
            {
                block.Append("Last-Modified", HttpDate.ToString(_changedAt));
            }

            block.Append("Content-Type", "application/json");
            block.Append("Content-Length", _body.Length);
            block.End();
            return block.ToArray();
        }

        public OriginResponse Send(OriginRequest request)
        {
            if (Down)
            {
                Refused++;
                throw new HttpTransportException("connection refused");
            }

            Requests++;
            RequestTimes?.Add(_clock.UnixSeconds);
            long sent = SocketTransport.WriteRequestHead(request, HttpUrl.Parse(request.Url)).Length;
            HeaderFacts facts = request.Headers.ToFacts();
            byte[] full = FullHeaders();
            ConditionalResult result = ConditionalGet.Evaluate(request.Method, facts, _etag ? ETag : null, _lastModified ? _changedAt : -1, true);
            OriginResponse response;
            if (result == ConditionalResult.NotModified)
            {
                HeaderBlockWriter block = new HeaderBlockWriter(128);
                ConditionalGet.WriteNotModifiedHeaders(HeaderFields.Of(full), block);
                byte[] headers = block.ToArray();
                response = new OriginResponse(304, "Not Modified", headers, headers.Length, null, 0);
                response.BytesReceived = "HTTP/1.1 304 Not Modified\r\n".Length + headers.Length;
                NotModified++;
            }
            else
            {
                response = new OriginResponse(200, "OK", full, full.Length, _body, _body.Length);
                response.BytesReceived = "HTTP/1.1 200 OK\r\n".Length + full.Length + _body.Length;
                FullResponses++;
                BodyBytes += _body.Length;
                FullExchangeBytes = sent + response.BytesReceived;
            }

            response.BytesSent = sent;
            BytesToOrigin += sent;
            BytesFromOrigin += response.BytesReceived;
            return response;
        }

        /// <summary>The smallest possible revalidation: request line, Host, one validator; a 304 with the fields this origin must send.</summary>
        public long MinimalRevalidationBytes()
        {
            string validator = _etag ? "If-None-Match: " + ETag : "If-Modified-Since: " + HttpDate.ToString(_changedAt);
            HttpUrl url = HttpUrl.Parse(Url);
            long request = ("GET " + url.Target + " HTTP/1.1\r\nHost: " + url.Authority + "\r\n" + validator + "\r\n\r\n").Length;
            HeaderBlockWriter block = new HeaderBlockWriter(128);
            ConditionalGet.WriteNotModifiedHeaders(HeaderFields.Of(FullHeaders()), block);
            return request + "HTTP/1.1 304 Not Modified\r\n".Length + block.Length;
        }
    }

    internal static class Simulation
    {
        private const long Start = 1795392000L;

        public sealed class Outcome
        {
            public string Name;
            public long Requests;
            public long Full;
            public long NotModified;
            public long Avoided;
            public long BytesUp;
            public long BytesDown;
            public long FlashWrites;
            public long FlashWritesOnUnchanged;
            public long Limit;

            public long Total => BytesUp + BytesDown;
        }

        /// <summary>One device polling every 60 s for 24 h; the config changes 10 times a day.</summary>
        public static Outcome[] Bandwidth(int maxAge, int hours, TextWriter output)
        {
            int polls = hours * 60;
            int changeEvery = 24 * 60 / 10;
            List<Outcome> outcomes = new List<Outcome>();
            long changes = (polls - 1) / changeEvery + 1;
            outcomes.Add(Run("no cache", maxAge, true, true, polls, changeEvery, useCache: false));
            outcomes.Add(Run("cache, ETag + Last-Modified", maxAge, true, true, polls, changeEvery, useCache: true));
            outcomes.Add(Limit("limit, ETag (If-None-Match)", maxAge, true, polls, changes));
            outcomes.Add(Run("cache, Last-Modified only", maxAge, false, true, polls, changeEvery, useCache: true));
            outcomes.Add(Limit("limit, Last-Modified (If-Modified-Since)", maxAge, false, polls, changes));

            output.WriteLine($"Bandwidth, one device, a poll every 60 s for {hours} h ({polls} polls), 10 config changes a day, origin max-age={maxAge}, 2 KB config:");
            output.WriteLine();
            output.WriteLine("| variant | requests | full 200 | 304 | avoided | bytes up | bytes down | total bytes | vs limit | flash writes (on unchanged polls) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            long limit = 0;
            for (int i = outcomes.Count - 1; i >= 0; i--)
            {
                // Each cache variant is compared with the limit of its own validator (the row after it).
                Outcome o = outcomes[i];
                if (o.Name.StartsWith("limit"))
                {
                    limit = o.Total;
                }

                o.Limit = o.Name == "no cache" ? outcomes[2].Total : limit;
            }

            foreach (Outcome o in outcomes)
            {
                string flash = o.Name.StartsWith("cache") ? o.FlashWrites + " (" + o.FlashWritesOnUnchanged + ")" : "-";
                string up = o.Name.StartsWith("limit") ? "-" : o.BytesUp.ToString(CultureInfo.InvariantCulture);
                string down = o.Name.StartsWith("limit") ? "-" : o.BytesDown.ToString(CultureInfo.InvariantCulture);
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8:+0.0;-0.0;0.0}% | {9} |",
                    o.Name, o.Requests, o.Full, o.NotModified, o.Avoided, up, down, o.Total, 100.0 * (o.Total - o.Limit) / o.Limit, flash));
            }

            output.WriteLine();
            return outcomes.ToArray();
        }

        // Every unchanged poll one minimal conditional request and one 304; every change one full response.
        private static Outcome Limit(string name, int maxAge, bool etag, long polls, long changes)
        {
            ManualClock clock = new ManualClock(Start);
            SimulatedOrigin reference = new SimulatedOrigin(clock, etag, true, maxAge);
            reference.Send(new OriginRequest("GET", SimulatedOrigin.Url, null, null));
            long full = reference.FullExchangeBytes;
            long minimal = reference.MinimalRevalidationBytes();
            return new Outcome { Name = name, Requests = polls, Full = changes, NotModified = polls - changes, BytesDown = changes * full + (polls - changes) * minimal };
        }

        private static Outcome Run(string name, int maxAge, bool etag, bool lastModified, int polls, int changeEvery, bool useCache)
        {
            ManualClock clock = new ManualClock(Start);
            SimulatedOrigin origin = new SimulatedOrigin(clock, etag, lastModified, maxAge);
            string dir = Path.Combine(Path.GetTempPath(), "hcn-sim-" + Guid.NewGuid().ToString("N"));
            FlashStore flash = useCache ? new FlashStore(dir, 4, 64 * 1024) : null;
            HttpCacheClient cache = useCache ? new HttpCacheClient(new TieredStore(new RamStore(2, 16 * 1024), flash), origin, clock, new CacheOptions()) : null;
            long unchangedWrites = 0;
            byte[] previous = null;
            try
            {
                for (int poll = 0; poll < polls; poll++)
                {
                    if (poll > 0 && poll % changeEvery == 0)
                    {
                        origin.Change();
                    }

                    long writesBefore = flash?.Writes ?? 0;
                    if (useCache)
                    {
                        byte[] body = cache.Get(SimulatedOrigin.Url).Body;
                        bool same = previous != null && previous.AsSpan().SequenceEqual(body);
                        if (same)
                        {
                            unchangedWrites += flash.Writes - writesBefore;
                        }

                        previous = body;
                    }
                    else
                    {
                        origin.Send(new OriginRequest("GET", SimulatedOrigin.Url, null, null));
                    }

                    clock.Advance(60);
                }
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }

            return new Outcome
            {
                Name = name,
                Requests = origin.Requests,
                Full = origin.FullResponses,
                NotModified = origin.NotModified,
                Avoided = polls - origin.Requests,
                BytesUp = origin.BytesToOrigin,
                BytesDown = origin.BytesFromOrigin,
                FlashWrites = flash?.Writes ?? 0,
                FlashWritesOnUnchanged = unchangedWrites,
            };
        }
    }
}
