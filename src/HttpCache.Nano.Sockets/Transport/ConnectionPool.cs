// ConnectionPool: idle connections kept per origin, bounded, closed when idle too long.
using System.Collections;

namespace HttpCache.Nano.Transport
{
    /// <summary>
    /// The idle connections of one transport. A connection is taken out while an exchange uses it and given back
    /// after a response that leaves it reusable; at most <c>perOrigin</c> idle ones are kept per origin. An idle
    /// connection past its idle limit, or one the server has closed, is closed instead of being handed out.
    /// Thread-safe.
    /// </summary>
    internal sealed class ConnectionPool
    {
        private readonly object _lock = new object();
        private readonly ArrayList _idle = new ArrayList();

        /// <summary>Idle connections held.</summary>
        public int IdleCount
        {
            get
            {
                lock (_lock)
                {
                    return _idle.Count;
                }
            }
        }

        /// <summary>An idle connection to <paramref name="origin"/> that still looks open, taken out of the pool; null when there is none.</summary>
        public Connection Take(string origin, long now)
        {
            while (true)
            {
                Connection found = null;
                lock (_lock)
                {
                    for (int i = _idle.Count - 1; i >= 0; i--)
                    {
                        Connection candidate = (Connection)_idle[i];
                        if (candidate.Origin == origin)
                        {
                            _idle.RemoveAt(i);
                            found = candidate;
                            break;
                        }
                    }
                }

                if (found == null)
                {
                    return null;
                }

                if (now - found.IdleSince < found.IdleLimit && found.LooksOpen())
                {
                    return found;
                }

                found.Close();
            }
        }

        /// <summary>Keeps <paramref name="connection"/> for the next exchange with its origin, or closes it when <paramref name="perOrigin"/> are kept already.</summary>
        public void Give(Connection connection, long now, int perOrigin)
        {
            connection.IdleSince = now;
            lock (_lock)
            {
                int same = 0;
                for (int i = 0; i < _idle.Count; i++)
                {
                    if (((Connection)_idle[i]).Origin == connection.Origin)
                    {
                        same++;
                    }
                }

                if (same < perOrigin)
                {
                    _idle.Add(connection);
                    return;
                }
            }

            connection.Close();
        }

        /// <summary>Closes every idle connection (before deep sleep, or when the transport is disposed).</summary>
        public void CloseAll()
        {
            Connection[] idle;
            lock (_lock)
            {
                idle = new Connection[_idle.Count];
                _idle.CopyTo(idle, 0);
                _idle.Clear();
            }

            for (int i = 0; i < idle.Length; i++)
            {
                idle[i].Close();
            }
        }
    }
}
