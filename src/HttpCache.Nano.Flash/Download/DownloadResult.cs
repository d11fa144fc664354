// DownloadResult: how one call of FlashDownloader.Get ended.
namespace HttpCache.Nano.Download
{
    /// <summary>How a download call ended.</summary>
    public enum DownloadOutcome
    {
        /// <summary>The stored body is fresh: no request was made.</summary>
        Fresh,

        /// <summary>The stored body was revalidated (a 304): no body crossed the link, nothing was written.</summary>
        Revalidated,

        /// <summary>The body was downloaded whole and stored.</summary>
        Downloaded,

        /// <summary>An interrupted download was resumed and is now complete.</summary>
        Resumed,

        /// <summary>The connection dropped or timed out mid-body: what arrived is kept, and the next call resumes.</summary>
        Interrupted,

        /// <summary>The origin answered something that is not stored (an error status, an uncacheable or too large response).</summary>
        NotStored,
    }

    /// <summary>The outcome of <see cref="FlashDownloader.Get"/>, with the bytes it moved.</summary>
    public sealed class DownloadResult
    {
        internal DownloadResult(DownloadOutcome outcome, int statusCode, long stored, long total, long received, string error)
        {
            Outcome = outcome;
            StatusCode = statusCode;
            StoredLength = stored;
            TotalLength = total;
            BodyBytesReceived = received;
            Error = error;
        }

        /// <summary>How the call ended.</summary>
        public DownloadOutcome Outcome { get; private set; }

        /// <summary>The status the origin answered (0 when none arrived; 200 for a fresh stored body).</summary>
        public int StatusCode { get; private set; }

        /// <summary>Body bytes stored (all of them once complete).</summary>
        public long StoredLength { get; private set; }

        /// <summary>The complete length, or -1 while unknown.</summary>
        public long TotalLength { get; private set; }

        /// <summary>Body bytes received from the origin by this call.</summary>
        public long BodyBytesReceived { get; private set; }

        /// <summary>Bytes the link carried for this call at the socket (TLS included on desktop), request and response.</summary>
        public long LinkBytes { get; internal set; }

        /// <summary>Why the call was interrupted or did not store, or null.</summary>
        public string Error { get; private set; }

        /// <summary>
        /// What failed underneath when <see cref="Outcome"/> is <see cref="DownloadOutcome.Interrupted"/>: a lost
        /// connection or a timeout is worth resuming; a refused connection, an unreachable host or a TLS failure is not,
        /// until something changes.
        /// </summary>
        public Transport.TransportFailure Failure { get; internal set; }

        /// <summary>True when the whole body is stored (fresh, revalidated, downloaded or resumed).</summary>
        public bool IsComplete
        {
            get { return Outcome == DownloadOutcome.Fresh || Outcome == DownloadOutcome.Revalidated || Outcome == DownloadOutcome.Downloaded || Outcome == DownloadOutcome.Resumed; }
        }
    }
}
