// ConditionalGet: the origin side of validation — evaluate preconditions (RFC 9110 13.2.2) and build the 304.
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Server
{
    /// <summary>
    /// Decides how an origin answers a request's preconditions, for a resource whose current validators are an
    /// entity-tag and/or a Last-Modified time. Works on nanoFramework (a device serving its own endpoint) and on
    /// desktop; pure and allocation-free.
    /// </summary>
    public static class ConditionalGet
    {
        /// <summary>
        /// Evaluates the preconditions of a request in the order of RFC 9110 13.2.2:
        /// <list type="number">
        /// <item>If-Match: false (no current representation matches strongly, or <c>*</c> with no representation) → 412.</item>
        /// <item>Else If-Unmodified-Since (a valid date): the resource changed after it, or its time is unknown → 412.</item>
        /// <item>If-None-Match: <c>*</c> with a representation, or a weak match → 304 for GET/HEAD, 412 otherwise.</item>
        /// <item>Else If-Modified-Since (a valid date, GET/HEAD only): not modified after it (at one-second precision) → 304.</item>
        /// <item>Otherwise → full response.</item>
        /// </list>
        /// Invalid dates were already dropped by <see cref="HeaderFacts"/>, so they are ignored as RFC 9110 13.1.3-4 requires.
        /// </summary>
        /// <param name="method">The request method.</param>
        /// <param name="request">The request's header facts (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since).</param>
        /// <param name="etag">Bytes holding the resource's current entity-tag, or null when it has none.</param>
        /// <param name="etagStart">The opening quote of its opaque-tag.</param>
        /// <param name="etagLength">The opaque-tag's length, quotes included (0 when there is none).</param>
        /// <param name="etagWeak">True for a weak entity-tag.</param>
        /// <param name="lastModified">The resource's Last-Modified in Unix seconds, or -1.</param>
        /// <param name="exists">False when the resource has no current representation (If-Match: * fails, If-None-Match: * passes).</param>
        public static ConditionalResult Evaluate(string method, HeaderFacts request, byte[] etag, int etagStart, int etagLength, bool etagWeak, long lastModified, bool exists)
        {
            bool safe = method == HttpMethods.Get || method == HttpMethods.Head;
            HeaderFields fields = request.Fields;
            if (request.HasIfMatch)
            {
                int i = request.IfMatchField;
                bool matched = EntityTagList.IsAny(fields.Buffer, fields.ValueStart(i), fields.ValueLength(i))
                    ? exists
                    : exists && EntityTagList.Contains(fields.Buffer, fields.ValueStart(i), fields.ValueLength(i), etag, etagStart, etagLength, etagWeak, false);
                if (!matched)
                {
                    return ConditionalResult.PreconditionFailed;
                }
            }
            else if (request.IfUnmodifiedSince >= 0)
            {
                if (!exists || lastModified < 0 || lastModified > request.IfUnmodifiedSince)
                {
                    return ConditionalResult.PreconditionFailed;
                }
            }

            if (request.HasIfNoneMatch)
            {
                int i = request.IfNoneMatchField;
                bool matched = EntityTagList.IsAny(fields.Buffer, fields.ValueStart(i), fields.ValueLength(i))
                    ? exists
                    : exists && EntityTagList.Contains(fields.Buffer, fields.ValueStart(i), fields.ValueLength(i), etag, etagStart, etagLength, etagWeak, true);
                if (matched)
                {
                    return safe ? ConditionalResult.NotModified : ConditionalResult.PreconditionFailed;
                }
            }
            else if (safe && request.IfModifiedSince >= 0 && exists && lastModified >= 0 && lastModified <= request.IfModifiedSince)
            {
                return ConditionalResult.NotModified;
            }

            return ConditionalResult.Full;
        }

        /// <summary>
        /// Evaluates the preconditions against a resource whose entity-tag is written as a string (<c>"v1"</c> or
        /// <c>W/"v1"</c>; null or not an entity-tag when it has none). Allocates the tag's bytes: for an origin's edge.
        /// </summary>
        public static ConditionalResult Evaluate(string method, HeaderFacts request, string currentETag, long lastModified, bool exists)
        {
            byte[] etag = TextBytes.Of(currentETag);
            int start;
            int length;
            bool weak;
            EntityTag.TryParse(etag, 0, etag.Length, out start, out length, out weak);
            return Evaluate(method, request, etag, start, length, weak, lastModified, exists);
        }

        /// <summary>
        /// Writes the fields of a 304 from the full response's fields: those RFC 9110 15.4.5 requires when the 200
        /// would carry them (Cache-Control, Content-Location, Date, ETag, Expires, Vary) plus Last-Modified, so a
        /// cache can update its stored response; no body fields (Content-Length, Content-Type).
        /// </summary>
        /// <param name="fullResponseHeaders">The fields of the header block the 200 would carry.</param>
        /// <param name="output">Receives the 304 header block (ends with the empty line).</param>
        public static void WriteNotModifiedHeaders(HeaderFields fullResponseHeaders, HeaderBlockWriter output)
        {
            for (int i = 0; i < fullResponseHeaders.Count; i++)
            {
                switch (fullResponseHeaders.Name(i))
                {
                    case HeaderName.CacheControl:
                    case HeaderName.ContentLocation:
                    case HeaderName.Date:
                    case HeaderName.ETag:
                    case HeaderName.Expires:
                    case HeaderName.Vary:
                    case HeaderName.LastModified:
                        output.Append(fullResponseHeaders, i);
                        break;
                }
            }

            output.End();
        }
    }
}
