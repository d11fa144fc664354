// IHeaderSink: receives the fields of a header block as slices, the way Kestrel's parser hands them out.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Receives each field line of a parsed header block. The slices point into the parser's input.</summary>
    public interface IHeaderSink
    {
        /// <summary>Called once per field line, in order.</summary>
        /// <param name="name">The field name, as received.</param>
        /// <param name="value">The field value without leading and trailing whitespace; may span obsolete line folds.</param>
        void OnHeader(TextSlice name, TextSlice value);
    }
}
