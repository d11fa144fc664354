// RequestFacts: one request's fields as the engine reads them — parsed once from the caller's HttpHeaders.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano
{
    /// <summary>
    /// The request side of a cache lookup: the request's fields as a parsed block (for Vary and the credential) and
    /// their facts (for the policy). <see cref="None"/> stands for a request without fields, shared and never changed.
    /// </summary>
    internal sealed class RequestFacts
    {
        /// <summary>A request with no fields (a plain <c>Get(url)</c>).</summary>
        public static readonly RequestFacts None = new RequestFacts();

        private RequestFacts()
        {
            Fields = new HeaderFields(1);
            Facts = new HeaderFacts();
            Facts.Load(Fields);
        }

        /// <summary>The request's fields.</summary>
        public HeaderFields Fields { get; private set; }

        /// <summary>The request's facts.</summary>
        public HeaderFacts Facts { get; private set; }

        /// <summary>The hash of its credential (0 without <c>Authorization</c>).</summary>
        public long CredentialHash { get; private set; }

        /// <summary>True when the request carries its own validators (<c>If-None-Match</c> or <c>If-Modified-Since</c>).</summary>
        public bool HasValidators { get; private set; }

        /// <summary>
        /// A request without fields whose policy reads <c>min-fresh=<paramref name="seconds"/></c>: the caller's own
        /// limit, applied by the cache and never sent (the request forwarded to the origin stays without fields). Allocates.
        /// </summary>
        public static RequestFacts WithMinFresh(long seconds)
        {
            HttpHeaders directive = new HttpHeaders();
            directive.Add("Cache-Control", "min-fresh=" + seconds.ToString());
            RequestFacts request = new RequestFacts();
            request.Facts = directive.ToFacts();
            return request;
        }

        /// <summary>The facts of <paramref name="headers"/>; <see cref="None"/> when there are none. Allocates for a request with fields.</summary>
        public static RequestFacts Of(HttpHeaders headers)
        {
            if (headers == null || headers.Count == 0)
            {
                return None;
            }

            RequestFacts request = new RequestFacts();
            request.Facts = headers.ToFacts();
            request.Fields = request.Facts.Fields;
            request.CredentialHash = Policy.Variance.CredentialHash(request.Fields);
            request.HasValidators = request.Facts.HasIfNoneMatch || request.Facts.IfModifiedSince >= 0;
            return request;
        }
    }
}
