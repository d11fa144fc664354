// DemoOptions: the knobs of `httpcache demo`, with device-like defaults.
namespace HttpCache.Desktop.Demo
{
    /// <summary>Options of the demo; the defaults finish in about 15 seconds.</summary>
    public sealed class DemoOptions
    {
        public int Polls { get; set; } = 15;

        public int IntervalMilliseconds { get; set; } = 1000;

        public int ChangeEvery { get; set; } = 6;

        public int MaxAgeSeconds { get; set; } = 2;

        public string Store { get; set; } = "ram";

        public int MaxEntries { get; set; } = 8;

        public long MaxBytes { get; set; } = 32 * 1024;

        /// <summary>True when the budget was given: with a store directory it then replaces the one the directory keeps.</summary>
        public bool ExplicitBudget { get; set; }

        public double PricePerMegabyte { get; set; }

        /// <summary>The origin's port on 127.0.0.1 (0: any free port).</summary>
        public int Port { get; set; } = ConfigOrigin.DefaultPort;

        /// <summary>Stops the polls early (Ctrl-C, SIGTERM): the table of the polls made so far is printed.</summary>
        public System.Threading.CancellationToken Stop { get; set; }
    }
}
