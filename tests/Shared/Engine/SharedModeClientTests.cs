// SharedModeClientTests: the client in shared mode keeps back from the store what only the requester may see.
using HttpCache.Nano.Storage;
using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Engine
{
    [TestClass]
    public class SharedModeClientTests
    {
        private const string Url = "http://origin.test/page";

        private static HttpCacheClient Client(ScriptedTransport origin, ManualClock clock, CacheMode mode)
        {
            CacheOptions options = new CacheOptions();
            options.Mode = mode;
            return new HttpCacheClient(new RamStore(8, 64 * 1024), origin, clock, options);
        }

        private static string Dated(ManualClock clock, string lines)
        {
            return "Date: " + Fixtures.Date(clock.UnixSeconds) + "\n" + lines;
        }

        [TestMethod]
        public void FieldsNamedByPrivateReachTheRequesterButNotTheStore()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60, private=\"X-User, Set-Cookie\"\nX-User: alice\nSet-Cookie: s=1\nX-Other: kept"), "page"));
            HttpCacheClient shared = Client(origin, clock, CacheMode.Shared);
            CacheResponse first = shared.Get(Url);
            Assert.AreEqual("alice", first.GetHeader("X-User"), "the requester gets every field");
            Assert.AreEqual("s=1", first.GetHeader("Set-Cookie"));
            CacheResponse hit = shared.Get(Url);
            Assert.AreEqual(1, origin.Count, "stored: the qualified private withholds only the fields it names");
            Assert.IsNull(hit.GetHeader("X-User"));
            Assert.IsNull(hit.GetHeader("Set-Cookie"));
            Assert.AreEqual("kept", hit.GetHeader("X-Other"));
        }

        [TestMethod]
        public void APrivateCacheStoresEveryField()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=60, private=\"X-User\"\nX-User: alice\nSet-Cookie: s=1"), "page"));
            HttpCacheClient single = Client(origin, clock, CacheMode.Private);
            single.Get(Url);
            CacheResponse hit = single.Get(Url);
            Assert.AreEqual(1, origin.Count);
            Assert.AreEqual("alice", hit.GetHeader("X-User"));
            Assert.AreEqual("s=1", hit.GetHeader("Set-Cookie"));
        }

        [TestMethod]
        public void ACookieSetByA304GoesToItsRequesterAndIsNotMergedIntoTheStore()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: max-age=10\nETag: \"v1\""), "page"))
                .Then(Fixtures.Response(304, "Date: " + Fixtures.Date(Fixtures.T0 + 20) + "\nCache-Control: max-age=10\nETag: \"v1\"\nSet-Cookie: s=bob", null));
            HttpCacheClient shared = Client(origin, clock, CacheMode.Shared);
            shared.Get(Url);
            clock.Advance(20);
            CacheResponse revalidated = shared.Get(Url);
            Assert.AreEqual((int)CacheSource.CacheRevalidated, (int)revalidated.Source);
            Assert.AreEqual("s=bob", revalidated.GetHeader("Set-Cookie"));
            CacheResponse hit = shared.Get(Url);
            Assert.AreEqual((int)CacheSource.Cache, (int)hit.Source);
            Assert.IsNull(hit.GetHeader("Set-Cookie"), "bob's cookie is not handed to the next user");
        }

        private static CacheResponse GetAs(HttpCacheClient client, string credential)
        {
            HttpHeaders headers = new HttpHeaders();
            if (credential != null)
            {
                headers.Add("Authorization", credential);
            }

            return client.Send(HttpMethods.Get, Url, headers, null);
        }

        [TestMethod]
        public void AnAuthorizedResponseThatSaysItMayBeSharedServesOtherUsersAndAPlainOneDoesNot()
        {
            // RFC 9111 3.5: public, must-revalidate or s-maxage lets a shared cache reuse a response to an authorized request.
            string[] sharing = new string[] { "public, max-age=60", "s-maxage=60", "must-revalidate, max-age=60" };
            for (int i = 0; i < sharing.Length; i++)
            {
                ManualClock clock = new ManualClock(Fixtures.T0);
                ScriptedTransport origin = new ScriptedTransport().Then(Fixtures.Response(200, Dated(clock, "Cache-Control: " + sharing[i]), "shared"));
                HttpCacheClient shared = Client(origin, clock, CacheMode.Shared);
                Assert.AreEqual((int)CacheSource.Network, (int)GetAs(shared, "Bearer alice").Source);
                Assert.AreEqual((int)CacheSource.Cache, (int)GetAs(shared, "Bearer bob").Source, sharing[i] + ": another user");
                Assert.AreEqual((int)CacheSource.Cache, (int)GetAs(shared, null).Source, sharing[i] + ": no credential");
                Assert.AreEqual(1, origin.Count);
            }

            ManualClock plainClock = new ManualClock(Fixtures.T0);
            ScriptedTransport plain = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(plainClock, "Cache-Control: max-age=60"), "alice's"))
                .Then(Fixtures.Response(200, Dated(plainClock, "Cache-Control: max-age=60"), "bob's"));
            HttpCacheClient cache = Client(plain, plainClock, CacheMode.Shared);
            Assert.AreEqual("alice's", Fixtures.Text(GetAs(cache, "Bearer alice").Body));
            Assert.AreEqual("bob's", Fixtures.Text(GetAs(cache, "Bearer bob").Body), "a plain authorized response is not stored for others");
            Assert.AreEqual(2, plain.Count);
        }

        [TestMethod]
        public void APrivateCacheKeepsAnAuthorizedResponseToItsCredential()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            ScriptedTransport origin = new ScriptedTransport()
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: public, max-age=60"), "alice's"))
                .Then(Fixtures.Response(200, Dated(clock, "Cache-Control: public, max-age=60"), "bob's"));
            HttpCacheClient single = Client(origin, clock, CacheMode.Private);
            Assert.AreEqual("alice's", Fixtures.Text(GetAs(single, "Bearer alice").Body));
            Assert.AreEqual("alice's", Fixtures.Text(GetAs(single, "Bearer alice").Body));
            Assert.AreEqual("bob's", Fixtures.Text(GetAs(single, "Bearer bob").Body), "another credential: its own response");
        }

        [TestMethod]
        public void AGatewayObeysItsTargetedFieldAheadOfCacheControlAndAPrivateCacheDoesNot()
        {
            // RFC 9213: CDN-Cache-Control decides for the cache it targets; Cache-Control (and Expires) for everyone after.
            string fields = "CDN-Cache-Control: max-age=60\nCache-Control: no-store\nExpires: 0";
            CacheMode[] modes = new CacheMode[] { CacheMode.Shared, CacheMode.Private, CacheMode.Shared };
            string[] targeted = new string[] { "CDN-Cache-Control", "CDN-Cache-Control", null };
            int[] originRequests = new int[] { 1, 2, 2 };
            for (int i = 0; i < modes.Length; i++)
            {
                ManualClock clock = new ManualClock(Fixtures.T0);
                ScriptedTransport origin = new ScriptedTransport()
                    .Then(Fixtures.Response(200, Dated(clock, fields), "one"))
                    .Then(Fixtures.Response(200, Dated(clock, fields), "two"));
                CacheOptions options = new CacheOptions();
                options.Mode = modes[i];
                options.TargetedField = targeted[i];
                HttpCacheClient client = new HttpCacheClient(new RamStore(8, 16384), origin, clock, options);
                CacheResponse first = client.Get(Url);
                Assert.AreEqual("max-age=60", first.GetHeader("CDN-Cache-Control"), "passed on unchanged");
                clock.Advance(30);
                client.Get(Url);
                Assert.AreEqual(originRequests[i], origin.Count, "case " + i);
            }
        }
    }
}
