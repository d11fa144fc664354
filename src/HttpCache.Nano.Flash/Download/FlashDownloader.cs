// FlashDownloader: large bodies (firmware images, display bitmaps) from the network straight into flash, a chunk at a
// time, resumed with Range and If-Range after a dropped connection or a reboot, revalidated without rewriting.
using System.IO;
using HttpCache.Nano.Parsing;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;
using HttpCache.Nano.Time;
using HttpCache.Nano.Transport;

namespace HttpCache.Nano.Download
{
    /// <summary>
    /// Downloads a URL into a <see cref="FlashStore"/> through one reused buffer (<see cref="ChunkBytes"/>): the heap a
    /// download uses does not grow with the body. A stored fresh body costs nothing; a stale one a conditional request
    /// (a 304 updates the metadata in RAM, writes nothing and does not read the body). When the connection drops the
    /// bytes received stay on flash (<see cref="FlashDownload"/>); the next <see cref="Get"/> sends
    /// <c>Range: bytes=N-</c> with <c>If-Range</c> (RFC 9110 13.1.5, 14.2) and appends the 206 once its
    /// <c>Content-Range</c> agrees with what is stored. A 200 instead (the resource changed) starts again from zero; a 416
    /// or a <c>Content-Range</c> that does not fit drops the partial body. No strong validator, no resume. Read the
    /// result with <see cref="FlashStore.OpenBody"/>. Not thread-safe.
    /// </summary>
    public sealed class FlashDownloader
    {
        private static readonly HeaderFacts s_noRequest = NoRequest();

        private readonly IStreamingTransport _transport;
        private readonly FlashStore _store;
        private readonly IClock _clock;
        private readonly CacheOptions _options;
        private readonly CacheDecision _decision = new CacheDecision();
        private byte[] _buffer = new byte[2048];

        // Set by Stop from another thread; read once per chunk.
        private int _stop;

        /// <summary>Creates a downloader over a streaming transport and a flash store.</summary>
        /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
        public FlashDownloader(IStreamingTransport transport, FlashStore store, IClock clock, CacheOptions options)
        {
            if (transport == null || store == null || clock == null || options == null)
            {
                throw new System.ArgumentNullException(transport == null ? "transport" : store == null ? "store" : clock == null ? "clock" : "options");
            }

            _transport = transport;
            _store = store;
            _clock = clock;
            _options = options;
        }

        /// <summary>Bytes read from the network and written to flash at a time (default 2048; 512 to 16384).</summary>
        public int ChunkBytes
        {
            get { return _buffer.Length; }
            set
            {
                if (value < 512 || value > 16384)
                {
                    throw new System.ArgumentOutOfRangeException("value");
                }

                _buffer = new byte[value];
            }
        }

        /// <summary>
        /// Asks a <see cref="Get"/> running on another thread to stop after the chunk in hand: what was received is
        /// committed to flash and the call returns <see cref="DownloadOutcome.Interrupted"/>, to be resumed later.
        /// </summary>
        public void Stop()
        {
            System.Threading.Interlocked.Exchange(ref _stop, 1);
        }

        /// <summary>
        /// Makes the body of <paramref name="url"/> complete and current in the store, as far as this call gets: call again
        /// after <see cref="DownloadOutcome.Interrupted"/> (at once, or after a reboot) and it resumes.
        /// </summary>
        /// <param name="url">The absolute http or https URL.</param>
        /// <param name="progress">Told after each stored chunk, or null.</param>
        /// <exception cref="System.ArgumentException">The URL is not an absolute http or https URL.</exception>
        public DownloadResult Get(string url, IDownloadProgress progress)
        {
            CacheKey key = CacheKey.Of(HttpMethods.Get, url);
            CacheEntry head = _store.FindHead(key);
            if (head != null)
            {
                CachePolicy.Decide(s_noRequest, head.Info, false, CacheNow.Read(_clock), _options, _decision);
                long length = head.DeclaredLength();
                if (_decision.Action == CacheAction.ServeFresh)
                {
                    return new DownloadResult(DownloadOutcome.Fresh, head.StatusCode, length, length, 0, null);
                }
            }

            FlashDownload partial = head == null ? _store.FindDownload(key) : null;
            HttpHeaders asked = new HttpHeaders();
            if (head != null && head.Info.CanRevalidate)
            {
                ConditionalFields.Prepare(head);
                if (head.ConditionalHeader != null)
                {
                    asked.AddValidated(head.ConditionalHeader, head.ConditionalValue);
                }
            }
            else if (partial != null && !AskForTheRest(partial, asked))
            {
                _store.DropDownload(partial);
                partial = null;
            }

            CacheNow sent = CacheNow.Read(_clock);
            IStreamingResponse response;
            try
            {
                response = _transport.Open(new OriginRequest(HttpMethods.Get, url, asked, null));
            }
            catch (HttpTransportException e)
            {
                DownloadResult failed = new DownloadResult(DownloadOutcome.Interrupted, 0, partial == null ? 0 : partial.StoredLength, partial == null ? -1 : partial.TotalLength, 0, e.Message);
                failed.Failure = e.Failure;
                return failed;
            }

            DownloadResult result;
            using (response)
            {
                result = Answer(key, head, partial, response, sent, progress);
                result.LinkBytes = response.LinkBytesSent + response.LinkBytesReceived;
            }

            return result;
        }

        // What the origin answered: a 304, the rest of a partial body, or a whole new one.
        private DownloadResult Answer(CacheKey key, CacheEntry head, FlashDownload partial, IStreamingResponse response, CacheNow sent, IDownloadProgress progress)
        {
            CacheNow received = CacheNow.Read(_clock);
            HeaderFields fields = HeaderFields.Of(Block(response.Head));
            HeaderFacts facts = new HeaderFacts();
            facts.Load(fields);
            int status = response.Head.StatusCode;
            if (status == 304 && head != null && NotModifiedMerge.Selects(facts, Facts(head)))
            {
                return Freshen(key, head, fields, facts, sent, received);
            }

            if (status == 206 && partial != null)
            {
                return Resume(key, partial, response, fields, facts, sent, received, progress);
            }

            if (partial != null)
            {
                // A 200 (the resource changed) starts again from zero; a 416 or anything else ends the partial body.
                _store.DropDownload(partial);
            }

            if (status != 200)
            {
                return new DownloadResult(DownloadOutcome.NotStored, status, 0, -1, 0, "The origin answered " + status + ".");
            }

            return Start(key, response, fields, facts, sent, received, progress);
        }

        // Range and If-Range for the bytes a partial download lacks; false when it has no strong validator to resume on.
        private static bool AskForTheRest(FlashDownload partial, HttpHeaders asked)
        {
            string validator = RangeRules.IfRangeValue(Facts(partial.Head));
            if (validator == null)
            {
                return false;
            }

            asked.Add("Range", "bytes=" + partial.StoredLength.ToString() + "-");
            asked.Add("If-Range", validator);
            return true;
        }

        // A 200: a new download of the whole body.
        private DownloadResult Start(CacheKey key, IStreamingResponse response, HeaderFields fields, HeaderFacts facts, CacheNow sent, CacheNow received, IDownloadProgress progress)
        {
            if (Storability.Check(HttpMethods.Get, 200, s_noRequest, facts, _options.Mode) != StoreVerdict.Store || facts.HasVary)
            {
                return new DownloadResult(DownloadOutcome.NotStored, 200, 0, response.DeclaredLength, 0, "The response may not be stored.");
            }

            CacheEntry head = Entry(key, 200, response.Head.ReasonPhrase, StoredBlock(fields, facts), facts, sent, received);
            FlashDownload download = _store.StartDownload(key, head, response.DeclaredLength);
            if (download == null)
            {
                return new DownloadResult(DownloadOutcome.NotStored, 200, 0, response.DeclaredLength, 0, "The body does not fit the store.");
            }

            return Copy(response, download, head, DownloadOutcome.Downloaded, progress);
        }

        // A 206 to Range: bytes=N-: appended when it continues exactly what is stored, of the same complete length.
        private DownloadResult Resume(CacheKey key, FlashDownload partial, IStreamingResponse response, HeaderFields fields, HeaderFacts facts, CacheNow sent, CacheNow received,
            IDownloadProgress progress)
        {
            long first;
            long last;
            long complete;
            bool fits = PartialContent.StoredRange(fields, out first, out last, out complete) && first == partial.StoredLength && complete >= 0
                && last == complete - 1 && (partial.TotalLength < 0 || partial.TotalLength == complete) && RangeRules.SameStrongValidator(Facts(partial.Head), facts);
            if (!fits)
            {
                _store.DropDownload(partial);
                return new DownloadResult(DownloadOutcome.NotStored, 206, 0, -1, 0, "The 206 does not continue the stored part: dropped.");
            }

            partial.TotalLength = complete;

            // RFC 9111 3.4: the new part's fields are used, stored fields it does not carry are kept.
            HeaderBlockWriter writer = new HeaderBlockWriter(partial.Head.Headers.Length + 64);
            NotModifiedMerge.Merge(HeaderFields.Of(partial.Head.Headers), fields, facts, writer);
            byte[] block = PartialContent.Fields(HeaderFields.Of(writer.ToArray()), 0, complete - 1, complete, true);
            HeaderFacts merged = new HeaderFacts();
            merged.Load(HeaderFields.Of(block));
            CacheEntry head = Entry(key, 200, "OK", block, merged, sent, received);
            return Copy(response, partial, head, DownloadOutcome.Resumed, progress);
        }

        // Body bytes to flash, a chunk at a time; the entry completed at the end, the part committed when the link drops.
        private DownloadResult Copy(IStreamingResponse response, FlashDownload download, CacheEntry head, DownloadOutcome done, IDownloadProgress progress)
        {
            long received = 0;
            try
            {
                int read;
                while ((read = response.Read(_buffer, 0, _buffer.Length)) > 0)
                {
                    download.Append(_buffer, 0, read);
                    received += read;
                    if (progress != null)
                    {
                        progress.OnProgress(download.StoredLength, download.TotalLength);
                    }

                    if (System.Threading.Interlocked.CompareExchange(ref _stop, 0, 0) != 0)
                    {
                        // Asked to stop (Ctrl-C, a deep sleep due): keep every byte received, for the next call to resume.
                        return Interrupted(download, response.Head.StatusCode, received, "stopped");
                    }
                }
            }
            catch (HttpTransportException e)
            {
                DownloadResult cut = Interrupted(download, response.Head.StatusCode, received, e.Message);
                cut.Failure = e.Failure == TransportFailure.Other ? TransportFailure.ConnectionLost : e.Failure;
                return cut;
            }
            catch (IOException e)
            {
                _store.DropDownload(download);
                return new DownloadResult(DownloadOutcome.NotStored, head.StatusCode, 0, download.TotalLength, received, "Flash failed: " + e.Message);
            }

            if (download.TotalLength < 0)
            {
                download.TotalLength = download.StoredLength;
            }

            if (!_store.CompleteDownload(download, head))
            {
                return new DownloadResult(DownloadOutcome.NotStored, head.StatusCode, 0, download.TotalLength, received, "The completed body could not be stored.");
            }

            return new DownloadResult(done, head.StatusCode, download.TotalLength, download.TotalLength, received, null);
        }

        private static DownloadResult Interrupted(FlashDownload download, int status, long received, string error)
        {
            try
            {
                download.Commit();
            }
            catch (IOException)
            {
                // The last segment is lost; the committed ones stay.
            }

            return new DownloadResult(DownloadOutcome.Interrupted, status, download.CommittedLength, download.TotalLength, received, error);
        }

        // A 304: the stored metadata freshened in RAM (RFC 9111 4.3.4); the body is neither read nor rewritten.
        private DownloadResult Freshen(CacheKey key, CacheEntry head, HeaderFields fields, HeaderFacts facts, CacheNow sent, CacheNow received)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(head.Headers.Length + 64);
            NotModifiedMerge.Merge(HeaderFields.Of(head.Headers), fields, facts, writer);
            byte[] block = writer.ToArray();
            HeaderFacts merged = new HeaderFacts();
            merged.Load(HeaderFields.Of(block));
            CacheEntry updated = Entry(key, head.StatusCode, head.ReasonPhrase, block, merged, sent, received);
            updated.Info.InitialAgeMilliseconds = Freshness.InitialAgeMilliseconds(facts.Age, merged.Date, received.WallSeconds, StoredResponseInfo.ResponseDelayMilliseconds(sent, received));
            _store.FreshenHead(key, updated);
            long length = head.DeclaredLength();
            return new DownloadResult(DownloadOutcome.Revalidated, 304, length, length, 0, null);
        }

        private CacheEntry Entry(CacheKey key, int status, string reason, byte[] block, HeaderFacts facts, CacheNow sent, CacheNow received)
        {
            StoredResponseInfo info = StoredResponseInfo.Describe(status, facts, s_noRequest, sent, received, _options.Mode, _options.MaxHeuristicLifetime);
            return new CacheEntry(key.Normalized, status, reason, block, new byte[0], info, null, 0);
        }

        // The end-to-end fields of a response, as stored.
        private static byte[] StoredBlock(HeaderFields fields, HeaderFacts facts)
        {
            HeaderBlockWriter writer = new HeaderBlockWriter(fields.Count * 32 + 16);
            StoredFields.Write(fields, facts, false, writer);
            return writer.ToArray();
        }

        private static byte[] Block(OriginResponse head)
        {
            byte[] block = new byte[head.HeaderLength];
            System.Array.Copy(head.HeaderBlock, block, head.HeaderLength);
            return block;
        }

        private static HeaderFacts NoRequest()
        {
            HeaderFacts facts = new HeaderFacts();
            facts.Load(new HeaderFields(1));
            return facts;
        }

        private static HeaderFacts Facts(CacheEntry entry)
        {
            HeaderFacts facts = new HeaderFacts();
            facts.Load(HeaderFields.Of(entry.Headers));
            return facts;
        }
    }
}
