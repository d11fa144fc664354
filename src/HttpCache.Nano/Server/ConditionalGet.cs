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
        /// <param name="currentETag">The resource's current entity-tag (default when it has none).</param>
        /// <param name="lastModified">The resource's Last-Modified in Unix seconds, or -1.</param>
        /// <param name="exists">False when the resource has no current representation (If-Match: * fails, If-None-Match: * passes).</param>
        public static ConditionalResult Evaluate(string method, HeaderFacts request, EntityTag currentETag, long lastModified, bool exists)
        {
            bool safe = method == "GET" || method == "HEAD";
            if (request.HasIfMatch)
            {
                bool matched = EntityTagList.IsAny(request.IfMatch) ? exists : exists && EntityTagList.Contains(request.IfMatch, currentETag, false);
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
                bool matched = EntityTagList.IsAny(request.IfNoneMatch) ? exists : exists && EntityTagList.Contains(request.IfNoneMatch, currentETag, true);
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
        /// Writes the fields of a 304 from the full response's fields: those RFC 9110 15.4.5 requires when the 200
        /// would carry them (Cache-Control, Content-Location, Date, ETag, Expires, Vary) plus Last-Modified, so a
        /// cache can update its stored response; no body fields (Content-Length, Content-Type).
        /// </summary>
        /// <param name="fullResponseHeaders">The header block the 200 would carry.</param>
        /// <param name="output">Receives the 304 header block (ends with the empty line).</param>
        public static void WriteNotModifiedHeaders(TextSlice fullResponseHeaders, HeaderBlockWriter output)
        {
            HeaderBlockReader reader = new HeaderBlockReader(fullResponseHeaders);
            TextSlice name;
            TextSlice value;
            while (reader.TryReadNext(out name, out value))
            {
                switch (KnownHeaders.Find(name))
                {
                    case HeaderName.CacheControl:
                    case HeaderName.ContentLocation:
                    case HeaderName.Date:
                    case HeaderName.ETag:
                    case HeaderName.Expires:
                    case HeaderName.Vary:
                    case HeaderName.LastModified:
                        output.Append(name, value);
                        break;
                }
            }

            output.End();
        }
    }
}
