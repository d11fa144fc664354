// ClientInterim: the origin's interim responses (103 Early Hints, 102 Processing) forwarded to the proxy's client as
// they arrive (RFC 9110 15.2), written straight to the client's connection: Kestrel has no public API to send a 1xx
// (dotnet/aspnetcore#27851), so the proxy keeps each connection's output (InterimOutput) for this.
using System.IO.Pipelines;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace HttpCache.Desktop.Proxy
{
    /// <summary>Writes each interim response of the request in progress to its HTTP/1.1 client, before the final response.</summary>
    internal sealed class ClientInterim : IInterimResponses
    {
        /// <summary>The key of a connection's items under which the proxy keeps the connection's output.</summary>
        public const string OutputKey = "httpcache.connection-output";

        private readonly HttpContext _context;
        private readonly PipeWriter _output;

        private ClientInterim(HttpContext context, PipeWriter output)
        {
            _context = context;
            _output = output;
        }

        /// <summary>The sink for <paramref name="context"/>'s request, or null when its client cannot take a 1xx (HTTP/1.0, or HTTP/2).</summary>
        public static ClientInterim For(HttpContext context)
        {
            PipeWriter output = context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(OutputKey, out object kept) == true ? kept as PipeWriter : null;
            return output != null && context.Request.Protocol == "HTTP/1.1" ? new ClientInterim(context, output) : null;
        }

        /// <summary>Keeps a connection's output for <see cref="For"/>: the proxy's connection middleware.</summary>
        public static ConnectionDelegate Keep(ConnectionDelegate next) => connection =>
        {
            connection.Items[OutputKey] = connection.Transport.Output;
            return next(connection);
        };

        public void OnInterim(int status, byte[] buffer, int start, int length)
        {
            // 100 Continue answered the proxy's own request (the client's was answered by the proxy); anything once the
            // final response has begun would corrupt it.
            if (status == 100 || _context.Response.HasStarted)
            {
                return;
            }

            _output.WriteAsync(new System.ReadOnlyMemory<byte>(buffer, start, length)).AsTask().GetAwaiter().GetResult();
        }
    }
}
