// HttpCacheClient: the edge that reads the clock, asks the policy, and drives the transport and the store.
using System;
using System.Collections;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Server;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano
{
    /// <summary>
    /// An HTTP client with an RFC 9111 cache in front of a transport: a private cache by default, a shared one with
    /// <see cref="CacheOptions.Mode"/> = <see cref="CacheMode.Shared"/> (for a proxy or a client acting for many users).
    /// <code>
    /// HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), new WebRequestTransport());
    /// CacheResponse response = cache.Get("https://example.com/config.json");
    /// byte[] config = response.Body;
    /// </code>
    /// </summary>
    /// <remarks>
    /// <para>GET responses are stored; HEAD is answered from them. Requests with <c>Range</c>, <c>If-Range</c>,
    /// <c>If-Match</c> or <c>If-Unmodified-Since</c>, and every other method, go to the origin unchanged; a
    /// non-error answer to an unsafe method invalidates the stored response for the URL and for same-origin
    /// <c>Location</c> / <c>Content-Location</c> (RFC 9111 4.4).</para>
    /// <para>Credentials: a response to a request with <c>Authorization</c> is stored bound to that credential
    /// (a hash of it; the value itself is never stored) and reused only for requests with the same one, in both modes.
    /// In shared mode the fields a shared cache must not store (<see cref="SharedFields"/>) reach the requester but are
    /// kept out of the stored copy.</para>
    /// <para>stale-while-revalidate: a stale response within the window is served at once and the entry is
    /// revalidated in-line on its next use (no background threads on a device).</para>
    /// <para>Thread-safe: the store and the counters are guarded by one lock, released during network I/O.</para>
    /// </remarks>
    public sealed class HttpCacheClient
    {
        private const int MaxPendingRevalidations = 64;

        private static readonly HeaderFacts s_noRequestHeaders = new HeaderFacts();

        private readonly object _lock = new object();
        private readonly ICacheStore _store;
        private readonly IHttpTransport _transport;
        private readonly IClock _clock;
        private readonly CacheOptions _options;

        // Keys served stale within stale-while-revalidate, revalidated on their next use. Kept here rather than on
        // the entry so it works with every store (a flash store hands out a new entry object on each lookup).
        private readonly Hashtable _revalidatePending = new Hashtable();
        private CacheStats _stats;

        /// <summary>Creates a client with the system clock and default options.</summary>
        public HttpCacheClient(ICacheStore store, IHttpTransport transport)
            : this(store, transport, new SystemClock(), new CacheOptions())
        {
        }

        /// <summary>Creates a client.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public HttpCacheClient(ICacheStore store, IHttpTransport transport, IClock clock, CacheOptions options)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (transport == null)
            {
                throw new ArgumentNullException("transport");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _store = store;
            _transport = transport;
            _clock = clock;
            _options = options == null ? new CacheOptions() : options;
        }

        /// <summary>The store.</summary>
        public ICacheStore Store
        {
            get { return _store; }
        }

        /// <summary>The options the client was created with.</summary>
        public CacheOptions Options
        {
            get { return _options; }
        }

        /// <summary>A snapshot of the counters.</summary>
        public CacheStats Stats
        {
            get
            {
                lock (_lock)
                {
                    CacheStats copy = _stats;
                    copy.Evictions = _store.Evictions;
                    return copy;
                }
            }
        }

        /// <summary>GETs <paramref name="url"/> through the cache.</summary>
        /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
        public CacheResponse Get(string url)
        {
            return Send("GET", url, null, null);
        }

        /// <summary>Sends a request through the cache.</summary>
        /// <param name="method">The method (case-sensitive, e.g. <c>GET</c>).</param>
        /// <param name="url">The absolute http or https URL.</param>
        /// <param name="headers">End-to-end request fields, or null.</param>
        /// <param name="body">The request body, or null.</param>
        /// <returns>The response; a transport failure that nothing stored can cover becomes a generated 504 with <see cref="CacheResponse.Error"/> set.</returns>
        /// <exception cref="ArgumentNullException">The method or URL is null.</exception>
        /// <exception cref="ArgumentException">The method is empty or the URL is not an absolute http or https URL.</exception>
        public CacheResponse Send(string method, string url, HttpHeaders headers, byte[] body)
        {
            CacheKey key = CacheKey.Of("GET", url);
            if (method == null)
            {
                throw new ArgumentNullException("method");
            }

            HeaderFacts request = s_noRequestHeaders;
            if (headers != null && headers.Count > 0)
            {
                request = new HeaderFacts();
                headers.AddTo(request);
            }

            bool cacheable = (method == "GET" || method == "HEAD") && !request.HasPreconditionOrRange;
            if (!cacheable)
            {
                return PassThrough(method, url, key, headers, body);
            }

            CacheNow now = CacheNow.Read(_clock);
            CacheEntry entry;
            CacheDecision decision;
            lock (_lock)
            {
                _stats.Requests++;
                entry = _store.Find(key);
                if (entry != null && !IsVariantFor(entry, headers))
                {
                    entry = null;
                }

                bool pending = entry != null && _revalidatePending.Count > 0 && _revalidatePending.Contains(entry.Key);
                decision = CachePolicy.Decide(request, entry != null, entry == null ? default(StoredResponseInfo) : entry.Info, pending, now, _options);
                if (pending && decision.Action != CacheAction.ServeStale)
                {
                    // The revalidation owed by a stale-while-revalidate serve happens now (or is no longer needed).
                    _revalidatePending.Remove(entry.Key);
                }

                switch (decision.Action)
                {
                    case CacheAction.ServeFresh:
                        _stats.FreshHits++;
                        _stats.BodyBytesSaved += entry.Body.Length;
                        return FromEntry(entry, entry.Headers, method, request, CacheSource.Cache, decision.Age);
                    case CacheAction.ServeStale:
                        if (decision.StaleReason == StaleReason.WhileRevalidate)
                        {
                            MarkRevalidatePending(entry.Key);
                        }

                        return ServeStale(entry, method, request, decision.Age, decision.StaleReason);
                    case CacheAction.GatewayTimeout:
                        _stats.GatewayTimeouts++;
                        _stats.Misses++;
                        return Generated504("only-if-cached: no stored response satisfies the request");
                }

                if (decision.Action == CacheAction.Revalidate)
                {
                    _stats.Revalidations++;
                }
                else
                {
                    _stats.Misses++;
                }
            }

            return Exchange(method, url, key, headers, request, entry, decision);
        }

        // Sends the request (conditional when revalidating) and applies the answer to the store.
        private CacheResponse Exchange(string method, string url, CacheKey key, HttpHeaders headers, HeaderFacts request, CacheEntry entry, CacheDecision decision)
        {
            bool conditional = decision.Action == CacheAction.Revalidate;
            for (int attempt = 0; ; attempt++)
            {
                OriginRequest originRequest = new OriginRequest(method, url, ForwardHeaders(headers, conditional ? entry : null), null);
                CacheNow sent = CacheNow.Read(_clock);
                OriginResponse response;
                try
                {
                    response = _transport.Send(originRequest);
                }
                catch (HttpTransportException e)
                {
                    return OnTransportError(entry, method, request, decision, e);
                }

                CacheNow received = CacheNow.Read(_clock);
                HeaderFacts facts = new HeaderFacts();
                int consumed;
                HeaderBlockStatus status = HeaderParser.Parse(new TextSlice(response.HeaderBlock, 0, response.HeaderLength), facts, _options.MaxResponseHeaderFields, out consumed);
                CountTransfer(response);

                if (status != HeaderBlockStatus.Complete)
                {
                    lock (_lock)
                    {
                        _stats.Uncacheable++;
                        _stats.FullResponses++;
                    }

                    return FromOrigin(response, null);
                }

                if (response.StatusCode == 304 && conditional)
                {
                    TextSlice storedHeaders = TextSlice.Of(entry.Headers);
                    if (NotModifiedMerge.Selects(facts, storedHeaders, entry.Info.LastModified))
                    {
                        return Freshen(key, entry, method, headers, request, response, facts, sent, received);
                    }

                    // The 304 does not match what was stored (RFC 9111 4.3.3): fetch the full response once.
                    if (attempt == 0)
                    {
                        conditional = false;
                        continue;
                    }
                }

                if (entry != null && IsServerError(response.StatusCode) && decision.StaleIfErrorAllowed)
                {
                    lock (_lock)
                    {
                        return ServeStale(entry, method, request, Freshness.CurrentAge(entry.Info, received), StaleReason.Error);
                    }
                }

                return StoreFull(key, method, headers, request, response, facts, sent, received);
            }
        }

        private CacheResponse StoreFull(CacheKey key, string method, HttpHeaders headers, HeaderFacts request, OriginResponse response, HeaderFacts facts, CacheNow sent, CacheNow received)
        {
            TextSlice block = new TextSlice(response.HeaderBlock, 0, response.HeaderLength);
            byte[] forwarded = EndToEnd(block, facts, null);
            lock (_lock)
            {
                if (response.StatusCode == 304)
                {
                    // A 304 to the client's own conditional request: nothing to store.
                    _stats.PassThroughs++;
                    return FromOrigin(response, forwarded);
                }

                _stats.FullResponses++;
                if (method == "HEAD")
                {
                    // RFC 9111 4.3.5: a HEAD response whose validators differ from the stored GET response makes it stale.
                    CacheEntry current = _store.Find(key);
                    if (current != null && !SameValidators(current, facts))
                    {
                        _store.Remove(key);
                    }

                    return FromOrigin(response, forwarded);
                }

                StoreVerdict verdict = Storability.Check(method, response.StatusCode, request, facts, _options.Mode);
                if (verdict != StoreVerdict.Store)
                {
                    _stats.Uncacheable++;
                    _store.Remove(key);
                    return FromOrigin(response, forwarded);
                }

                // What the requester gets may hold fields a shared cache keeps from everyone else.
                byte[] stored = WithheldRemoved(forwarded, facts);
                byte[] body = ExactBody(response);
                StoredResponseInfo info = StoredResponseInfo.Describe(response.StatusCode, facts, request, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
                CacheEntry entry = new CacheEntry(key.ToString(), response.StatusCode, response.ReasonPhrase, stored, body, info,
                    facts.HasVary ? Variance.Capture(TextSlice.Of(stored), headers) : null, Variance.CredentialHash(headers));
                if (!_store.Put(key, entry))
                {
                    _stats.TooLarge++;
                }

                return new CacheResponse(response.StatusCode, response.ReasonPhrase, forwarded, body, CacheSource.Network, -1);
            }
        }

        private CacheResponse Freshen(CacheKey key, CacheEntry entry, string method, HttpHeaders headers, HeaderFacts request, OriginResponse response, HeaderFacts notModifiedFacts, CacheNow sent, CacheNow received)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(entry.Headers.Length + response.HeaderLength);
            bool validatorsChanged = NotModifiedMerge.Merge(TextSlice.Of(entry.Headers), new TextSlice(response.HeaderBlock, 0, response.HeaderLength), writer);
            byte[] merged = writer.ToArray();
            HeaderFacts mergedFacts = new HeaderFacts();
            int consumed;
            HeaderParser.Parse(TextSlice.Of(merged), mergedFacts, int.MaxValue, out consumed);
            byte[] stored = WithheldRemoved(merged, mergedFacts);

            // The 304's own Age (not the stored one) is the age value of this validation (RFC 9111 4.2.3).
            StoredResponseInfo info = StoredResponseInfo.Describe(entry.StatusCode, mergedFacts, request, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
            info.InitialAge = Freshness.InitialAge(notModifiedFacts.Age, mergedFacts.Date, received.WallSeconds, StoredResponseInfo.ResponseDelay(sent, received));
            CacheEntry updated = new CacheEntry(entry.Key, entry.StatusCode, entry.ReasonPhrase, stored, entry.Body, info,
                mergedFacts.HasVary ? Variance.Capture(TextSlice.Of(stored), headers) : null, entry.CredentialHash);
            lock (_lock)
            {
                _stats.NotModified++;
                _stats.BodyBytesSaved += entry.Body.Length;
                _store.Freshen(key, updated, validatorsChanged);
                return FromEntry(updated, merged, method, request, CacheSource.CacheRevalidated, Freshness.CurrentAge(info, received));
            }
        }

        private CacheResponse OnTransportError(CacheEntry entry, string method, HeaderFacts request, CacheDecision decision, HttpTransportException error)
        {
            lock (_lock)
            {
                _stats.TransportErrors++;
                if (entry != null && (decision.StaleIfErrorAllowed || decision.StaleWhenOfflineAllowed))
                {
                    StaleReason reason = decision.StaleIfErrorAllowed ? StaleReason.Error : StaleReason.Offline;
                    return ServeStale(entry, method, request, Freshness.CurrentAge(entry.Info, CacheNow.Read(_clock)), reason);
                }

                _stats.GatewayTimeouts++;
                return Unreachable(error);
            }
        }

        private CacheResponse PassThrough(string method, string url, CacheKey key, HttpHeaders headers, byte[] body)
        {
            lock (_lock)
            {
                _stats.Requests++;
                _stats.PassThroughs++;
            }

            OriginResponse response;
            try
            {
                response = _transport.Send(new OriginRequest(method, url, ForwardHeaders(headers, null), body));
            }
            catch (HttpTransportException e)
            {
                lock (_lock)
                {
                    _stats.TransportErrors++;
                }

                return Unreachable(e);
            }

            HeaderFacts facts = new HeaderFacts();
            int consumed;
            TextSlice block = new TextSlice(response.HeaderBlock, 0, response.HeaderLength);
            HeaderBlockStatus status = HeaderParser.Parse(block, facts, _options.MaxResponseHeaderFields, out consumed);
            byte[] forwarded = status == HeaderBlockStatus.Complete ? EndToEnd(block, facts, null) : null;

            CountTransfer(response);
            lock (_lock)
            {
                if (Invalidation.Invalidates(method, response.StatusCode))
                {
                    Invalidate(key);
                    if (status == HeaderBlockStatus.Complete)
                    {
                        InvalidateReference(url, block, HeaderName.Location);
                        InvalidateReference(url, block, HeaderName.ContentLocation);
                    }
                }
            }

            return FromOrigin(response, forwarded);
        }

        private void InvalidateReference(string url, TextSlice block, HeaderName name)
        {
            TextSlice value;
            if (!HeaderBlockReader.TryFind(block, name, out value))
            {
                return;
            }

            string target = Invalidation.ResolveSameOrigin(url, value);
            if (target == null)
            {
                return;
            }

            CacheKey targetKey;
            try
            {
                targetKey = CacheKey.Of("GET", target);
            }
            catch (ArgumentException)
            {
                // A reference that is not a usable URL names nothing stored.
                return;
            }

            Invalidate(targetKey);
        }

        private void Invalidate(CacheKey key)
        {
            if (_store.Remove(key))
            {
                _stats.Invalidations++;
            }
        }

        private void MarkRevalidatePending(string key)
        {
            // Bounded: forgetting marks only means one more stale serve within the window.
            if (_revalidatePending.Count >= MaxPendingRevalidations)
            {
                _revalidatePending.Clear();
            }

            _revalidatePending[key] = true;
        }

        private bool IsVariantFor(CacheEntry entry, HttpHeaders headers)
        {
            if (entry.CredentialHash != Variance.CredentialHash(headers))
            {
                return false;
            }

            return !entry.Info.HasVary || Variance.Matches(TextSlice.Of(entry.Headers), entry.VaryValues, headers);
        }

        private CacheResponse ServeStale(CacheEntry entry, string method, HeaderFacts request, long age, StaleReason reason)
        {
            _stats.StaleServed++;
            _stats.BodyBytesSaved += entry.Body.Length;
            switch (reason)
            {
                case StaleReason.MaxStale:
                    _stats.StaleMaxStale++;
                    break;
                case StaleReason.WhileRevalidate:
                    _stats.StaleWhileRevalidate++;
                    break;
                case StaleReason.Error:
                    _stats.StaleOnError++;
                    break;
                default:
                    _stats.StaleOffline++;
                    break;
            }

            CacheResponse response = FromEntry(entry, entry.Headers, method, request, CacheSource.CacheStale, age);
            response.StaleReason = reason;
            return response;
        }

        private static bool SameValidators(CacheEntry entry, HeaderFacts facts)
        {
            if (facts.ETag.IsValid)
            {
                TextSlice value;
                EntityTag stored;
                return HeaderBlockReader.TryFind(TextSlice.Of(entry.Headers), HeaderName.ETag, out value) && EntityTag.TryParse(value, out stored)
                    && EntityTag.StrongEquals(stored, facts.ETag);
            }

            return facts.LastModified < 0 || facts.LastModified == entry.Info.LastModified;
        }

        private static bool IsServerError(int statusCode)
        {
            return statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504;
        }

        // End-to-end request fields, plus the stored validators when revalidating (RFC 9111 4.3.1).
        private static HttpHeaders ForwardHeaders(HttpHeaders headers, CacheEntry validating)
        {
            HttpHeaders forwarded = new HttpHeaders();
            string connection = headers == null ? null : headers.Get("Connection");
            if (headers != null)
            {
                for (int i = 0; i < headers.Count; i++)
                {
                    string name = headers.GetName(i);
                    HeaderName known = KnownHeaders.Find(TextSlice.Of(name));
                    if (KnownHeaders.IsHopByHop(known) || known == HeaderName.Host || known == HeaderName.ContentLength
                        || (connection != null && KnownHeaders.IsListedIn(TextSlice.Of(connection), TextSlice.Of(name))))
                    {
                        continue;
                    }

                    if (validating != null && (known == HeaderName.IfNoneMatch || known == HeaderName.IfModifiedSince))
                    {
                        continue;
                    }

                    forwarded.Add(name, headers.GetValue(i));
                }
            }

            if (validating != null)
            {
                TextSlice etag;
                if (validating.Info.HasETag && HeaderBlockReader.TryFind(TextSlice.Of(validating.Headers), HeaderName.ETag, out etag))
                {
                    forwarded.Add("If-None-Match", etag.ToString());
                }

                // RFC 9111 4.3.1: the entity-tag is what must be sent; If-Modified-Since only when there is none
                // (an origin ignores it next to If-None-Match anyway), which saves its bytes on every poll.
                long since = validating.Info.LastModified >= 0 ? validating.Info.LastModified : validating.Info.Date;
                if (!validating.Info.HasETag && since >= 0)
                {
                    forwarded.Add("If-Modified-Since", HttpDate.ToString(since));
                }
            }

            return forwarded;
        }

        // The end-to-end fields of a response: hop-by-hop fields, those named in Connection, and Age dropped; with
        // withholdFor, also the fields a shared cache must not store (SharedFields).
        private static byte[] EndToEnd(TextSlice block, HeaderFacts facts, HeaderFacts withholdFor)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(block.Length + 2);
            HeaderParser.Parse(block, new StoredHeaderFilter(writer, facts.Connection, withholdFor), int.MaxValue, out int consumed);
            writer.End();
            return writer.ToArray();
        }

        // The header block to store: in a shared cache, without the fields it keeps back from other users.
        private byte[] WithheldRemoved(byte[] headers, HeaderFacts facts)
        {
            return _options.Mode == CacheMode.Shared && SharedFields.AnyWithheld(facts) ? EndToEnd(TextSlice.Of(headers), facts, facts) : headers;
        }

        // A stored response for the caller, with the given header block; a 304 instead when the caller's own validators
        // match it (RFC 9111 4.3.2).
        private static CacheResponse FromEntry(CacheEntry entry, byte[] headers, string method, HeaderFacts request, CacheSource source, long age)
        {
            if (entry.StatusCode == 200 && (request.HasIfNoneMatch || request.IfModifiedSince >= 0))
            {
                TextSlice stored = TextSlice.Of(entry.Headers);
                TextSlice value;
                EntityTag etag = default(EntityTag);
                if (HeaderBlockReader.TryFind(stored, HeaderName.ETag, out value))
                {
                    EntityTag.TryParse(value, out etag);
                }

                if (ConditionalGet.Evaluate(method, request, etag, entry.Info.LastModified, true) == ConditionalResult.NotModified)
                {
                    HeaderBlockWriter writer = new HeaderBlockWriter(entry.Headers.Length);
                    ConditionalGet.WriteNotModifiedHeaders(stored, writer);
                    return new CacheResponse(304, "Not Modified", writer.ToArray(), null, source, age);
                }
            }

            return new CacheResponse(entry.StatusCode, entry.ReasonPhrase, headers, method == "HEAD" ? null : entry.Body, source, age);
        }

        // The body as an array of its exact length: the transport's own when it already is (no copy).
        private static byte[] ExactBody(OriginResponse response)
        {
            if (response.Body.Length == response.BodyLength)
            {
                return response.Body;
            }

            byte[] body = new byte[response.BodyLength];
            Array.Copy(response.Body, body, response.BodyLength);
            return body;
        }

        private static CacheResponse FromOrigin(OriginResponse response, byte[] headers)
        {
            byte[] body = ExactBody(response);
            return new CacheResponse(response.StatusCode, response.ReasonPhrase, headers == null ? new byte[] { 13, 10 } : headers, body, CacheSource.Network, -1);
        }

        // What the transport reports it moved on the wire, the figure a metered link bills.
        private void CountTransfer(OriginResponse response)
        {
            lock (_lock)
            {
                _stats.WireBytesSent += response.BytesSent;
                _stats.WireBytesReceived += response.BytesReceived;
                _stats.BodyBytesReceived += response.BodyLength;
            }
        }

        private static CacheResponse Unreachable(HttpTransportException error)
        {
            CacheResponse response = Generated504(error.Message);
            response.OriginUnreachable = true;
            return response;
        }

        private static CacheResponse Generated504(string error)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(32);
            writer.Append("Content-Length", 0);
            writer.End();
            CacheResponse response = new CacheResponse(504, "Gateway Timeout", writer.ToArray(), null, CacheSource.Generated, -1);
            response.Error = error;
            return response;
        }

        private sealed class StoredHeaderFilter : IHeaderSink
        {
            private readonly HeaderBlockWriter _writer;
            private readonly TextSlice _connection;
            private readonly HeaderFacts _withholdFor;

            public StoredHeaderFilter(HeaderBlockWriter writer, TextSlice connection, HeaderFacts withholdFor)
            {
                _writer = writer;
                _connection = connection;
                _withholdFor = withholdFor;
            }

            public void OnHeader(TextSlice name, TextSlice value)
            {
                HeaderName known = KnownHeaders.Find(name);
                if (KnownHeaders.IsHopByHop(known) || known == HeaderName.Age || (!_connection.IsEmpty && KnownHeaders.IsListedIn(_connection, name))
                    || (_withholdFor != null && SharedFields.IsWithheld(known, name, _withholdFor)))
                {
                    return;
                }

                _writer.Append(name, value);
            }
        }
    }
}
