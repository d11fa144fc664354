// CuttingRelay: a TCP relay on 127.0.0.1 in front of an origin that plays a link which drops: each connection is
// closed (cleanly, so the client reads every byte relayed) after the next queued number of response bytes.
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace HttpCache.Nano.Benchmarks.Wire
{
    /// <summary>Relays connections to an origin, counting the bytes each way and cutting them as told.</summary>
    public sealed class CuttingRelay : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _originPort;
        private long _up;
        private long _down;
        private int _connections;

        public CuttingRelay(int originPort)
        {
            _originPort = originPort;
            _listener.Start();
            new Thread(Accept) { IsBackground = true }.Start();
        }

        /// <summary>Response bytes after which the next connections are closed (none left: not cut).</summary>
        public ConcurrentQueue<long> Cuts { get; } = new ConcurrentQueue<long>();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Bytes the link carried, both ways (TCP payload: HTTP here).</summary>
        public long Bytes => Interlocked.Read(ref _up) + Interlocked.Read(ref _down);

        public int Connections => Volatile.Read(ref _connections);

        private void Accept()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                long cut = Cuts.TryDequeue(out long c) ? c : long.MaxValue;
                TcpClient origin = new TcpClient("127.0.0.1", _originPort);
                new Thread(() => Pump(client, origin, ref _up, long.MaxValue, null)) { IsBackground = true }.Start();
                new Thread(() => Pump(origin, client, ref _down, cut, client)) { IsBackground = true }.Start();
            }
        }

        // Copies from one side to the other; after limit bytes, shuts the receiving client down (a FIN: nothing is lost).
        private static void Pump(TcpClient from, TcpClient to, ref long counter, long limit, TcpClient cutTarget)
        {
            byte[] buffer = new byte[16384];
            long sent = 0;
            try
            {
                NetworkStream input = from.GetStream();
                NetworkStream output = to.GetStream();
                while (sent < limit)
                {
                    int read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - sent));
                    if (read <= 0)
                    {
                        break;
                    }

                    output.Write(buffer, 0, read);
                    sent += read;
                    Interlocked.Add(ref counter, read);
                }
            }
            catch (Exception)
            {
                // One side went away.
            }

            if (cutTarget != null)
            {
                try
                {
                    cutTarget.Client.Shutdown(SocketShutdown.Both);
                }
                catch (Exception)
                {
                }

                cutTarget.Close();
                from.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
        }
    }
}
