// PersistentOrigin: a TCP listener on 127.0.0.1 that serves many requests per connection from a handler, recording
// which connection carried each request: for testing connection reuse byte for byte.
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>What the origin does after a request: answer and keep the connection, answer and close, or close without answering.</summary>
    public enum AfterReply
    {
        Keep,
        Close,
        CloseWithoutReply,
    }

    /// <summary>One request as the origin received it, and the connection (numbered from 1) that carried it.</summary>
    public sealed record RawRequest(int Connection, int IndexOnConnection, string Head, string Body)
    {
        public string Method => Head.Substring(0, Head.IndexOf(' '));

        public string Target => Head.Split(' ')[1];
    }

    /// <summary>Serves each request with <c>handler(request)</c> → (reply bytes, what to do next), on persistent connections.</summary>
    public sealed class PersistentOrigin : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<RawRequest, (string Reply, AfterReply After)> _handler;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<RawRequest> _requests = new();
        private readonly ConcurrentDictionary<int, TcpClient> _open = new();
        private int _connections;

        public PersistentOrigin(Func<RawRequest, (string Reply, AfterReply After)> handler)
        {
            _handler = handler;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;

            // Dedicated threads with blocking I/O: a busy thread pool (tests run in parallel) must not delay the replies.
            new Thread(AcceptLoop) { IsBackground = true }.Start();
        }

        public int Port { get; }

        /// <summary>Connections accepted so far.</summary>
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>Requests received, in order.</summary>
        public RawRequest[] Requests => _requests.ToArray();

        public string Url(string path) => "http://127.0.0.1:" + Port + path;

        /// <summary>Closes every open connection from the server side (an idle timeout on the server).</summary>
        public void CloseIdleConnections()
        {
            foreach (TcpClient client in _open.Values)
            {
                client.Client.Shutdown(SocketShutdown.Both);
                client.Close();
            }

            _open.Clear();
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

                int id = Interlocked.Increment(ref _connections);
                _open[id] = client;
                new Thread(() => Serve(client, id)) { IsBackground = true }.Start();
            }
        }

        private void Serve(TcpClient client, int id)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    byte[] buffer = new byte[65536];
                    int held = 0;
                    for (int index = 1; ; index++)
                    {
                        int headEnd;
                        while ((headEnd = IndexOf(buffer, held, "\r\n\r\n")) < 0)
                        {
                            int read = stream.Read(buffer, held, buffer.Length - held);
                            if (read <= 0)
                            {
                                return;
                            }

                            held += read;
                        }

                        string head = Encoding.Latin1.GetString(buffer, 0, headEnd);
                        int length = ContentLength(head);
                        int total = headEnd + 4 + length;
                        while (held < total)
                        {
                            int read = stream.Read(buffer, held, buffer.Length - held);
                            if (read <= 0)
                            {
                                return;
                            }

                            held += read;
                        }

                        RawRequest request = new RawRequest(id, index, head, Encoding.Latin1.GetString(buffer, headEnd + 4, length));
                        _requests.Enqueue(request);
                        Array.Copy(buffer, total, buffer, 0, held - total);
                        held -= total;
                        (string reply, AfterReply after) = _handler(request);
                        if (after != AfterReply.CloseWithoutReply)
                        {
                            byte[] bytes = Encoding.Latin1.GetBytes(reply);
                            stream.Write(bytes, 0, bytes.Length);
                        }

                        if (after != AfterReply.Keep)
                        {
                            client.Client.Shutdown(SocketShutdown.Both);
                            return;
                        }
                    }
                }
                catch (Exception)
                {
                    // The client went away: nothing to do.
                }
                finally
                {
                    _open.TryRemove(id, out _);
                }
            }
        }

        private static int IndexOf(byte[] buffer, int length, string text)
        {
            for (int i = 0; i + text.Length <= length; i++)
            {
                int j = 0;
                while (j < text.Length && buffer[i + j] == text[j])
                {
                    j++;
                }

                if (j == text.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int ContentLength(string head)
        {
            foreach (string line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    return int.Parse(line.Substring(15).Trim());
                }
            }

            return 0;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            CloseIdleConnections();
        }
    }
}
