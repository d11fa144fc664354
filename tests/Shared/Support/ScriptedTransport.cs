// ScriptedTransport: an in-memory origin that answers from a script and records what it was sent.
using System;
using System.Collections;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>Returns queued responses (or failures) in order and records every request. For pure engine tests.</summary>
    public sealed class ScriptedTransport : IHttpTransport
    {
        private readonly ArrayList _script = new ArrayList();
        private readonly ArrayList _requests = new ArrayList();

        /// <summary>Requests received so far.</summary>
        public int Count
        {
            get { return _requests.Count; }
        }

        /// <summary>The request at <paramref name="index"/>.</summary>
        public OriginRequest Request(int index)
        {
            return (OriginRequest)_requests[index];
        }

        /// <summary>The last request.</summary>
        public OriginRequest Last
        {
            get { return (OriginRequest)_requests[_requests.Count - 1]; }
        }

        /// <summary>Queues a response.</summary>
        public ScriptedTransport Then(OriginResponse response)
        {
            _script.Add(response);
            return this;
        }

        /// <summary>Queues a transport failure.</summary>
        public ScriptedTransport ThenFail(string message)
        {
            _script.Add(message);
            return this;
        }

        /// <inheritdoc />
        public OriginResponse Send(OriginRequest request)
        {
            _requests.Add(request);
            if (_script.Count == 0)
            {
                throw new InvalidOperationException("ScriptedTransport: no response queued for " + request.Method + " " + request.Url);
            }

            object next = _script[0];
            _script.RemoveAt(0);
            string failure = next as string;
            if (failure != null)
            {
                throw new HttpTransportException(failure);
            }

            return (OriginResponse)next;
        }
    }
}
