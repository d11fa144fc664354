// TlsOrigin: a Kestrel https origin on 127.0.0.1 with a generated root → intermediate → leaf chain (RSA-2048), and the
// client side that trusts only that root. No installed certificate, no external network.
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using HttpCache.Nano.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HttpCache.Nano.Benchmarks.Wire
{
    /// <summary>Serves a 2 KB config (ETag, max-age=0, 304 to a matching If-None-Match) and four more resources over https.</summary>
    public sealed class TlsOrigin : IAsyncDisposable
    {
        public const int ConfigBytes = 2048;
        public const string ETag = "\"cfg-v1\"";

        private readonly WebApplication _app;
        private int _requests;

        private TlsOrigin(WebApplication app, X509Certificate2 root, X509Certificate2 intermediate)
        {
            _app = app;
            Root = root;
            Intermediate = intermediate;
        }

        /// <summary>The base URL, e.g. https://127.0.0.1:54321.</summary>
        public string BaseUrl { get; private set; }

        /// <summary>The generated root CA (the only certificate the client trusts).</summary>
        public X509Certificate2 Root { get; }

        /// <summary>The intermediate CA the server sends with its leaf.</summary>
        public X509Certificate2 Intermediate { get; }

        /// <summary>Requests answered.</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>The protocol the last client handshake negotiated (set by <see cref="Authenticator"/>).</summary>
        public SslProtocols NegotiatedProtocol { get; private set; }

        public static async Task<TlsOrigin> StartAsync()
        {
            (X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf) = CreateChain();
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options =>
            {
                options.AddServerHeader = false;
                options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = leaf,
                    ServerCertificateChain = new X509Certificate2Collection(intermediate),
                }));
            });
            WebApplication app = builder.Build();
            TlsOrigin origin = new TlsOrigin(app, root, intermediate);
            byte[] config = new byte[ConfigBytes];
            for (int i = 0; i < config.Length; i++)
            {
                config[i] = (byte)('a' + i % 26);
            }

            app.Run(async context =>
            {
                Interlocked.Increment(ref origin._requests);
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = ETag;
                if (context.Request.Headers.IfNoneMatch == ETag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                context.Response.ContentType = "application/json";
                context.Response.ContentLength = config.Length;
                await context.Response.Body.WriteAsync(config);
            });
            await app.StartAsync();
            origin.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First().Replace("[::1]", "127.0.0.1");
            return origin;
        }

        /// <summary>The client's TLS step: trusts only the generated root (the intermediate comes from the server).</summary>
        public Stream Authenticator(Stream network, string host)
        {
            SslStream ssl = new SslStream(network, false, (sender, certificate, chain, errors) => Validate(certificate, errors));
            ssl.AuthenticateAsClient(new SslClientAuthenticationOptions { TargetHost = host, CertificateRevocationCheckMode = X509RevocationMode.NoCheck });
            NegotiatedProtocol = ssl.SslProtocol;
            return ssl;
        }

        private bool Validate(X509Certificate certificate, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            using X509Chain chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Root);
            chain.ChainPolicy.ExtraStore.Add(Intermediate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        }

        // root (self-signed CA) → intermediate (CA) → leaf (127.0.0.1, localhost), RSA-2048, SHA-256.
        private static (X509Certificate2, X509Certificate2, X509Certificate2) CreateChain()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using RSA rootKey = RSA.Create(2048);
            CertificateRequest rootRequest = new CertificateRequest("CN=HttpCache.Nano Test Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            X509Certificate2 root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

            RSA intermediateKey = RSA.Create(2048);
            CertificateRequest intermediateRequest = new CertificateRequest("CN=HttpCache.Nano Test Intermediate", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            X509Certificate2 intermediate = intermediateRequest.Create(root, now.AddDays(-1), now.AddMonths(6), Serial());
            X509Certificate2 intermediateWithKey = intermediate.CopyWithPrivateKey(intermediateKey);

            using RSA leafKey = RSA.Create(2048);
            CertificateRequest leafRequest = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            leafRequest.CertificateExtensions.Add(names.Build());
            X509Certificate2 leaf = leafRequest.Create(intermediateWithKey, now.AddDays(-1), now.AddMonths(3), Serial()).CopyWithPrivateKey(leafKey);

            // Kestrel needs the key in a form the platform's TLS can use: round-trip through PKCS#12.
            X509Certificate2 serverLeaf = X509CertificateLoader.LoadPkcs12(leaf.Export(X509ContentType.Pkcs12), null);
            return (root, intermediate, serverLeaf);
        }

        private static byte[] Serial()
        {
            return RandomNumberGenerator.GetBytes(8);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
