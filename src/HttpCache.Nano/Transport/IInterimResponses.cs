// IInterimResponses: where a transport hands the 1xx responses (103 Early Hints, 102 Processing) that come before a
// final one — a proxy forwards them to its client; the cache never stores nor merges them.
namespace HttpCache.Nano.Transport
{
    /// <summary>Receives the interim (1xx) responses of one request, as they arrive.</summary>
    public interface IInterimResponses
    {
        /// <summary>
        /// One interim response: its status and its bytes as received, status line to the blank line that ends it,
        /// <c>buffer[start, start + length)</c> (valid during the call only).
        /// </summary>
        void OnInterim(int status, byte[] buffer, int start, int length);
    }
}
