// The device footprint benchmark (nanoCLR): what a firmware pays in heap for the cache, measured against a baseline
// program in the same run. Compiled four ways by .ci/device-tests.py (--bench prints the table):
//   BASELINE            loads nothing of the library: the heap a firmware has before adding the cache
//   (no define)         the minimal config poller: HttpCache.Nano + HttpCache.Nano.Sockets, a RamStore, http polls
//   HTTPS               the same over https (TLS 1.2, the test root pinned)
//   HTTPS, FLASH, WEB   every device assembly: a FlashStore on I:, https polls, WebRequestTransport loaded too
// It prints "bench: NAME VALUE" lines the runner turns into the table in docs/performance.md.
using System;
using System.Collections;
using System.Diagnostics;
using System.Threading;
#if !BASELINE
using HttpCache.Nano;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.DeviceTransport;
using HttpCache.Nano.Transport;
#endif

namespace HttpCache.Nano.DeviceBench
{
    public static class Program
    {
        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                Debug.WriteLine("bench: failed " + e.ToString());
            }

            Debug.WriteLine("bench: end 1");
        }

        private static long Free()
        {
            return nanoFramework.Runtime.Native.GC.Run(true);
        }

        // The free heap once finalizers have run: a closed socket and its streams have finalizers, and nanoFramework
        // frees a finalizable object only after its finalizer ran on the finalizer thread.
        private static long Settled()
        {
            for (int i = 0; i < 2; i++)
            {
                Free();
                GC.WaitForPendingFinalizers();
                Thread.Sleep(100);
            }

            return Free();
        }

        private static void Report(string name, long value)
        {
            Debug.WriteLine("bench: " + name + " " + value.ToString());
        }

        private static void Run()
        {
            Report("free-at-start", Free());
#if !BASELINE
            SocketTransport transport = new SocketTransport();
#if HTTPS
            string baseUrl = "https://localhost:" + LoopbackOrigin.HttpsPort;
            transport.RootCertificate = new System.Security.Cryptography.X509Certificates.X509Certificate(LoopbackOrigin.RootPem);
#else
            string baseUrl = "http://127.0.0.1:" + LoopbackOrigin.HttpPort;
#endif
#if FLASH
            ICacheStore store = new FlashStore("I:\\bench", 8, 64 * 1024);
#else
            ICacheStore store = new RamStore(8, 32 * 1024);
#endif
#if WEB
            WebRequestTransport loaded = new WebRequestTransport();
            Report("webrequest-timeout", loaded.TimeoutMilliseconds);
#endif
            HttpCacheClient client = new HttpCacheClient(store, transport);
            string url = baseUrl + "/config";
            Report("free-after-client", Free());
            Report("first-status", client.Get(url).StatusCode);
            Report("free-after-get", Free());
            transport.CloseIdle();
            Report("free-after-get-closed", Settled());
            client.Get(url);
            transport.CloseIdle();
            Report("free-after-1-poll-closed", Settled());
            for (int i = 0; i < 100; i++)
            {
                client.Get(url);
            }

            transport.CloseIdle();
            Report("not-modified", client.Stats.NotModified);
            Report("free-after-101-polls-closed", Settled());
            Report("poll-bytes", AllocatedPerCall(client, url));
            Report("connections-in-polls", transport.ConnectionsOpened);

            // A wake: a new transport and client (RAM is gone after deep sleep), five resources over one connection.
            SocketTransport wake = new SocketTransport();
            wake.RootCertificate = transport.RootCertificate;
            HttpCacheClient woken = new HttpCacheClient(store, wake);
            for (int r = 0; r < 5; r++)
            {
                woken.Get(url + "?resource=" + r);
            }

            Report("wake-connections", wake.ConnectionsOpened);
            Report("wake-handshakes", woken.Stats.TlsHandshakes);
            wake.CloseIdle();
            transport.CloseIdle();
#endif
        }

#if !BASELINE
        // Heap allocated per 304 poll: the heap is filled to leave HeadroomBytes free, then polls run until a collection
        // clears a weak reference (nanoFramework counts no allocated bytes); bytes per poll = headroom / polls.
        private const int HeadroomBytes = 256 * 1024;

        private static long AllocatedPerCall(HttpCacheClient client, string url)
        {
            ArrayList ballast = new ArrayList();
            long free = Free();
            while (free > HeadroomBytes + 65536)
            {
                ballast.Add(new byte[16384]);
                free = ballast.Count % 32 == 0 ? Free() : free - 16384 - 64;
            }

            while (free > HeadroomBytes + 2048)
            {
                ballast.Add(new byte[1024]);
                free = Free();
            }

            WeakReference canary = new WeakReference(new object());
            int polls = 0;
            while (canary.IsAlive && polls < 100000)
            {
                client.Get(url);
                polls++;
            }

            ballast.Clear();
            return polls == 0 ? -1 : free / polls;
        }
#endif
    }
}
