// IDownloadProgress: what a download reports as its bytes reach flash.
namespace HttpCache.Nano.Download
{
    /// <summary>Told after each chunk of a download is stored (no allocation per call): show it, log it.</summary>
    public interface IDownloadProgress
    {
        /// <summary>Called with the body bytes stored so far and the complete length (-1 while unknown).</summary>
        void OnProgress(long stored, long total);
    }
}
