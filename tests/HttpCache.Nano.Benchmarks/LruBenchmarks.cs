// LRU: the fixed-size index (and the RAM store) against the textbook Dictionary + LinkedList LRU.
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;

namespace HttpCache.Nano.Benchmarks
{
    /// <summary>The textbook LRU: a dictionary of linked-list nodes.</summary>
    internal sealed class TextbookLru
    {
        private readonly int _capacity;
        private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, object>>> _map;
        private readonly LinkedList<KeyValuePair<string, object>> _order = new LinkedList<KeyValuePair<string, object>>();

        public TextbookLru(int capacity)
        {
            _capacity = capacity;
            _map = new Dictionary<string, LinkedListNode<KeyValuePair<string, object>>>(capacity);
        }

        public object Get(string key)
        {
            if (!_map.TryGetValue(key, out LinkedListNode<KeyValuePair<string, object>> node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Value;
        }

        public void Put(string key, object value)
        {
            if (_map.TryGetValue(key, out LinkedListNode<KeyValuePair<string, object>> existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }
            else if (_map.Count == _capacity)
            {
                LinkedListNode<KeyValuePair<string, object>> oldest = _order.Last;
                _order.RemoveLast();
                _map.Remove(oldest.Value.Key);
            }

            _map[key] = _order.AddFirst(new KeyValuePair<string, object>(key, value));
        }
    }

    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class LruBenchmarks
    {
        private string[] _urls;
        private CacheKey[] _prebuilt;
        private string[] _keys;
        private string[] _newUrls;
        private TextbookLru _textbook;
        private RamStore _store;
        private CacheEntry[] _entries;
        private int _next;

        [Params(8, 64, 1024)]
        public int Entries { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _urls = new string[Entries];
            _prebuilt = new CacheKey[Entries];
            _keys = new string[Entries];
            _newUrls = new string[Entries * 2];
            _entries = new CacheEntry[Entries * 2];
            _textbook = new TextbookLru(Entries);
            _store = new RamStore(Entries, long.MaxValue / 2);
            for (int i = 0; i < Entries * 2; i++)
            {
                string url = "http://device.example/api/v1/config/" + i;
                CacheKey key = CacheKey.Of("GET", url);
                _newUrls[i] = url;
                _entries[i] = new CacheEntry(key.ToString(), 200, null, new byte[64], new byte[256], new StoredResponseInfo(), null, 0);
                if (i < Entries)
                {
                    _urls[i] = url;
                    _prebuilt[i] = key;
                    _keys[i] = key.ToString();
                    _textbook.Put(key.ToString(), _entries[i]);
                    _store.Put(key, _entries[i]);
                }
            }
        }

        /// <summary>Baseline hit: the caller already has the key string (the textbook LRU needs one).</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("hit")]
        public object Hit_Textbook()
        {
            _next = (_next + 7) % Entries;
            return _textbook.Get(_keys[_next]);
        }

        /// <summary>Hit with a key built beforehand, like the textbook's key string: bucket, hash check, full key compare, recency update.</summary>
        [Benchmark]
        [BenchmarkCategory("hit")]
        public object Hit_RamStore_PrebuiltKey()
        {
            _next = (_next + 7) % Entries;
            return _store.Find(_prebuilt[_next]);
        }

        /// <summary>Hit from the caller's raw URL: normalisation, hash and full compare without building the key.</summary>
        [Benchmark]
        [BenchmarkCategory("hit")]
        public object Hit_RamStore_FromRawUrl()
        {
            _next = (_next + 7) % Entries;
            return _store.Find(CacheKey.Of("GET", _urls[_next]));
        }

        /// <summary>Baseline: insert a new key into a full textbook LRU (evicting the oldest).</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("insert+evict")]
        public void InsertEvict_Textbook()
        {
            _next = (_next + 1) % (Entries * 2);
            CacheEntry entry = _entries[_next];
            _textbook.Put(entry.Key, entry);
        }

        /// <summary>Insert a same-size entry into a full RamStore (evicting the oldest); keys are pre-built, as stored entries carry theirs.</summary>
        [Benchmark]
        [BenchmarkCategory("insert+evict")]
        public bool InsertEvict_RamStore()
        {
            _next = (_next + 1) % (Entries * 2);
            return _store.Put(CacheKey.Of("GET", _newUrls[_next]), _entries[_next]);
        }
    }
}
