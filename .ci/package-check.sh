#!/usr/bin/env bash
# Proves the packages, not the tree: packs the desktop packages into a temporary feed, builds a throwaway console
# project outside the repository that takes HttpCache.Nano.Http from that feed and makes a cached GET against a
# loopback Kestrel origin (the second request must be a cache hit), then installs the httpcache tool from the feed
# and runs its demo. A unique version per run keeps NuGet's package cache from serving an older build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="1.0.0-ci.$(date +%s)"
feed="$work/feed"
# One command for the whole solution, as the README says (the device projects are packed from their .nuspec instead).
dotnet pack "$root/HttpCacheNano.sln" -c Release -o "$feed" -p:Version="$version" -nologo -v q >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
for package in HttpCache.Nano HttpCache.Nano.Http HttpCache.Nano.Tool; do
  [ -f "$feed/$package.$version.nupkg" ] || { echo "dotnet pack HttpCacheNano.sln made no $package package"; ls "$feed"; exit 1; }
done

mkdir -p "$work/app"
cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat >"$work/app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
    <PackageReference Include="HttpCache.Nano.Http" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$work/app/Program.cs" <<'CS'
using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using HttpCache.Nano.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

int served = 0;
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
WebApplication origin = builder.Build();
origin.Run(async context =>
{
    Interlocked.Increment(ref served);
    context.Response.Headers.CacheControl = "max-age=60";
    await context.Response.WriteAsync("from the origin");
});
await origin.StartAsync();
string url = origin.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First() + "/config";

ServiceCollection services = new ServiceCollection();
services.AddHttpClient("api").AddHttpCache(options => options.MaxEntries = 16);
using ServiceProvider provider = services.BuildServiceProvider();
IHttpClientFactory factory = provider.GetRequiredService<IHttpClientFactory>();
HttpResponseMessage first = await factory.CreateClient("api").GetAsync(url);
HttpResponseMessage second = await factory.CreateClient("api").GetAsync(url);
string cache = second.Headers.GetValues("X-Cache").First();
string body = await second.Content.ReadAsStringAsync();
await origin.StopAsync();
Console.WriteLine($"from the feed: first {first.Headers.GetValues("X-Cache").First()}, second {cache}, origin answered {served}");
return cache == "HIT" && served == 1 && body == "from the origin" ? 0 : 1;
CS
(cd "$work/app" && dotnet run -c Release -nologo -v q) || { echo "the cached GET from the feed failed"; exit 1; }

dotnet tool install HttpCache.Nano.Tool --version "$version" --tool-path "$work/tools" --add-source "$feed" >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; exit 1; }
"$work/tools/httpcache" demo --polls 3 --interval-ms 100 >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
grep -q "poll   3" "$work/demo.log" || { cat "$work/demo.log"; echo "the installed tool's demo did not poll 3 times"; exit 1; }
echo "packed $version: a cached GET through HttpCache.Nano.Http from the feed hit the cache; the httpcache tool from the feed ran its demo"
