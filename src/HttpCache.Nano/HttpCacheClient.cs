// HttpCacheClient: the edge that reads the clock, asks the policy, and drives the transport and the store.
// Interpreter cost of a fresh hit (ServeIfFresh): one lock, a memoised key, an LRU lookup with one native string
// compare, the policy's arithmetic on class fields, and the entry's own response object returned (no allocation).
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
    /// HttpCacheClient cache = new HttpCacheClient(new RamStore(8, 32 * 1024), new SocketTransport());
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
    /// <para>A fresh hit of a plain GET returns the entry's own <see cref="CacheResponse"/>, its age updated: keep what
    /// you need from it before the next request for that URL.</para>
    /// <para>Thread-safe: the store and the counters are guarded by one lock, released during network I/O.</para>
    /// </remarks>
    public sealed partial class HttpCacheClient
    {
        private const int MaxPendingRevalidations = 64;

        private readonly object _lock = new object();
        private readonly ICacheStore _store;
        private readonly IHttpTransport _transport;
        private readonly IClock _clock;
        private readonly CacheOptions _options;


        // Keys served stale within stale-while-revalidate, revalidated on their next use. Kept here rather than on
        // the entry so it works with every store (a flash store hands out a new entry object on each lookup). Made on
        // first use, like the variant lists: a Hashtable costs 360 B of a device's heap, and most clients never need one.
        private Hashtable _revalidatePending;

        // Used under the lock only: the clock reading and the decision of the lookup in progress.
        private readonly CacheNow _now = new CacheNow(-1, 0, 0);
        private readonly CacheDecision _decision = new CacheDecision();
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

        /// <summary>
        /// Closes the transport's idle connections (a transport that keeps them, <see cref="IConnectionPool"/>): call it after
        /// a burst of requests, before deep sleep.
        /// </summary>
        public void CloseIdle()
        {
            IConnectionPool pool = _transport as IConnectionPool;
            if (pool != null)
            {
                pool.CloseIdle();
            }
        }

        /// <summary>GETs <paramref name="url"/> through the cache.</summary>
        /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
        public CacheResponse Get(string url)
        {
            return Send(HttpMethods.Get, url, null, null);
        }

        /// <summary>
        /// GETs <paramref name="url"/> through the cache, accepting a stored response only while it stays fresh for at least
        /// <paramref name="minFreshSeconds"/> more seconds (RFC 9111 5.2.1.3 <c>min-fresh</c>, applied here and not sent to
        /// the origin, so it costs no bytes on the wire); otherwise the stored response is revalidated. Allocates a little.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="minFreshSeconds"/> is negative.</exception>
        /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
        public CacheResponse Get(string url, long minFreshSeconds)
        {
            if (minFreshSeconds < 0)
            {
                throw new ArgumentOutOfRangeException("minFreshSeconds");
            }

            return Send(HttpMethods.Get, url, null, null, minFreshSeconds == 0 ? RequestFacts.None : RequestFacts.WithMinFresh(minFreshSeconds));
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
            return Send(method, url, headers, body, RequestFacts.Of(headers));
        }

        // Sends with the facts the policy reads (those of the headers, or the caller's own limits).
        private CacheResponse Send(string method, string url, HttpHeaders headers, byte[] body, RequestFacts request)
        {
            CacheKey key = CacheKey.Of(HttpMethods.Get, url);
            if (method == null)
            {
                throw new ArgumentNullException("method");
            }

            // RFC 9110 14.2: only GET has range semantics; If-Range without Range means nothing. One range the cache
            // answers itself; several, or an invalid set, go to the origin as they are.
            bool cacheable = (method == HttpMethods.Get || method == HttpMethods.Head) && !request.Facts.HasPrecondition;
            long first = -1;
            long last = -1;
            RangeKind range = method == HttpMethods.Get ? RangeOf(request.Facts, out first, out last) : RangeKind.None;
            if (!cacheable || (range != RangeKind.None && range != RangeKind.Single))
            {
                return Forwarded(PassThrough(method, url, key, headers, body), cacheable || method == HttpMethods.Get || method == HttpMethods.Head ? ForwardReason.Request : ForwardReason.Method);
            }

            if (range == RangeKind.Single)
            {
                return Forwarded(SendRange(url, key, headers, request, true, first, last), ForwardReason.Partial);
            }

            CacheEntry entry;
            CacheKey storedKey;
            bool partial;
            bool revalidate = false;
            bool staleIfError = false;
            bool staleWhenOffline = false;
            lock (_lock)
            {
                _stats.Requests++;
                entry = FindStored(key, request, out storedKey);

                // Part of the representation is stored: a GET completes it, a HEAD asks the origin.
                partial = entry != null && entry.StatusCode == 206;
                if (partial)
                {
                    _stats.Requests--;
                }
                else
                {
                    bool pending = entry != null && _revalidatePending != null && _revalidatePending.Count > 0 && _revalidatePending.Contains(entry.Key);
                    CacheResponse fresh = ServeIfFresh(entry, method, request, pending);
                    if (fresh != null)
                    {
                        return fresh;
                    }

                    CacheDecision decision = _decision;
                    if (pending && decision.Action != CacheAction.ServeStale)
                    {
                        // The revalidation owed by a stale-while-revalidate serve happens now (or is no longer needed).
                        if (_revalidatePending != null)
                        {
                            _revalidatePending.Remove(entry.Key);
                        }
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

                    revalidate = decision.Action == CacheAction.Revalidate;
                    staleIfError = decision.StaleIfErrorAllowed;
                    staleWhenOffline = decision.StaleWhenOfflineAllowed;
                    if (revalidate)
                    {
                        _stats.Revalidations++;
                    }
                    else
                    {
                        _stats.Misses++;
                    }
                }
            }

            if (partial)
            {
                return Forwarded(method == HttpMethods.Get ? SendRange(url, key, headers, request, false, 0, -1) : PassThrough(method, url, key, headers, null), ForwardReason.Partial);
            }

            CacheResponse exchanged = Exchange(method, url, key, storedKey, headers, request, revalidate ? entry : null, entry, staleIfError, staleWhenOffline);
            return Forwarded(exchanged, revalidate ? ForwardReason.Stale : entry != null ? ForwardReason.Request : ForwardReason.UriMiss);
        }

        // Records why a response not answered from the cache went to the origin (a new object each time: never a stored hit's).
        private static CacheResponse Forwarded(CacheResponse response, ForwardReason reason)
        {
            if (response.Source != CacheSource.Cache)
            {
                response.Forwarded = reason;
            }

            return response;
        }

        // The fresh-hit path: decides into _decision; when a fresh entry answers a plain GET and already has its response
        // object, returns that object with its age updated. Anything else returns null and is carried out by the caller.
        private CacheResponse ServeIfFresh(CacheEntry entry, string method, RequestFacts request, bool pending)
        {
            _now.ReadFrom(_clock);
            CachePolicy.Decide(request.Facts, entry == null ? null : entry.Info, pending, _now, _options, _decision);
            if (_decision.Action != CacheAction.ServeFresh)
            {
                return null;
            }

            CacheResponse response = entry.FreshResponse;
            if (response == null || request.HasValidators || method != HttpMethods.Get)
            {
                return null;
            }

            _stats.FreshHits++;
            _stats.BodyBytesSaved += entry.Body.Length;
            response.SetAge(_decision.Age);
            response.SetFreshness(entry.Info, _decision.Age);
            return response;
        }

        private CacheResponse ServeStale(CacheEntry entry, string method, RequestFacts request, long age, StaleReason reason)
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

        private void MarkRevalidatePending(string key)
        {
            // Bounded: forgetting marks only means one more stale serve within the window.
            if (_revalidatePending == null)
            {
                _revalidatePending = new Hashtable();
            }
            else if (_revalidatePending.Count >= MaxPendingRevalidations)
            {
                _revalidatePending.Clear();
            }

            _revalidatePending[key] = true;
        }

        // A stored response for the caller, with the given header block; a 304 instead when the caller's own validators
        // match it (RFC 9111 4.3.2). A fresh plain GET's response becomes the entry's reused one.
        private static CacheResponse FromEntry(CacheEntry entry, byte[] headers, string method, RequestFacts request, CacheSource source, long age)
        {
            if (entry.StatusCode == 200 && request.HasValidators)
            {
                HeaderFields stored = HeaderFields.Of(entry.Headers);
                HeaderFacts facts = new HeaderFacts();
                facts.Load(stored);
                bool matches = facts.ETagIsOpaque && request.Facts.HasIfNoneMatch
                    ? MatchesOpaque(request.Facts, facts)
                    : ConditionalGet.Evaluate(method, request.Facts, facts.Buffer, facts.ETagStart, facts.ETagLength, facts.ETagIsWeak, entry.Info.LastModified, true) == ConditionalResult.NotModified;
                if (matches)
                {
                    HeaderBlockWriter writer = new HeaderBlockWriter(entry.Headers.Length);
                    ConditionalGet.WriteNotModifiedHeaders(stored, writer);
                    CacheResponse notModified = new CacheResponse(304, "Not Modified", writer.ToArray(), null, source, age);
                    notModified.SetFreshness(entry.Info, age);
                    return notModified;
                }
            }

            CacheResponse response = new CacheResponse(entry.StatusCode, entry.ReasonPhrase, headers, method == HttpMethods.Head ? null : entry.Body, source, age);
            response.SetFreshness(entry.Info, age);
            if (source == CacheSource.Cache && method == HttpMethods.Get && (object)headers == (object)entry.Headers)
            {
                entry.FreshResponse = response;
            }

            return response;
        }

        // A client sends an unquoted validator back as it got it: If-None-Match matches when one member is exactly it.
        private static bool MatchesOpaque(HeaderFacts request, HeaderFacts stored)
        {
            HeaderFields fields = request.Fields;
            int field = request.IfNoneMatchField;
            int position = fields.ValueStart(field);
            int end = position + fields.ValueLength(field);
            int memberStart;
            int memberLength;
            while (HeaderList.Next(fields.Buffer, ref position, end, out memberStart, out memberLength))
            {
                if (EntityTag.OpaqueEquals(fields.Buffer, memberStart, memberLength, stored.Buffer, stored.ETagStart, stored.ETagLength))
                {
                    return true;
                }
            }

            return false;
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
    }
}
