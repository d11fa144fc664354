// HeaderBlockStatus: the outcome of parsing a header block.
namespace HttpCache.Nano.Parsing
{
    /// <summary>Outcome of <see cref="HeaderFields.Parse(byte[], int, int)"/>.</summary>
    public enum HeaderBlockStatus
    {
        /// <summary>The block ended with an empty line; every field was read.</summary>
        Complete,

        /// <summary>No empty line yet: nothing was kept nor consumed; call again with more input.</summary>
        Incomplete,

        /// <summary>A line breaks the field grammar (see <see cref="HeaderFields"/>); nothing was kept.</summary>
        Invalid,

        /// <summary>The block has more field lines than the caller allows; nothing was kept.</summary>
        TooManyFields,
    }
}
