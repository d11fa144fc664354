// ConditionalResult: what an origin should answer to a conditional request.
namespace HttpCache.Nano.Server
{
    /// <summary>The outcome of <see cref="ConditionalGet.Evaluate(string, Parsing.HeaderFacts, string, long, bool)"/>.</summary>
    public enum ConditionalResult
    {
        /// <summary>Send the full response (200, or whatever the method produces).</summary>
        Full,

        /// <summary>Send 304 Not Modified with <see cref="ConditionalGet.WriteNotModifiedHeaders"/> and no body.</summary>
        NotModified,

        /// <summary>Send 412 Precondition Failed.</summary>
        PreconditionFailed,
    }
}
