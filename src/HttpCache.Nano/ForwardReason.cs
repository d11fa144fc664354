// ForwardReason: why a request went to the origin, in the terms of the Cache-Status field (RFC 9211 2.2).
namespace HttpCache.Nano
{
    /// <summary>Why the cache forwarded a request instead of answering it from what it stored.</summary>
    public enum ForwardReason
    {
        /// <summary>Not forwarded: answered from the cache.</summary>
        None = 0,

        /// <summary>Nothing usable was stored for the URI (<c>fwd=uri-miss</c>).</summary>
        UriMiss,

        /// <summary>A stored response was stale and was revalidated or replaced (<c>fwd=stale</c>).</summary>
        Stale,

        /// <summary>The request's own semantics asked for the origin: no-cache, a precondition, several ranges (<c>fwd=request</c>).</summary>
        Request,

        /// <summary>The method is not one the cache answers (<c>fwd=method</c>).</summary>
        Method,

        /// <summary>Only part of the response was stored (<c>fwd=partial</c>).</summary>
        Partial,
    }
}
