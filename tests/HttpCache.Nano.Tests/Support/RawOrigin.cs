// RawOrigin: a TCP listener on 127.0.0.1 that answers each connection with scripted bytes, for malformed responses.
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>Answers each accepted connection with the next queued reply (bytes, optional trickle delay), then closes.</summary>
    public sealed class RawOrigin : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly ConcurrentQueue<(byte[] Bytes, int DelayPerByteMs)> _replies = new();
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public RawOrigin()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(AcceptLoop);
        }

        public int Port { get; }

        public int Connections => Volatile.Read(ref _connections);

        public string Url(string path) => "http://127.0.0.1:" + Port + path;

        public RawOrigin Then(string reply, int delayPerByteMs = 0) => Then(Encoding.Latin1.GetBytes(reply), delayPerByteMs);

        public RawOrigin Then(byte[] reply, int delayPerByteMs = 0)
        {
            _replies.Enqueue((reply, delayPerByteMs));
            return this;
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
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
                        int read = await stream.ReadAsync(request.AsMemory(seen), _stop.Token);
                        if (read <= 0)
                        {
                            return;
                        }

                        seen += read;
                    }

                    if (!_replies.TryDequeue(out (byte[] Bytes, int DelayPerByteMs) reply))
                    {
                        return;
                    }

                    if (reply.DelayPerByteMs <= 0)
                    {
                        await stream.WriteAsync(reply.Bytes, _stop.Token);
                        return;
                    }

                    for (int i = 0; i < reply.Bytes.Length; i++)
                    {
                        await stream.WriteAsync(reply.Bytes.AsMemory(i, 1), _stop.Token);
                        await Task.Delay(reply.DelayPerByteMs, _stop.Token);
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
