// DeviceSample: placeholder entry point; the polling sample is written by a later issue (see README).
using System.Diagnostics;
using System.Threading;

namespace DeviceSample
{
    /// <summary>ESP32 application entry point.</summary>
    public class Program
    {
        /// <summary>Starts the sample.</summary>
        public static void Main()
        {
            Debug.WriteLine("HttpCache.Nano DeviceSample");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
