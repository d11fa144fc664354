// HttpCacheClient.Exchange: the client's side of talking to the origin — the (conditional) request, the 304 merge,
// storing a full response and transport errors. Parsing state is reused through ExchangeScratch.
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano
{
    public sealed partial class HttpCacheClient
    {
        // One set of parsing tables kept for the next exchange (a device runs one at a time); a concurrent exchange makes its own.
        private ExchangeScratch _spare;

        // Sends the request (conditional when validating is set) and applies the answer to the store; storedKey is where
        // the stored response (a variant of key's URI) lives.
        private CacheResponse Exchange(string method, string url, CacheKey key, CacheKey storedKey, HttpHeaders headers, RequestFacts request, CacheEntry validating, CacheEntry stored,
            bool staleIfError, bool staleWhenOffline)
        {
            ExchangeScratch scratch = TakeScratch();
            try
            {
                for (int attempt = 0; ; attempt++)
                {
                    OriginRequest originRequest = new OriginRequest(method, url, ForwardHeaders(headers, validating), null);
                    CacheNow sent = CacheNow.Read(_clock);
                    OriginResponse response;
                    try
                    {
                        response = _transport.Send(originRequest);
                    }
                    catch (HttpTransportException e)
                    {
                        return OnTransportError(stored, method, request, staleIfError, staleWhenOffline, e);
                    }

                    CacheNow received = CacheNow.Read(_clock);
                    CountTransfer(response);
                    HeaderFields fields = scratch.Response;
                    HeaderFacts facts = scratch.ResponseFacts;
                    if (fields.Parse(response.HeaderBlock, 0, response.HeaderLength) != HeaderBlockStatus.Complete)
                    {
                        lock (_lock)
                        {
                            _stats.Uncacheable++;
                            _stats.FullResponses++;
                        }

                        return FromOrigin(response, null, -1);
                    }

                    facts.Load(fields);

                    Target(facts);
                    if (response.StatusCode == 304 && validating != null)
                    {
                        scratch.LoadStored(validating.Headers);
                        Target(scratch.StoredFacts);
                        if (NotModifiedMerge.Selects(facts, scratch.StoredFacts))
                        {
                            return Freshen(storedKey, validating, method, request, scratch, sent, received);
                        }

                        // The 304 does not match what was stored (RFC 9111 4.3.3): fetch the full response once.
                        if (attempt == 0)
                        {
                            validating = null;
                            continue;
                        }
                    }

                    if (stored != null && IsServerError(response.StatusCode) && staleIfError)
                    {
                        lock (_lock)
                        {
                            CacheResponse stale = ServeStale(stored, method, request, Freshness.CurrentAge(stored.Info, received), StaleReason.Error);
                            stale.ForwardStatus = response.StatusCode;
                            return stale;
                        }
                    }

                    return StoreFull(key, method, request, response, scratch, sent, received);
                }
            }
            finally
            {
                _spare = scratch;
            }
        }

        private ExchangeScratch TakeScratch()
        {
            lock (_lock)
            {
                ExchangeScratch scratch = _spare;
                _spare = null;
                return scratch == null ? new ExchangeScratch(_options.MaxResponseHeaderFields) : scratch;
            }
        }

        private CacheResponse StoreFull(CacheKey key, string method, RequestFacts request, OriginResponse response, ExchangeScratch scratch, CacheNow sent, CacheNow received)
        {
            HeaderFields fields = scratch.Response;
            HeaderFacts facts = scratch.ResponseFacts;
            byte[] forwarded = EndToEnd(fields, facts, false, scratch.Writer);
            long age = ForwardedAge(facts, sent, received);
            lock (_lock)
            {
                if (response.StatusCode == 304)
                {
                    // A 304 to the client's own conditional request: nothing to store.
                    _stats.PassThroughs++;
                    return FromOrigin(response, forwarded, age);
                }

                _stats.FullResponses++;
                if (method == HttpMethods.Head)
                {
                    // RFC 9111 4.3.5: a HEAD response whose validators differ from the stored GET response makes it stale.
                    CacheEntry current = _store.Find(key);
                    if (current != null && !SameValidators(current, facts, scratch))
                    {
                        _store.Remove(key);
                    }

                    return FromOrigin(response, forwarded, age);
                }

                StoreVerdict verdict = Storability.Check(method, response.StatusCode, request.Facts, facts, _options.Mode);
                if (verdict != StoreVerdict.Store)
                {
                    _stats.Uncacheable++;
                    _store.Remove(key);
                    return FromOrigin(response, forwarded, age);
                }

                // What the requester gets may hold fields a shared cache keeps from everyone else.
                byte[] storedHeaders = WithholdsShared(facts) ? EndToEnd(fields, facts, true, scratch.Writer) : forwarded;
                byte[] body = ExactBody(response);
                StoredResponseInfo info = StoredResponseInfo.Describe(response.StatusCode, facts, request.Facts, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
                CacheEntry entry = new CacheEntry(key.Normalized, response.StatusCode, response.ReasonPhrase, storedHeaders, body, info,
                    facts.HasVary ? Variance.Capture(fields, request.Fields) : null, CredentialBinding(request, facts));
                CacheResponse network = new CacheResponse(response.StatusCode, response.ReasonPhrase, forwarded, body, CacheSource.Network, age);
                network.ForwardStatus = response.StatusCode;
                if (StoreVariant(key, entry))
                {
                    network.Stored = true;
                    network.SetFreshness(info, info.InitialAge);
                }
                else
                {
                    _stats.TooLarge++;
                }

                return network;
            }
        }

        private CacheResponse Freshen(CacheKey key, CacheEntry entry, string method, RequestFacts request, ExchangeScratch scratch, CacheNow sent, CacheNow received)
        {
            bool validatorsChanged = NotModifiedMerge.Merge(scratch.Stored, scratch.Response, scratch.ResponseFacts, scratch.Writer);
            byte[] merged = scratch.Writer.ToArray();
            scratch.LoadStored(merged);
            Target(scratch.StoredFacts);
            HeaderFields mergedFields = scratch.Stored;
            HeaderFacts mergedFacts = scratch.StoredFacts;
            byte[] stored = WithholdsShared(mergedFacts) ? EndToEnd(mergedFields, mergedFacts, true, scratch.Writer) : merged;

            // The 304's own Age (not the stored one) is the age value of this validation (RFC 9111 4.2.3).
            StoredResponseInfo info = StoredResponseInfo.Describe(entry.StatusCode, mergedFacts, request.Facts, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
            info.InitialAgeMilliseconds = Freshness.InitialAgeMilliseconds(scratch.ResponseFacts.Age, mergedFacts.Date, received.WallSeconds, StoredResponseInfo.ResponseDelayMilliseconds(sent, received));
            CacheEntry updated = new CacheEntry(entry.Key, entry.StatusCode, entry.ReasonPhrase, stored, entry.Body, info,
                mergedFacts.HasVary ? Variance.Capture(mergedFields, request.Fields) : null, entry.CredentialHash);
            if (!validatorsChanged && entry.ConditionalPrepared && info.HasETag)
            {
                // The entity-tag it sends is unchanged (a date-based one follows the newest Date, so it is worked out again).
                updated.SetConditional(entry.ConditionalHeader, entry.ConditionalValue);
            }

            lock (_lock)
            {
                _stats.NotModified++;
                _stats.BodyBytesSaved += entry.Body.Length;
                _store.Freshen(key, updated, validatorsChanged);
                CacheResponse revalidated = FromEntry(updated, merged, method, request, CacheSource.CacheRevalidated, Freshness.CurrentAge(info, received));
                revalidated.ForwardStatus = 304;
                revalidated.Stored = true;
                return revalidated;
            }
        }

        private CacheResponse OnTransportError(CacheEntry stored, string method, RequestFacts request, bool staleIfError, bool staleWhenOffline, HttpTransportException error)
        {
            lock (_lock)
            {
                _stats.TransportErrors++;
                if (error.BodyTooLarge)
                {
                    // The origin is there; its body is just too large to hold: not an outage, nothing stale stands in.
                    _stats.TooLarge++;
                    CacheResponse tooLarge = Unreachable(error);
                    tooLarge.BodyTooLarge = true;
                    return tooLarge;
                }

                // A malformed or oversized answer is an error of the origin's (stale-if-error may cover it), not an outage.
                staleWhenOffline = staleWhenOffline && error.Failure != TransportFailure.Protocol;
                if (stored != null && (staleIfError || staleWhenOffline))
                {
                    _now.ReadFrom(_clock);
                    return ServeStale(stored, method, request, Freshness.CurrentAge(stored.Info, _now), staleIfError ? StaleReason.Error : StaleReason.Offline);
                }

                _stats.GatewayTimeouts++;
                CacheResponse unreachable = Unreachable(error);
                unreachable.StoredResponseWithheld = stored != null;
                unreachable.Failure = error.Failure;
                return unreachable;
            }
        }

        // The age a response from the network leaves with (RFC 9111 4.2.3, 5.1): when an upstream cache gave it an Age,
        // the age the cache computes from it (corrected by the response delay); none when the origin sent none, since an
        // Age field says the response was not generated or validated by the origin for this request.
        private static long ForwardedAge(HeaderFacts facts, CacheNow sent, CacheNow received)
        {
            if (facts.Age < 0)
            {
                return -1;
            }

            return Freshness.InitialAgeMilliseconds(facts.Age, facts.Date, received.WallSeconds, StoredResponseInfo.ResponseDelayMilliseconds(sent, received)) / 1000;
        }

        private bool WithholdsShared(HeaderFacts facts)
        {
            return _options.Mode == CacheMode.Shared && SharedFields.AnyWithheld(facts);
        }

        // A HEAD response validates the stored GET response when its entity-tag (or, without one, its Last-Modified) agrees.
        private static bool SameValidators(CacheEntry entry, HeaderFacts facts, ExchangeScratch scratch)
        {
            if (facts.HasETag)
            {
                scratch.LoadStored(entry.Headers);
                HeaderFacts stored = scratch.StoredFacts;
                if (facts.ETagIsOpaque || stored.ETagIsOpaque)
                {
                    return stored.ETagIsOpaque && facts.ETagIsOpaque && EntityTag.OpaqueEquals(stored.Buffer, stored.ETagStart, stored.ETagLength, facts.Buffer, facts.ETagStart, facts.ETagLength);
                }

                return stored.HasETag && EntityTag.StrongEquals(stored.Buffer, stored.ETagStart, stored.ETagLength, stored.ETagIsWeak, facts.Buffer, facts.ETagStart, facts.ETagLength, facts.ETagIsWeak);
            }

            return facts.LastModified < 0 || facts.LastModified == entry.Info.LastModified;
        }

        private static bool IsServerError(int statusCode)
        {
            return statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504;
        }

        // End-to-end request fields, plus the stored validator when revalidating (RFC 9111 4.3.1).
        private static HttpHeaders ForwardHeaders(HttpHeaders headers, CacheEntry validating)
        {
            HttpHeaders forwarded = RequestFields.EndToEnd(headers, validating != null);
            if (validating != null)
            {
                ConditionalFields.Prepare(validating);
                if (validating.ConditionalHeader != null)
                {
                    forwarded.AddValidated(validating.ConditionalHeader, validating.ConditionalValue);
                }
            }

            return forwarded;
        }

        // The end-to-end fields as a new array (the writer is reused).
        private static byte[] EndToEnd(HeaderFields fields, HeaderFacts facts, bool withholdShared, HeaderBlockWriter writer)
        {
            writer.Clear();
            StoredFields.Write(fields, facts, withholdShared, writer);
            return writer.ToArray();
        }

        // The body as an array of its exact length: the transport's own when it already is (no copy).
        private static byte[] ExactBody(OriginResponse response)
        {
            if (response.Body.Length == response.BodyLength)
            {
                return response.Body;
            }

            byte[] body = new byte[response.BodyLength];
            System.Array.Copy(response.Body, body, response.BodyLength);
            return body;
        }

        private static CacheResponse FromOrigin(OriginResponse response, byte[] headers, long age)
        {
            byte[] body = ExactBody(response);
            CacheResponse forwarded = new CacheResponse(response.StatusCode, response.ReasonPhrase, headers == null ? new byte[] { 13, 10 } : headers, body, CacheSource.Network, age);
            forwarded.ForwardStatus = response.StatusCode;
            return forwarded;
        }

        // What the transport reports it moved on the wire, the figure a metered link bills.
        private void CountTransfer(OriginResponse response)
        {
            lock (_lock)
            {
                _stats.WireBytesSent += response.BytesSent;
                _stats.WireBytesReceived += response.BytesReceived;
                _stats.BodyBytesReceived += response.BodyLength;

                // A transport that cannot see the socket reports no link bytes: its HTTP bytes are the best count there is.
                bool linkCounted = response.LinkBytesSent > 0 || response.LinkBytesReceived > 0;
                _stats.LinkBytesSent += linkCounted ? response.LinkBytesSent : response.BytesSent;
                _stats.LinkBytesReceived += linkCounted ? response.LinkBytesReceived : response.BytesReceived;
                _stats.ConnectionsOpened += response.NewConnection ? 1 : 0;
                _stats.TlsHandshakes += response.TlsHandshake ? 1 : 0;
            }
        }

        // Parsing tables for one exchange: the response, the stored response (reused for the merged block), and a writer.
        private sealed class ExchangeScratch
        {
            public ExchangeScratch(int maxFields)
            {
                Response = new HeaderFields(maxFields);
                ResponseFacts = new HeaderFacts();
                StoredFacts = new HeaderFacts();
                Writer = new HeaderBlockWriter(512);
            }

            public HeaderFields Response { get; private set; }

            public HeaderFacts ResponseFacts { get; private set; }

            // Sized on first use to the largest stored (or merged) block seen: those were written by the cache itself.
            public HeaderFields Stored { get; private set; }

            public HeaderFacts StoredFacts { get; private set; }

            public HeaderBlockWriter Writer { get; private set; }

            // Parses a block the cache wrote (a stored or merged response) into Stored and StoredFacts.
            public void LoadStored(byte[] block)
            {
                int lines = HeaderFields.LineCount(block, 0, block.Length);
                if (Stored == null || Stored.MaxFields < lines)
                {
                    Stored = new HeaderFields(lines + 8);
                }

                Stored.Parse(block, 0, block.Length);
                StoredFacts.Load(Stored);
            }
        }
    }
}
