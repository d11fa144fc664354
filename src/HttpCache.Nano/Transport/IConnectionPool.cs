// IConnectionPool: a transport that keeps connections open between requests, and can be told to let them go.
namespace HttpCache.Nano.Transport
{
    /// <summary>A transport that reuses connections; <see cref="HttpCacheClient.CloseIdle"/> reaches it.</summary>
    public interface IConnectionPool
    {
        /// <summary>Closes every idle connection: call it before deep sleep or when the network goes away.</summary>
        void CloseIdle();
    }
}
