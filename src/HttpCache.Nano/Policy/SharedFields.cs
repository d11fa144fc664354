// SharedFields: the response fields a shared cache keeps back from what it stores (RFC 9111 5.2.2.7, and Set-Cookie).
using HttpCache.Nano.Parsing;

namespace HttpCache.Nano.Policy
{
    /// <summary>
    /// Fields of a storable response that a shared cache must not store, so they never reach another user: the
    /// fields a qualified <c>private="…"</c> names (RFC 9111 5.2.2.7), and <c>Set-Cookie</c> (a response that sets
    /// a cookie is stored by a shared cache only when <c>private="Set-Cookie"</c> asks for this, see
    /// <see cref="Storability"/>). The user whose request fetched the response still receives them.
    /// </summary>
    public static class SharedFields
    {
        /// <summary>True when a shared cache would withhold any field of <paramref name="response"/>.</summary>
        public static bool AnyWithheld(HeaderFacts response)
        {
            return response.HasSetCookie || response.CacheControl.PrivateFieldsLength > 0;
        }

        /// <summary>True when a shared cache must not store field <paramref name="index"/> of <paramref name="fields"/>, the fields of <paramref name="response"/>.</summary>
        public static bool IsWithheld(HeaderFields fields, int index, HeaderFacts response)
        {
            if (fields.Name(index) == HeaderName.SetCookie)
            {
                return true;
            }

            CacheControl cc = response.CacheControl;
            return cc.PrivateFieldsLength > 0
                && KnownHeaders.IsListedIn(cc.Buffer, cc.PrivateFieldsStart, cc.PrivateFieldsLength, fields.Buffer, fields.NameStart(index), fields.NameLength(index));
        }

        /// <summary>True when the qualified <c>private="…"</c> of <paramref name="response"/> names the known field <paramref name="name"/>.</summary>
        public static bool NamesPrivately(HeaderFacts response, HeaderName name)
        {
            CacheControl cc = response.CacheControl;
            return cc.PrivateFieldsLength > 0 && KnownHeaders.IsListedIn(cc.Buffer, cc.PrivateFieldsStart, cc.PrivateFieldsLength, name);
        }
    }
}
