// ResourceOrigin: a Kestrel origin serving mutable resources that answers conditional requests correctly.
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>A resource on the test origin; change its fields to change what the origin serves.</summary>
    public sealed class Resource
    {
        public byte[] Body = Array.Empty<byte>();
        public string ETag;
        public DateTimeOffset? LastModified;
        public string CacheControl = "max-age=0";
        public bool Chunked;
    }

    /// <summary>Serves <see cref="Resource"/> objects by path; 404 for unknown paths.</summary>
    public static class ResourceOrigin
    {
        public static async Task<(TestOrigin Origin, ConcurrentDictionary<string, Resource> Resources)> StartAsync()
        {
            ConcurrentDictionary<string, Resource> resources = new();
            TestOrigin origin = null;
            origin = await TestOrigin.StartAsync(async context =>
            {
                if (!resources.TryGetValue(context.Request.Path.Value, out Resource resource))
                {
                    context.Response.StatusCode = 404;
                    return;
                }

                context.Response.Headers.CacheControl = resource.CacheControl;
                if (resource.ETag != null)
                {
                    context.Response.Headers.ETag = resource.ETag;
                }

                if (resource.LastModified.HasValue)
                {
                    context.Response.Headers.LastModified = resource.LastModified.Value.ToString("R");
                }

                string inm = context.Request.Headers.IfNoneMatch.ToString();
                string ims = context.Request.Headers.IfModifiedSince.ToString();
                bool notModified = inm.Length > 0
                    ? resource.ETag != null && inm.Split(',').Any(t => t.Trim().Replace("W/", "") == resource.ETag.Replace("W/", ""))
                    : ims.Length > 0 && resource.LastModified.HasValue && DateTimeOffset.TryParse(ims, out DateTimeOffset since) && resource.LastModified.Value <= since;
                if (notModified)
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                if (resource.Chunked)
                {
                    await context.Response.Body.WriteAsync(resource.Body.AsMemory(0, resource.Body.Length / 2));
                    await context.Response.Body.FlushAsync();
                    await context.Response.Body.WriteAsync(resource.Body.AsMemory(resource.Body.Length / 2));
                    return;
                }

                await origin.WriteAsync(context, resource.Body);
            });
            return (origin, resources);
        }
    }
}
