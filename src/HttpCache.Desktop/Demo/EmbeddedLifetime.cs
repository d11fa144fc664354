// EmbeddedLifetime: a host lifetime that ignores the console, for servers embedded in a command that handles Ctrl-C
// and SIGTERM itself (the default console lifetime takes the signals and blocks them until its host has stopped).
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace HttpCache.Desktop.Demo
{
    /// <summary>Starts and stops with the host, and leaves the process's signals to the command.</summary>
    internal sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
