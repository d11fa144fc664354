// TrustedRoot: `--ca FILE` — trust one root CA for a run, as a device pins its own root, to test against a local https
// origin with a development certificate.
using System;
using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using HttpCache.Nano.Transport;

namespace HttpCache.Desktop
{
    /// <summary>A TLS step that validates the origin's chain against one given root (and its name against the host).</summary>
    public static class TrustedRoot
    {
        /// <summary>The TLS step for <paramref name="pemFile"/>, or null (the operating system's trust store) for none.</summary>
        /// <exception cref="ArgumentException">The file is missing or holds no certificate.</exception>
        public static TlsAuthenticator Authenticator(string pemFile)
        {
            if (pemFile == null)
            {
                return null;
            }

            if (!File.Exists(pemFile))
            {
                throw new ArgumentException("--ca: no such file: " + pemFile);
            }

            X509Certificate2 root;
            try
            {
                root = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException || e is ArgumentException)
            {
                throw new ArgumentException("--ca: " + pemFile + " holds no PEM certificate (" + e.Message.TrimEnd('.') + ").");
            }

            return (network, host) =>
            {
                SslStream ssl = new SslStream(network, false, (sender, certificate, chain, errors) => Validate(root, certificate, errors));
                try
                {
                    ssl.AuthenticateAsClient(new SslClientAuthenticationOptions { TargetHost = host, CertificateRevocationCheckMode = X509RevocationMode.NoCheck });
                }
                catch (AuthenticationException e)
                {
                    ssl.Dispose();
                    throw new HttpTransportException("TLS handshake with " + host + " failed: " + e.Message, e, TransportFailure.Tls, 0);
                }
                catch (IOException e)
                {
                    ssl.Dispose();
                    throw new HttpTransportException("TLS handshake with " + host + " failed: " + e.Message, e, TransportFailure.ConnectionLost, 0);
                }

                return ssl;
            };
        }

        private static bool Validate(X509Certificate2 root, X509Certificate certificate, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }

            using X509Chain chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            return chain.Build(new X509Certificate2(certificate));
        }
    }
}
