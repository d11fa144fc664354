// HttpCacheClient.Targeted: targeted cache control (RFC 9213) — a shared cache configured with a field such as
// CDN-Cache-Control takes a response's storing and freshness directives from it, ahead of Cache-Control and Expires.
namespace HttpCache.Nano
{
    public sealed partial class HttpCacheClient
    {
        // The targeted field's name in lower case, made on first use.
        private byte[] _targeted;

        // RFC 9213: a shared cache configured with a targeted field takes its directives from it when a response carries it.
        private void Target(Parsing.HeaderFacts facts)
        {
            if (_options.TargetedField == null || _options.Mode != CacheMode.Shared)
            {
                return;
            }

            if (_targeted == null)
            {
                _targeted = Parsing.Ascii.LowerBytes(_options.TargetedField);
            }

            facts.UseTargeted(_targeted);
        }
    }
}
