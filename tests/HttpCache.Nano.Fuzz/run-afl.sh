#!/usr/bin/env bash
# Runs one SharpFuzz harness under AFL++ for N minutes:  tests/HttpCache.Nano.Fuzz/run-afl.sh TARGET MINUTES
# TARGET: headers | response | flash. Findings land in fuzz-findings/TARGET (crashes/ and hangs/ hold the inputs).
# Installs what it needs: afl++ (Debian) and the SharpFuzz instrumentation tool (NuGet, SharpFuzz.CommandLine 2.3).
set -euo pipefail
target=${1:?target: headers, response or flash}
minutes=${2:-10}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/fuzz-out/$target"
command -v afl-fuzz >/dev/null || { apt-get update -qq && apt-get install -y -qq afl++ >/dev/null; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
rm -rf "$out" && dotnet publish "$here/HttpCache.Nano.Fuzz.csproj" -c Release -o "$out" -nologo -v q
sharpfuzz "$out/HttpCache.Nano.dll"
mkdir -p "$root/fuzz-findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
timeout --preserve-status "$((minutes * 60))" afl-fuzz -i "$here/corpus/$target" -o "$root/fuzz-findings/$target" -t 10000 -m none \
  -- dotnet "$out/HttpCache.Nano.Fuzz.dll" fuzz "$target" || true
stats="$root/fuzz-findings/$target/default/fuzzer_stats"
[ -f "$stats" ] && grep -E "^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time)" "$stats"
