// HeaderName: the field names the cache reads or must recognise, as an enum (no strings on the hot path).
namespace HttpCache.Nano.Parsing
{
    /// <summary>Field names known to the cache. <see cref="KnownHeaders"/> maps text to these values and back.</summary>
    public enum HeaderName
    {
        /// <summary>Any other field name.</summary>
        Unknown = 0,

        /// <summary><c>Age</c>.</summary>
        Age,

        /// <summary><c>Authorization</c>.</summary>
        Authorization,

        /// <summary><c>Cache-Control</c>.</summary>
        CacheControl,

        /// <summary><c>Connection</c> (hop-by-hop).</summary>
        Connection,

        /// <summary><c>Content-Encoding</c>.</summary>
        ContentEncoding,

        /// <summary><c>Content-Length</c>.</summary>
        ContentLength,

        /// <summary><c>Content-Location</c>.</summary>
        ContentLocation,

        /// <summary><c>Content-Range</c>.</summary>
        ContentRange,

        /// <summary><c>Content-Type</c>.</summary>
        ContentType,

        /// <summary><c>Cookie</c> (a request's session state: a shared cache treats it as user-specific).</summary>
        Cookie,

        /// <summary><c>Date</c>.</summary>
        Date,

        /// <summary><c>ETag</c>.</summary>
        ETag,

        /// <summary><c>Expires</c>.</summary>
        Expires,

        /// <summary><c>Host</c>.</summary>
        Host,

        /// <summary><c>If-Match</c>.</summary>
        IfMatch,

        /// <summary><c>If-Modified-Since</c>.</summary>
        IfModifiedSince,

        /// <summary><c>If-None-Match</c>.</summary>
        IfNoneMatch,

        /// <summary><c>If-Range</c>.</summary>
        IfRange,

        /// <summary><c>If-Unmodified-Since</c>.</summary>
        IfUnmodifiedSince,

        /// <summary><c>Keep-Alive</c> (hop-by-hop).</summary>
        KeepAlive,

        /// <summary><c>Last-Modified</c>.</summary>
        LastModified,

        /// <summary><c>Location</c>.</summary>
        Location,

        /// <summary><c>Pragma</c>.</summary>
        Pragma,

        /// <summary><c>Proxy-Authenticate</c> (hop-by-hop).</summary>
        ProxyAuthenticate,

        /// <summary><c>Proxy-Authorization</c> (hop-by-hop).</summary>
        ProxyAuthorization,

        /// <summary><c>Proxy-Connection</c> (hop-by-hop, non-standard but common).</summary>
        ProxyConnection,

        /// <summary><c>Range</c>.</summary>
        Range,

        /// <summary><c>Set-Cookie</c>.</summary>
        SetCookie,

        /// <summary><c>TE</c> (hop-by-hop).</summary>
        TE,

        /// <summary><c>Trailer</c> (hop-by-hop).</summary>
        Trailer,

        /// <summary><c>Transfer-Encoding</c> (hop-by-hop).</summary>
        TransferEncoding,

        /// <summary><c>Upgrade</c> (hop-by-hop).</summary>
        Upgrade,

        /// <summary><c>Vary</c>.</summary>
        Vary,

        /// <summary><c>Warning</c> (obsoleted by RFC 9111; recognised so it can be dropped on 304 merges).</summary>
        Warning,
    }
}
