// HttpCacheClient.RangeExchange: asking the origin for a range — the bytes a stored partial response lacks (with
// If-Range, so a changed representation comes back whole), or the client's own range — and storing what comes back.
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano
{
    public sealed partial class HttpCacheClient
    {
        // partial: a stored 206 holding [a, b] of complete bytes that the answer may extend, or null (the request goes as it is).
        private CacheResponse RangeExchange(string url, CacheKey key, CacheKey storedKey, HttpHeaders headers, RequestFacts request, CacheEntry partial,
            long a, long b, long complete, bool ranged, long first, long last)
        {
            HeaderFacts storedFacts = null;
            HttpHeaders asked = headers;
            if (partial != null)
            {
                storedFacts = new HeaderFacts();
                storedFacts.Load(HeaderFields.Of(partial.Headers));
                Target(storedFacts);
                asked = MissingBytes(headers, request, storedFacts, ranged, first, last, a, b, complete);
                if (asked == null)
                {
                    partial = null;
                    asked = headers;
                }
            }

            OriginResponse response;
            CacheNow sent = CacheNow.Read(_clock);
            try
            {
                response = _transport.Send(new OriginRequest(HttpMethods.Get, url, ForwardHeaders(asked, null), null));
            }
            catch (HttpTransportException e)
            {
                lock (_lock)
                {
                    _stats.TransportErrors++;
                    _stats.GatewayTimeouts++;
                }

                return Unreachable(e);
            }

            CacheNow received = CacheNow.Read(_clock);
            CountTransfer(response);
            ExchangeScratch scratch = TakeScratch();
            try
            {
                HeaderFields fields = scratch.Response;
                HeaderFacts facts = scratch.ResponseFacts;
                if (fields.Parse(response.HeaderBlock, 0, response.HeaderLength) != HeaderBlockStatus.Complete)
                {
                    return FromOrigin(response, null, -1);
                }

                facts.Load(fields);

                Target(facts);
                if (response.StatusCode == 200)
                {
                    // The whole representation (a changed one, when If-Range did not match): stored, then the range cut from it.
                    return Ranged(StoreFull(key, HttpMethods.Get, request, response, scratch, sent, received), request, ranged, first, last);
                }

                long age = ForwardedAge(facts, sent, received);
                if (response.StatusCode != 206)
                {
                    lock (_lock)
                    {
                        _stats.FullResponses++;
                    }

                    return FromOrigin(response, EndToEnd(fields, facts, false, scratch.Writer), age);
                }

                long n1;
                long n2;
                long total;
                bool single = PartialContent.StoredRange(fields, out n1, out n2, out total) && n2 - n1 + 1 == response.BodyLength;
                if (partial != null && single && total == complete && n1 >= a && n1 <= b + 1 && RangeRules.SameStrongValidator(storedFacts, facts))
                {
                    CacheEntry combined = Combine(key, partial, a, b, complete, response, n1, n2, request, scratch, sent, received);
                    long from;
                    long to;
                    if (!ranged)
                    {
                        return new CacheResponse(combined.StatusCode, combined.ReasonPhrase, combined.Headers, combined.Body, CacheSource.Network, age);
                    }

                    ByteRange.Resolve(first, last, complete, out from, out to);
                    return Slice(HeaderFields.Of(combined.Headers), combined.Body, a, from, to, complete, CacheSource.Network, age);
                }

                if (partial != null)
                {
                    // Not the part that was asked for: ask again for the client's own request, as it is.
                    return RangeExchange(url, key, storedKey, headers, request, null, -1, -1, -1, ranged, first, last);
                }

                byte[] forwarded = EndToEnd(fields, facts, false, scratch.Writer);
                if (single)
                {
                    StorePartial(key, request, response, scratch, forwarded, sent, received);
                }

                lock (_lock)
                {
                    _stats.FullResponses++;
                }

                return FromOrigin(response, forwarded, age);
            }
            finally
            {
                _spare = scratch;
            }
        }

        // The request for the bytes a partial response lacks, validated by If-Range (RFC 9111 3.4); null when it cannot
        // be completed (no strong validator, a range starting before the stored part or past its end, If-Range failing).
        private static HttpHeaders MissingBytes(HttpHeaders headers, RequestFacts request, HeaderFacts stored, bool ranged, long first, long last, long a, long b, long complete)
        {
            long from = 0;
            long to = complete - 1;
            if (ranged && !ByteRange.Resolve(first, last, complete, out from, out to))
            {
                return null;
            }

            string validator = RangeRules.IfRangeValue(stored);
            if (from < a || from > b + 1 || validator == null || (ranged && !RangeRules.IfRangeAllows(request.Facts, stored)))
            {
                return null;
            }

            // Every byte stored but not fresh: the same range again (a 206 says it is unchanged); otherwise what follows the part.
            HttpHeaders asked = WithoutRange(headers) ?? new HttpHeaders();
            asked.Add("Range", to <= b ? "bytes=" + from + "-" + to : "bytes=" + (b + 1) + "-");
            asked.Add("If-Range", validator);
            return asked;
        }

        // A stored part [a, b] and a received part [n1, n2] of one representation, combined (RFC 9111 3.4): the new part's
        // fields are used, stored fields it does not carry are kept; stored whole (as a 200) once every byte is there.
        private CacheEntry Combine(CacheKey key, CacheEntry partial, long a, long b, long complete, OriginResponse response, long n1, long n2, RequestFacts request,
            ExchangeScratch scratch, CacheNow sent, CacheNow received)
        {
            long newLast = n2 > b ? n2 : b;
            byte[] body = new byte[newLast - a + 1];
            System.Array.Copy(partial.Body, 0, body, 0, partial.Body.Length);
            System.Array.Copy(response.Body, 0, body, (int)(n1 - a), (int)(n2 - n1 + 1));
            scratch.LoadStored(partial.Headers);
            Target(scratch.StoredFacts);
            NotModifiedMerge.Merge(scratch.Stored, scratch.Response, scratch.ResponseFacts, scratch.Writer);
            bool whole = a == 0 && newLast == complete - 1;
            byte[] block = PartialContent.Fields(HeaderFields.Of(scratch.Writer.ToArray()), a, newLast, complete, whole);
            HeaderFields fields = HeaderFields.Of(block);
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            Target(facts);
            int status = whole ? 200 : 206;
            StoredResponseInfo info = StoredResponseInfo.Describe(status, facts, request.Facts, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
            CacheEntry entry = new CacheEntry(key.Normalized, status, whole ? "OK" : "Partial Content", block, body, info,
                facts.HasVary ? Variance.Capture(fields, request.Fields) : null, CredentialBinding(request, facts));
            lock (_lock)
            {
                _stats.FullResponses++;
                _stats.BodyBytesSaved += partial.Body.Length;
                if (Storability.Check(HttpMethods.Get, 200, request.Facts, facts, _options.Mode) == StoreVerdict.Store && !WithholdsShared(facts))
                {
                    StoreVariant(key, entry);
                }
            }

            return entry;
        }

        // A 206 with one range and a strong validator, stored as a partial response (RFC 9111 3.3) a later request may extend.
        private void StorePartial(CacheKey key, RequestFacts request, OriginResponse response, ExchangeScratch scratch, byte[] forwarded, CacheNow sent, CacheNow received)
        {
            HeaderFacts facts = scratch.ResponseFacts;
            if (!RangeRules.HasStrongValidator(facts) || WithholdsShared(facts))
            {
                return;
            }

            lock (_lock)
            {
                if (Storability.Check(HttpMethods.Get, 200, request.Facts, facts, _options.Mode) != StoreVerdict.Store)
                {
                    return;
                }

                StoredResponseInfo info = StoredResponseInfo.Describe(206, facts, request.Facts, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
                CacheEntry entry = new CacheEntry(key.Normalized, 206, response.ReasonPhrase, forwarded, ExactBody(response), info,
                    facts.HasVary ? Variance.Capture(scratch.Response, request.Fields) : null, CredentialBinding(request, facts));
                StoreVariant(key, entry);
            }
        }
    }
}
