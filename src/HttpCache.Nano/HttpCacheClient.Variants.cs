// HttpCacheClient.Variants: several stored responses per URI when it varies (RFC 9111 4.1). The most recent variant
// lives at the URI's own key; a newer one moves it aside to a key named by its request values (CacheKey.Variant), so
// a lookup costs one Find for the common case and a second only when the first variant does not match.
using System.Collections;
using HttpCache.Nano.Policy;
using HttpCache.Nano.Storage;

namespace HttpCache.Nano
{
    public sealed partial class HttpCacheClient
    {
        // Bounds the per-URI lists below (a proxy sees many URIs; forgetting one only lets its variants age out by LRU).
        private const int MaxVaryingUris = 1024;

        // Primary key string -> ArrayList of the variant keys moved aside for it, oldest first: the per-URI limit. Made
        // when a first variant is moved aside.
        private Hashtable _variantKeys;

        // The stored response this request may use, the latest variant or another, and the key it is stored under; null when none.
        private CacheEntry FindStored(CacheKey key, RequestFacts request, out CacheKey storedKey)
        {
            CacheEntry varying;
            CacheEntry entry = FindVariant(key, request, out varying);
            storedKey = key;
            return varying == null ? entry : FindOtherVariant(key, varying, request, out storedKey);
        }

        // The stored response at key this request may use (credential and Vary match), or null; varying is the stored
        // response when it varies and this request wants another variant (then FindOtherVariant looks further).
        private CacheEntry FindVariant(CacheKey key, RequestFacts request, out CacheEntry varying)
        {
            varying = null;
            CacheEntry entry = _store.Find(key);
            if (entry == null || !CredentialMatches(entry, request))
            {
                return null;
            }

            if (!entry.Info.HasVary || Variance.Matches(entry.VaryValues, request.Fields))
            {
                return entry;
            }

            varying = entry;
            return null;
        }

        // Another variant of key's URI, named by this request's values of the fields the latest one varies on; storedKey
        // is where it lives. Allocates the key.
        private CacheEntry FindOtherVariant(CacheKey key, CacheEntry latest, RequestFacts request, out CacheKey storedKey)
        {
            storedKey = key;
            byte[] wanted = Variance.CaptureFor(latest.VaryValues, request.Fields);
            if (wanted == null || _options.MaxVariantsPerUri == 1)
            {
                return null;
            }

            CacheKey variantKey = CacheKey.Variant(key, Variance.Signature(wanted));
            CacheEntry variant = _store.Find(variantKey);
            if (variant == null || !CredentialMatches(variant, request) || !variant.Info.HasVary || !Variance.Matches(variant.VaryValues, request.Fields))
            {
                return null;
            }

            storedKey = variantKey;
            return variant;
        }

        // Stores a full response as the URI's latest, moving a stored response of another variant aside (within the limit).
        private bool StoreVariant(CacheKey key, CacheEntry entry)
        {
            CacheEntry current = _options.MaxVariantsPerUri > 1 ? _store.Find(key) : null;
            if (current != null && current.Info.HasVary && !SameVariant(current, entry))
            {
                CacheKey aside = CacheKey.Variant(key, Variance.Signature(current.VaryValues));
                if (_store.Put(aside, current.WithKey(aside.Normalized)))
                {
                    Remember(key, aside);
                }
            }

            if (entry.VaryValues != null && current != null && current.Info.HasVary)
            {
                // This variant's own older copy, if it had been moved aside, is replaced by the new one at the URI's key.
                CacheKey own = CacheKey.Variant(key, Variance.Signature(entry.VaryValues));
                _store.Remove(own);
                Forget(key, own);
            }
            else if (entry.VaryValues == null && current != null && current.Info.HasVary)
            {
                // The URI no longer varies: its variants are no longer selected.
                RemoveVariants(key);
            }

            return _store.Put(key, entry);
        }

        // RFC 9111 4.4: an unsafe request invalidates the URI, every variant of it.
        private void Invalidate(CacheKey key)
        {
            bool removed = _store.Remove(key);
            if (RemoveVariants(key) > 0 || removed)
            {
                _stats.Invalidations++;
            }
        }

        private int RemoveVariants(CacheKey key)
        {
            if (_variantKeys != null)
            {
                _variantKeys.Remove(key.Normalized);
            }

            return _store.RemoveVariants(key);
        }

        // A stored response serves the credential it was bound to; in a shared cache, one bound to none (0) serves every
        // request, since RFC 9111 3.5 lets an authorized response say it may be shared (CredentialBinding).
        private bool CredentialMatches(CacheEntry entry, RequestFacts request)
        {
            return entry.CredentialHash == request.CredentialHash || (entry.CredentialHash == 0 && _options.Mode == CacheMode.Shared);
        }

        // The credential a response is stored for: the request's, except in a shared cache for a response that says it may
        // be shared although the request was authorized (public, must-revalidate, s-maxage: RFC 9111 3.5), which is bound to
        // none and so serves other users too (revalidated where must-revalidate or s-maxage require).
        private long CredentialBinding(RequestFacts request, Parsing.HeaderFacts response)
        {
            Parsing.CacheControl cc = response.CacheControl;
            bool shareable = cc.Has(Parsing.CacheDirectives.Public) || cc.Has(Parsing.CacheDirectives.MustRevalidate) || cc.SharedMaxAge >= 0;
            return _options.Mode == CacheMode.Shared && shareable ? 0 : request.CredentialHash;
        }

        private static bool SameVariant(CacheEntry a, CacheEntry b)
        {
            byte[] x = a.VaryValues;
            byte[] y = b.VaryValues;
            if (x == null || y == null || x.Length != y.Length)
            {
                return false;
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] != y[i])
                {
                    return false;
                }
            }

            return true;
        }

        // Records a variant moved aside, dropping the oldest beyond the limit (the latest at the URI's key counts as one).
        private void Remember(CacheKey key, CacheKey aside)
        {
            if (_variantKeys == null)
            {
                _variantKeys = new Hashtable();
            }

            ArrayList keys = (ArrayList)_variantKeys[key.Normalized];
            if (keys == null)
            {
                if (_variantKeys.Count >= MaxVaryingUris)
                {
                    _variantKeys.Clear();
                }

                keys = new ArrayList();
                _variantKeys[key.Normalized] = keys;
            }

            keys.Remove(aside.Normalized);
            keys.Add(aside.Normalized);
            while (keys.Count > _options.MaxVariantsPerUri - 1)
            {
                string oldest = (string)keys[0];
                keys.RemoveAt(0);
                _store.Remove(CacheKey.Variant(key, oldest.Substring(key.Normalized.Length + 1)));
            }
        }

        private void Forget(CacheKey key, CacheKey aside)
        {
            ArrayList keys = _variantKeys == null ? null : (ArrayList)_variantKeys[key.Normalized];
            if (keys != null)
            {
                keys.Remove(aside.Normalized);
            }
        }
    }
}
