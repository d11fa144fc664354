// HttpCacheClient.Ranges: byte ranges (RFC 9110 14, RFC 9111 3.3-3.4) — a range served from a stored response, a 206
// stored as a partial response, and a partial response completed by asking the origin only for the bytes it lacks.
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano
{
    public sealed partial class HttpCacheClient
    {
        // What the request's Range field asks for (several Range fields make it invalid).
        private static RangeKind RangeOf(HeaderFacts request, out long first, out long last)
        {
            first = -1;
            last = -1;
            int field = request.RangeField;
            if (field < 0)
            {
                return RangeKind.None;
            }

            if (request.RangeFields > 1)
            {
                return RangeKind.Invalid;
            }

            HeaderFields fields = request.Fields;
            return ByteRange.Parse(fields.Buffer, fields.ValueStart(field), fields.ValueLength(field), out first, out last);
        }

        // A GET of one range (ranged), or a plain GET that found part of its representation stored (not ranged).
        private CacheResponse SendRange(string url, CacheKey key, HttpHeaders headers, RequestFacts request, bool ranged, long first, long last)
        {
            CacheEntry entry;
            CacheKey storedKey;
            CacheAction action;
            bool staleIfError;
            bool staleWhenOffline;
            long a = -1;
            long b = -1;
            long complete = -1;
            lock (_lock)
            {
                _stats.Requests++;
                entry = FindStored(key, request, out storedKey);

                _now.ReadFrom(_clock);
                CacheDecision decision = _decision;
                CachePolicy.Decide(request.Facts, entry == null ? null : entry.Info, false, _now, _options, decision);
                action = decision.Action;
                staleIfError = decision.StaleIfErrorAllowed;
                staleWhenOffline = decision.StaleWhenOfflineAllowed;
                if (entry != null && entry.StatusCode != 206)
                {
                    switch (decision.Action)
                    {
                        case CacheAction.ServeFresh:
                            _stats.FreshHits++;
                            _stats.BodyBytesSaved += entry.Body.Length;
                            return Ranged(FromEntry(entry, entry.Headers, HttpMethods.Get, request, CacheSource.Cache, decision.Age), request, ranged, first, last);
                        case CacheAction.ServeStale:
                            return Ranged(ServeStale(entry, HttpMethods.Get, request, decision.Age, decision.StaleReason), request, ranged, first, last);
                    }
                }

                if (decision.Action == CacheAction.GatewayTimeout)
                {
                    _stats.GatewayTimeouts++;
                    _stats.Misses++;
                    return Generated504("only-if-cached: no stored response satisfies the request");
                }

                if (entry != null && entry.StatusCode == 206 && PartialContent.StoredRange(HeaderFields.Of(entry.Headers), out a, out b, out complete))
                {
                    CacheResponse served = ServePartial(entry, request, decision, ranged, first, last, a, b, complete);
                    if (served != null)
                    {
                        return served;
                    }
                }

                if (entry != null && entry.StatusCode != 206)
                {
                    if (decision.Action == CacheAction.Revalidate)
                    {
                        _stats.Revalidations++;
                    }
                    else
                    {
                        _stats.Misses++;
                    }
                }
                else
                {
                    _stats.Misses++;
                }
            }

            if (entry != null && entry.StatusCode != 206)
            {
                // A complete response is stored: it is validated or replaced whole, and the range is cut from the result.
                CacheResponse whole = Exchange(HttpMethods.Get, url, key, storedKey, WithoutRange(headers), request, action == CacheAction.Revalidate ? entry : null,
                    entry, staleIfError, staleWhenOffline);
                return Ranged(whole, request, ranged, first, last);
            }

            return RangeExchange(url, key, storedKey, headers, request, complete >= 0 ? entry : null, a, b, complete, ranged, first, last);
        }

        // Serves from a stored partial response when it holds every byte asked for and may be used; null otherwise.
        private CacheResponse ServePartial(CacheEntry entry, RequestFacts request, CacheDecision decision, bool ranged, long first, long last, long a, long b, long complete)
        {
            long from;
            long to;
            if (!ranged || complete < 0 || !ByteRange.Resolve(first, last, complete, out from, out to) || from < a || to > b)
            {
                return null;
            }

            HeaderFields stored = HeaderFields.Of(entry.Headers);
            HeaderFacts storedFacts = new HeaderFacts();
            storedFacts.Load(stored);
            if (!RangeRules.IfRangeAllows(request.Facts, storedFacts))
            {
                return null;
            }

            CacheSource source;
            if (decision.Action == CacheAction.ServeFresh)
            {
                _stats.FreshHits++;
                source = CacheSource.Cache;
            }
            else if (decision.Action == CacheAction.ServeStale)
            {
                _stats.StaleServed++;
                source = CacheSource.CacheStale;
            }
            else
            {
                return null;
            }

            _stats.BodyBytesSaved += to - from + 1;
            return Slice(stored, entry.Body, a, from, to, complete, source, decision.Age);
        }

        // Cuts the asked-for range out of a complete 200 (RFC 9110 15.3.7), or answers 416 when none of it exists; the
        // whole response when If-Range does not match (RFC 9110 13.1.5) or there is no range to cut.
        private static CacheResponse Ranged(CacheResponse full, RequestFacts request, bool ranged, long first, long last)
        {
            if (!ranged || full.StatusCode != 200 || full.Body == null)
            {
                return full;
            }

            HeaderFields fields = HeaderFields.Of(full.HeaderBlock);
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            if (!RangeRules.IfRangeAllows(request.Facts, facts))
            {
                return full;
            }

            long from;
            long to;
            long length = full.Body.Length;
            if (!ByteRange.Resolve(first, last, length, out from, out to))
            {
                // RFC 9110 15.5.17: the complete length, so the client can ask again.
                return new CacheResponse(416, "Range Not Satisfiable", PartialContent.Fields(fields, -1, -1, length, false), null, full.Source, full.Age);
            }

            return Slice(fields, full.Body, 0, from, to, length, full.Source, full.Age);
        }

        // A 206 of bytes [from, to] of a representation of complete bytes, from a body holding it from position bodyFirst.
        private static CacheResponse Slice(HeaderFields fields, byte[] body, long bodyFirst, long from, long to, long complete, CacheSource source, long age)
        {
            byte[] part = new byte[to - from + 1];
            System.Array.Copy(body, (int)(from - bodyFirst), part, 0, part.Length);
            return new CacheResponse(206, "Partial Content", PartialContent.Fields(fields, from, to, complete, false), part, source, age);
        }

        // The request's fields without Range and If-Range: what a cache sends when it wants the whole representation.
        private static HttpHeaders WithoutRange(HttpHeaders headers)
        {
            if (headers == null)
            {
                return null;
            }

            HttpHeaders whole = new HttpHeaders();
            for (int i = 0; i < headers.Count; i++)
            {
                HeaderName known = KnownHeaders.Find(headers.GetName(i));
                if (known != HeaderName.Range && known != HeaderName.IfRange)
                {
                    whole.Add(headers.GetName(i), headers.GetValue(i));
                }
            }

            return whole;
        }
    }
}
