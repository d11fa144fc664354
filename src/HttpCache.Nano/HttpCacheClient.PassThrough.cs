// HttpCacheClient.PassThrough: requests the cache does not answer (unsafe methods, preconditions, ranges), forwarded
// as they are, and the invalidation their responses cause (RFC 9111 4.4).
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano
{
    public sealed partial class HttpCacheClient
    {
        private CacheResponse PassThrough(string method, string url, CacheKey key, HttpHeaders headers, byte[] body)
        {
            lock (_lock)
            {
                _stats.Requests++;
                _stats.PassThroughs++;
            }

            OriginResponse response;
            CacheNow sent = CacheNow.Read(_clock);
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

                CacheResponse unreachable = Unreachable(e);
                unreachable.BodyTooLarge = e.BodyTooLarge;
                return unreachable;
            }

            CacheNow received = CacheNow.Read(_clock);
            CountTransfer(response);
            HeaderFields fields = new HeaderFields(_options.MaxResponseHeaderFields);
            HeaderFacts facts = new HeaderFacts();
            bool complete = fields.Parse(response.HeaderBlock, 0, response.HeaderLength) == HeaderBlockStatus.Complete;
            byte[] forwarded = null;
            long age = -1;
            if (complete)
            {
                facts.Load(fields);
                Target(facts);
                forwarded = EndToEnd(fields, facts, false, new HeaderBlockWriter(response.HeaderLength + 2));
                age = ForwardedAge(facts, sent, received);
            }

            lock (_lock)
            {
                if (Invalidation.Invalidates(method, response.StatusCode))
                {
                    Invalidate(key);
                    if (complete)
                    {
                        InvalidateReference(url, fields, HeaderName.Location);
                        InvalidateReference(url, fields, HeaderName.ContentLocation);
                    }
                }

                if (complete && method == HttpMethods.Post && IsOwnRepresentation(url, key, fields, facts))
                {
                    StorePostResponse(key, headers, response, fields, facts, forwarded, sent, received);
                }
            }

            return FromOrigin(response, forwarded, age);
        }

        // RFC 9110 9.3.3 / RFC 9111 4: a POST response that names its own target in Content-Location, with explicit
        // freshness, is the representation a later GET of that URI may reuse.
        private bool IsOwnRepresentation(string url, CacheKey key, HeaderFields fields, HeaderFacts facts)
        {
            int index = fields.IndexOf(HeaderName.ContentLocation);
            if (index < 0 || !Freshness.HasExplicitExpiration(facts, _options.Mode))
            {
                return false;
            }

            string target = Invalidation.ResolveSameOrigin(url, fields.ValueToString(index));
            try
            {
                return target != null && CacheKey.Of(HttpMethods.Get, target).Matches(key.Normalized);
            }
            catch (System.ArgumentException)
            {
                return false;
            }
        }

        private void StorePostResponse(CacheKey key, HttpHeaders headers, OriginResponse response, HeaderFields fields, HeaderFacts facts, byte[] forwarded, CacheNow sent, CacheNow received)
        {
            RequestFacts request = RequestFacts.Of(headers);
            if (response.StatusCode != 200 && response.StatusCode != 203
                || Storability.Check(HttpMethods.Get, response.StatusCode, request.Facts, facts, _options.Mode) != StoreVerdict.Store || WithholdsShared(facts))
            {
                return;
            }

            StoredResponseInfo info = StoredResponseInfo.Describe(response.StatusCode, facts, request.Facts, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
            CacheEntry entry = new CacheEntry(key.Normalized, response.StatusCode, response.ReasonPhrase, forwarded, ExactBody(response), info,
                facts.HasVary ? Variance.Capture(fields, request.Fields) : null, CredentialBinding(request, facts));
            StoreVariant(key, entry);
        }

        private void InvalidateReference(string url, HeaderFields fields, HeaderName name)
        {
            int index = fields.IndexOf(name);
            if (index < 0)
            {
                return;
            }

            string target = Invalidation.ResolveSameOrigin(url, fields.ValueToString(index));
            if (target == null)
            {
                return;
            }

            CacheKey targetKey;
            try
            {
                targetKey = CacheKey.Of(HttpMethods.Get, target);
            }
            catch (System.ArgumentException)
            {
                // A reference that is not a usable URL names nothing stored.
                return;
            }

            Invalidate(targetKey);
        }
    }
}
