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

                return Unreachable(e);
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
            }

            return FromOrigin(response, forwarded, age);
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
                targetKey = CacheKey.Of("GET", target);
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
