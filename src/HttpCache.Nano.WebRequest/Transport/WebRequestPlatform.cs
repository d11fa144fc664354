// WebRequestPlatform: the one step of preparing an HttpWebRequest that differs between nanoFramework and desktop .NET.
using System.Net;
using System.Security.Cryptography.X509Certificates;
#if NANOFRAMEWORK_1_0
using System.Net.Security;
#else
using System.Reflection;
#endif

namespace HttpCache.Nano.Transport
{
    /// <summary>Platform-specific request settings for <see cref="WebRequestTransport"/>.</summary>
    internal static class WebRequestPlatform
    {
#if !NANOFRAMEWORK_1_0
        // Desktop HttpWebRequest follows redirects unless told not to; nanoFramework's never does and has no setter.
        // Found by reflection so the desktop build of these sources uses only members nanoFramework also has.
        private static readonly MethodInfo s_setAllowAutoRedirect = typeof(HttpWebRequest).GetMethod("set_AllowAutoRedirect");
#endif

        /// <summary>Creates the request for <paramref name="url"/> with redirects off and TLS configured.</summary>
        public static HttpWebRequest Create(string url, X509Certificate rootCertificate)
        {
#if NANOFRAMEWORK_1_0
            HttpWebRequest request = (HttpWebRequest)WebRequest.Create(url);

            // nano: TLS 1.2 must be requested explicitly (the default is none) and validated against the given root CA (or
            // the device's CA store).
            // Redirects are never followed (AllowAutoRedirect is read-only there).
            request.SslProtocols = SslProtocols.Tls12;

            // HttpWebRequest's default skips verifying the server's certificate: any certificate would be accepted.
            request.SslVerification = SslVerification.CertificateRequired;
            if (rootCertificate != null)
            {
                request.HttpsAuthentCert = rootCertificate;
            }

            return request;
#else
            // WebRequest.Create is obsolete on desktop (SYSLIB0014), but it is the API nanoFramework has: the desktop
            // build exists to test exactly the code the device runs.
#pragma warning disable SYSLIB0014
            HttpWebRequest request = (HttpWebRequest)WebRequest.Create(url);
#pragma warning restore SYSLIB0014

            // A cache must see redirects, not follow them; desktop TLS uses the operating system's trust store.
            if ((object)s_setAllowAutoRedirect != null)
            {
                s_setAllowAutoRedirect.Invoke(request, new object[] { false });
            }

            return request;
#endif
        }
    }
}
