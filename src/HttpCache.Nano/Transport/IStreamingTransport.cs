// IStreamingTransport: a transport that can hand a response body over in pieces, for bodies larger than the heap.
namespace HttpCache.Nano.Transport
{
    /// <summary>Sends a request and returns as soon as the response head has arrived; the body is read from the result.</summary>
    public interface IStreamingTransport
    {
        /// <summary>Sends <paramref name="request"/>; dispose the result.</summary>
        /// <exception cref="HttpTransportException">The origin could not be reached, or the head is not a usable response.</exception>
        IStreamingResponse Open(OriginRequest request);
    }
}
