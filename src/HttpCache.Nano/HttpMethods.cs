// HttpMethods: the request methods the cache tells apart, as fields rather than literals.
namespace HttpCache.Nano
{
    /// <summary>
    /// The method names the cache compares against. On nanoFramework every string literal that runs makes a new string
    /// object, a field does not: hot paths (a fresh hit among them) compare with these, and callers can pass them too.
    /// </summary>
    public static class HttpMethods
    {
        /// <summary><c>GET</c>.</summary>
        public static readonly string Get = "GET";

        /// <summary><c>HEAD</c>.</summary>
        public static readonly string Head = "HEAD";

        /// <summary><c>POST</c>.</summary>
        public static readonly string Post = "POST";

        /// <summary><c>PUT</c>.</summary>
        public static readonly string Put = "PUT";

        /// <summary><c>DELETE</c>.</summary>
        public static readonly string Delete = "DELETE";

        /// <summary><c>OPTIONS</c>.</summary>
        public static readonly string Options = "OPTIONS";

        /// <summary><c>TRACE</c>.</summary>
        public static readonly string Trace = "TRACE";
    }
}
