// CacheDirectives: the argument-less Cache-Control directives of RFC 9111 5.2, as flag bits.
using System;

namespace HttpCache.Nano.Parsing
{
    /// <summary>Cache-Control directives that carry no number, as bits of <see cref="CacheControl.Flags"/>.</summary>
    [Flags]
    public enum CacheDirectives
    {
        /// <summary>No flag directive present.</summary>
        None = 0,

        /// <summary><c>no-cache</c>, bare or with a field list (see <see cref="NoCacheWithFields"/>).</summary>
        NoCache = 0x1,

        /// <summary><c>no-store</c>.</summary>
        NoStore = 0x2,

        /// <summary><c>no-transform</c>.</summary>
        NoTransform = 0x4,

        /// <summary><c>must-revalidate</c>.</summary>
        MustRevalidate = 0x8,

        /// <summary><c>proxy-revalidate</c>.</summary>
        ProxyRevalidate = 0x10,

        /// <summary><c>must-understand</c>.</summary>
        MustUnderstand = 0x20,

        /// <summary><c>private</c>, bare or with a field list (see <see cref="PrivateWithFields"/>).</summary>
        Private = 0x40,

        /// <summary><c>public</c>.</summary>
        Public = 0x80,

        /// <summary><c>immutable</c> (RFC 8246).</summary>
        Immutable = 0x100,

        /// <summary><c>only-if-cached</c> (request).</summary>
        OnlyIfCached = 0x200,

        /// <summary><c>no-cache="field, ..."</c>: the qualified form; <see cref="NoCache"/> is set too.</summary>
        NoCacheWithFields = 0x400,

        /// <summary><c>private="field, ..."</c>: the qualified form; <see cref="Private"/> is set too.</summary>
        PrivateWithFields = 0x800,
    }
}
