// IHttpTransport: how the cache reaches the origin. Implementations: HttpWebRequest, raw sockets, test doubles.
namespace HttpCache.Nano.Transport
{
    /// <summary>Sends one request to the origin and returns its whole response.</summary>
    public interface IHttpTransport
    {
        /// <summary>Sends <paramref name="request"/> and reads the response.</summary>
        /// <returns>The response, whatever its status code (304 and 5xx included).</returns>
        /// <exception cref="HttpTransportException">The origin could not be reached, timed out, or sent a malformed or oversized response.</exception>
        OriginResponse Send(OriginRequest request);
    }
}
