// HeaderBlockStatus: the outcome of parsing a header block.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Outcome of <see cref="HeaderParser.Parse"/>.</summary>
    public enum HeaderBlockStatus
    {
        /// <summary>The block ended with an empty line; every field was delivered.</summary>
        Complete,

        /// <summary>No empty line yet: nothing was delivered nor consumed; call again with more input.</summary>
        Incomplete,

        /// <summary>A line breaks the field grammar (see <see cref="HeaderParser"/>); nothing was delivered.</summary>
        Invalid,

        /// <summary>The block has more field lines than the caller allows; nothing was delivered.</summary>
        TooManyFields,
    }
}
