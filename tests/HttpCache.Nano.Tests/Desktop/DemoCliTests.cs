// The demo as people run it: the real binary stopped by Ctrl-C or SIGTERM, and a second run that finds what the first
// stored (the origin's port is fixed).
using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Desktop;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Desktop
{
    [TestClass]
    public class DemoCliTests
    {
        private static int FreePort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static Process StartCli(params string[] args)
        {
            // Through env --default-signal: a job started in the background of a script (as CI may run this) inherits
            // SIGINT ignored, which a terminal user's Ctrl-C never is; env restores it and then is the program itself.
            ProcessStartInfo start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return Process.Start(start);
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);

        private static Task SignalAndExpect(int signal, int exitCode)
        {
            using Process demo = StartCli("demo", "--polls", "60", "--port", "0");
            StringBuilder output = new StringBuilder();
            using ManualResetEventSlim firstPoll = new ManualResetEventSlim();
            demo.OutputDataReceived += (sender, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (e.Data != null && e.Data.StartsWith("poll   1"))
                {
                    firstPoll.Set();
                }
            };
            demo.BeginOutputReadLine();
            try
            {
                Assert.IsTrue(firstPoll.Wait(30000), "no first poll: " + output);
                Stopwatch sent = Stopwatch.StartNew();
                Assert.AreEqual(0, Kill(demo.Id, signal), "kill(2): " + Marshal.GetLastPInvokeError());
                Assert.IsTrue(demo.WaitForExit(10000), "still running 10 s after signal " + signal);
                demo.WaitForExit();
                Assert.IsTrue(sent.Elapsed < TimeSpan.FromSeconds(5), "stopped in " + sent.Elapsed.TotalSeconds + " s");
                string text;
                lock (output)
                {
                    text = output.ToString();
                }

                Assert.AreEqual(exitCode, demo.ExitCode, text);
                StringAssert.Contains(text, "stopped after ");
                StringAssert.Contains(text, "| polls ");
                Assert.IsFalse(text.Contains("poll  60"), "it did not run to the end");
            }
            finally
            {
                if (!demo.HasExited)
                {
                    demo.Kill();
                }
            }

            return Task.CompletedTask;
        }

        [TestMethod]
        public Task SigtermStopsTheDemoAtOnceWithTheTableSoFarAndExit143() => SignalAndExpect(15, 143);

        [TestMethod]
        public Task CtrlCStopsTheDemoAtOnceWithTheTableSoFarAndExit130() => SignalAndExpect(2, 130);

        [TestMethod]
        public void ASecondRunWithTheSameStoreFindsWhatTheFirstStored()
        {
            string dir = Path.Combine(Path.GetTempPath(), "httpcache-demo-" + Guid.NewGuid().ToString("N"));
            string port = FreePort().ToString();
            try
            {
                StringWriter first = new StringWriter();
                Assert.AreEqual(0, Program.Run(new[] { "demo", "--polls", "1", "--store", dir, "--port", port }, first, new StringWriter()), first.ToString());
                StringAssert.Contains(first.ToString(), "MISS (full)");
                StringWriter second = new StringWriter();
                Assert.AreEqual(0, Program.Run(new[] { "demo", "--polls", "1", "--store", dir, "--port", port }, second, new StringWriter()), second.ToString());
                Assert.IsFalse(second.ToString().Contains("MISS (full)"), "the stored config is used: " + second);
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [TestMethod]
        public void ATakenPortIsAOneLineError()
        {
            TcpListener taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                StringWriter error = new StringWriter();
                int exit = Program.Run(new[] { "demo", "--polls", "1", "--port", ((IPEndPoint)taken.LocalEndpoint).Port.ToString() }, new StringWriter(), error);
                Assert.AreEqual(2, exit);
                StringAssert.Contains(error.ToString(), "is taken");
                Assert.AreEqual(1, error.ToString().Trim().Split('\n').Length, error.ToString());
            }
            finally
            {
                taken.Stop();
            }
        }
    }
}
