// LoopbackOrigin: a tiny in-process HTTP/1.1 origin on 127.0.0.1 for the poll benchmarks (304 when the ETag matches).
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace HttpCache.Nano.Benchmarks
{
    internal sealed class LoopbackOrigin : IDisposable
    {
        private static readonly byte[] Full = Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nCache-Control: max-age=0\r\nETag: \"cfg\"\r\nContent-Type: application/json\r\nContent-Length: 512\r\nConnection: close\r\n\r\n" + new string('c', 512));

        private static readonly byte[] NotModified = Encoding.ASCII.GetBytes("HTTP/1.1 304 Not Modified\r\nCache-Control: max-age=0\r\nETag: \"cfg\"\r\nConnection: close\r\n\r\n");

        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Thread _thread;
        private volatile bool _stopping;

        public LoopbackOrigin()
        {
            _listener.Start(128);
            Url = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/config";
            _thread = new Thread(Serve) { IsBackground = true };
            _thread.Start();
        }

        public string Url { get; }

        private void Serve()
        {
            byte[] buffer = new byte[4096];
            while (!_stopping)
            {
                Socket socket;
                try
                {
                    socket = _listener.AcceptSocket();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                using (socket)
                {
                    int seen = 0;
                    while (seen < buffer.Length)
                    {
                        int read = socket.Receive(buffer, seen, buffer.Length - seen, SocketFlags.None);
                        if (read <= 0)
                        {
                            break;
                        }

                        seen += read;
                        if (Encoding.ASCII.GetString(buffer, 0, seen).Contains("\r\n\r\n"))
                        {
                            break;
                        }
                    }

                    bool conditional = Encoding.ASCII.GetString(buffer, 0, seen).Contains("If-None-Match: \"cfg\"");
                    socket.Send(conditional ? NotModified : Full);
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
        }

        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
        }
    }
}
