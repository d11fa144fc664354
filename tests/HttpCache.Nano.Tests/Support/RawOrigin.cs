// RawOrigin: a TCP listener on 127.0.0.1 that answers each connection with scripted bytes, for malformed responses.
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>Answers each accepted connection with the next queued reply (bytes, optional trickle delay), then closes.</summary>
    public sealed class RawOrigin : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly ConcurrentQueue<(byte[] Bytes, int DelayPerByteMs, bool Reset)> _replies = new();
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public RawOrigin()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;

            // Dedicated threads with blocking I/O: a busy thread pool (tests run in parallel) must not delay the replies.
            new Thread(AcceptLoop) { IsBackground = true }.Start();
        }

        public int Port { get; }

        public int Connections => Volatile.Read(ref _connections);

        public string Url(string path) => "http://127.0.0.1:" + Port + path;

        public RawOrigin Then(string reply, int delayPerByteMs = 0) => Then(Encoding.Latin1.GetBytes(reply), delayPerByteMs);

        public RawOrigin Then(byte[] reply, int delayPerByteMs = 0)
        {
            _replies.Enqueue((reply, delayPerByteMs, false));
            return this;
        }

        /// <summary>Sends <paramref name="reply"/>, then resets the connection (RST, not FIN): an origin lost mid-exchange.</summary>
        public RawOrigin ThenReset(string reply)
        {
            _replies.Enqueue((Encoding.Latin1.GetBytes(reply), 0, true));
            return this;
        }

        private void AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
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
                new Thread(() => Serve(client)) { IsBackground = true }.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    byte[] request = new byte[8192];
                    int seen = 0;
                    while (seen < request.Length && !Encoding.Latin1.GetString(request, 0, seen).Contains("\r\n\r\n"))
                    {
                        int read = stream.Read(request, seen, request.Length - seen);
                        if (read <= 0)
                        {
                            return;
                        }

                        seen += read;
                    }

                    if (!_replies.TryDequeue(out (byte[] Bytes, int DelayPerByteMs, bool Reset) reply))
                    {
                        return;
                    }

                    if (reply.Reset)
                    {
                        stream.Write(reply.Bytes, 0, reply.Bytes.Length);
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    if (reply.DelayPerByteMs <= 0)
                    {
                        stream.Write(reply.Bytes, 0, reply.Bytes.Length);
                        return;
                    }

                    for (int i = 0; i < reply.Bytes.Length && !_stop.IsCancellationRequested; i++)
                    {
                        stream.Write(reply.Bytes, i, 1);
                        Thread.Sleep(reply.DelayPerByteMs);
                    }
                }
                catch (Exception)
                {
                    // The client gave up (timeouts under test): nothing to do.
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
