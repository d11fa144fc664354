// HttpCacheMetrics: the caches' counters as System.Diagnostics.Metrics instruments, for dotnet-counters and OpenTelemetry.
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace HttpCache.Nano.Http
{
    /// <summary>
    /// Publishes the counters of registered <see cref="HttpCacheClient"/>s (the handlers of <c>AddHttpCache</c>, the
    /// proxy) on the meter <c>HttpCache.Nano</c>, named after the OpenTelemetry conventions, each value tagged with
    /// <c>httpcache.name</c> (the client's name):
    /// <c>httpcache.requests</c> ({request}); <c>httpcache.responses</c> ({response}, tag <c>httpcache.source</c>:
    /// <c>fresh</c>, <c>stale</c>, <c>not_modified</c>, <c>full</c>); <c>httpcache.io</c> (By, tag
    /// <c>network.io.direction</c>: <c>transmit</c>, <c>receive</c>; the bytes on the wire as the transport counts them);
    /// <c>httpcache.body.saved</c> (By, body bytes not downloaded). Counters never go down: a retired client's last
    /// values stay in the totals of its name.
    /// </summary>
    public static class HttpCacheMetrics
    {
        /// <summary>The meter's name (<c>dotnet-counters monitor --counters HttpCache.Nano</c>).</summary>
        public const string MeterName = "HttpCache.Nano";

        private static readonly object s_lock = new object();
        private static readonly Dictionary<string, List<HttpCacheClient>> s_live = new Dictionary<string, List<HttpCacheClient>>();
        private static readonly Dictionary<string, CacheStats> s_retired = new Dictionary<string, CacheStats>();
        private static readonly Meter s_meter = new Meter(MeterName);

        static HttpCacheMetrics()
        {
            s_meter.CreateObservableCounter("httpcache.requests", () => Observe(s => s.Requests, null, null), "{request}", "Requests through the cache");
            s_meter.CreateObservableCounter("httpcache.responses", ObserveResponses, "{response}", "Responses by where they came from");
            s_meter.CreateObservableCounter("httpcache.io", ObserveIo, "By", "Bytes on the wire, as the transport counts them");
            s_meter.CreateObservableCounter("httpcache.body.saved", () => Observe(s => s.BodyBytesSaved, null, null), "By", "Body bytes served without downloading them");
        }

        /// <summary>Publishes the counters of <paramref name="client"/> under <paramref name="name"/>.</summary>
        public static void Register(HttpCacheClient client, string name)
        {
            lock (s_lock)
            {
                if (!s_live.TryGetValue(name ?? string.Empty, out List<HttpCacheClient> clients))
                {
                    clients = new List<HttpCacheClient>();
                    s_live[name ?? string.Empty] = clients;
                }

                if (!clients.Contains(client))
                {
                    clients.Add(client);
                }
            }
        }

        /// <summary>Stops watching <paramref name="client"/>, keeping its last values in its name's totals.</summary>
        public static void Retire(HttpCacheClient client)
        {
            lock (s_lock)
            {
                foreach (KeyValuePair<string, List<HttpCacheClient>> named in s_live)
                {
                    if (named.Value.Remove(client))
                    {
                        s_retired[named.Key] = Add(s_retired.TryGetValue(named.Key, out CacheStats total) ? total : default, client.Stats);
                        return;
                    }
                }
            }
        }

        private delegate long Field(CacheStats stats);

        private static IEnumerable<Measurement<long>> ObserveResponses()
        {
            List<Measurement<long>> all = new List<Measurement<long>>();
            all.AddRange(Observe(s => s.FreshHits, "httpcache.source", "fresh"));
            all.AddRange(Observe(s => s.StaleServed, "httpcache.source", "stale"));
            all.AddRange(Observe(s => s.NotModified, "httpcache.source", "not_modified"));
            all.AddRange(Observe(s => s.FullResponses, "httpcache.source", "full"));
            return all;
        }

        private static IEnumerable<Measurement<long>> ObserveIo()
        {
            List<Measurement<long>> all = new List<Measurement<long>>();
            all.AddRange(Observe(s => s.LinkBytesSent, "network.io.direction", "transmit"));
            all.AddRange(Observe(s => s.LinkBytesReceived, "network.io.direction", "receive"));
            return all;
        }

        // One measurement per name: its retired totals plus its live clients now.
        private static List<Measurement<long>> Observe(Field field, string tag, string value)
        {
            List<Measurement<long>> measurements = new List<Measurement<long>>();
            lock (s_lock)
            {
                HashSet<string> names = new HashSet<string>(s_live.Keys);
                names.UnionWith(s_retired.Keys);
                foreach (string name in names)
                {
                    long sum = s_retired.TryGetValue(name, out CacheStats retired) ? field(retired) : 0;
                    if (s_live.TryGetValue(name, out List<HttpCacheClient> clients))
                    {
                        foreach (HttpCacheClient client in clients)
                        {
                            sum += field(client.Stats);
                        }
                    }

                    measurements.Add(tag == null
                        ? new Measurement<long>(sum, new KeyValuePair<string, object>("httpcache.name", name))
                        : new Measurement<long>(sum, new KeyValuePair<string, object>("httpcache.name", name), new KeyValuePair<string, object>(tag, value)));
                }
            }

            return measurements;
        }

        private static CacheStats Add(CacheStats a, CacheStats b)
        {
            a.Requests += b.Requests;
            a.FreshHits += b.FreshHits;
            a.StaleServed += b.StaleServed;
            a.NotModified += b.NotModified;
            a.FullResponses += b.FullResponses;
            a.LinkBytesSent += b.LinkBytesSent;
            a.LinkBytesReceived += b.LinkBytesReceived;
            a.BodyBytesSaved += b.BodyBytesSaved;
            return a;
        }
    }
}
