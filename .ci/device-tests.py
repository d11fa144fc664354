#!/usr/bin/env python3
"""The device build end to end on nanoCLR (../shared/nanoclr), as a firmware author's build would make it:

  1. every device library (src/*/*.nfproj but DeviceSample) compiled with nanoFramework's compiler settings (Debug:
     what Visual Studio deploys) against the real nano reference assemblies, from the files its project lists;
  2. converted to .pe by nanoFramework's metadata processor, each 16-bit table printed and held to at most 75%
     (headroom for the next features: at 100% the device build fails);
  3. every device test project (tests/NFUnitTest.*/NFUnitTest.nfproj) compiled, converted and run on nanoCLR through
     the test launcher; every shared test file must be in one of them;
  4. the footprint benchmark (tests/DeviceBench) against a baseline program in the same run, held to its targets: the
     minimal poller loads neither System.Net.Http nor System.IO.FileSystem, costs at most 30,000 B of heap with one
     2 KB entry, and does not grow over 100 polls.

    device-tests.py [--only GROUP] [--bench] [OUT_DIR]      --bench: only the benchmark, its table printed

Prints a line per test and per check, and last "device-tests: N passed, M failed". Exits 1 on any failure."""
import glob
import importlib.util
import os
import re
import socket
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NANOCLR = os.path.normpath(os.path.join(ROOT, "..", "shared", "nanoclr"))
LIMIT = 75.0
LIBRARIES = ["HttpCache.Nano", "HttpCache.Nano.Sockets", "HttpCache.Nano.WebRequest", "HttpCache.Nano.Flash"]

spec = importlib.util.spec_from_file_location("device_compile", os.path.join(HERE, "device-compile.py"))
device_compile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(device_compile)


def run(command, echo=False, timeout=None):
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if echo:
            print(line.rstrip("\n"), flush=True)
    process.wait(timeout)
    return process.returncode, lines


def project_references(project_file):
    root = __import__("xml.etree.ElementTree", fromlist=["x"]).parse(project_file).getroot()
    names = []
    for element in root.iter(device_compile.NS + "ProjectReference"):
        names.append(os.path.splitext(os.path.basename(element.get("Include").replace("\\", "/")))[0])
    return names


def compile_project(project_file, out, references, extra=(), options=()):
    sources = device_compile.compile_items(project_file) + list(extra)
    command = [os.path.join(NANOCLR, "csc"), "-out:" + out] + list(options) + ["-r:" + r for r in references] + sources
    code, lines = run(command)
    if code != 0:
        print("\n".join(lines))
        return False
    return True


def build_libraries(out_dir):
    built = {}
    for name in LIBRARIES:
        project = os.path.join(ROOT, "src", name, name + ".nfproj")
        out = os.path.join(out_dir, name + ".dll")
        references = [built[r] for r in project_references(project)]
        if not compile_project(project, out, references):
            return None
        built[name] = out
    return built


def convert(out_dir, dlls):
    """Converts the assemblies; returns {assembly: (pe bytes, {table: percent})} or None on failure."""
    code, lines = run([os.path.join(NANOCLR, "convert"), os.path.join(out_dir, "pe")] + dlls)
    if code != 0:
        print("\n".join(lines))
        return None
    tables = {}
    for line in lines:
        m = re.match(r"\s*(\S+)\.pe\s+(\d+) B\s+(.*)", line)
        if m:
            usage = {t: float(p) for t, p in re.findall(r"(\w+) \d+ B ([\d.]+)%", m.group(3))}
            tables[m.group(1)] = (int(m.group(2)), usage)
            print("  " + line.strip())
    return tables


def free_ports(count):
    sockets = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def start_origin(test_dir):
    """Makes a fresh PKI, starts tests/NFUnitTest.Transport/origin.py on free loopback ports and writes the
    LoopbackOrigin the device tests compile in. Returns (process, generated source) or (None, None)."""
    here = os.path.join(ROOT, "tests", "NFUnitTest.Transport")
    pki = os.path.join(test_dir, "pki")
    code, lines = run(["bash", os.path.join(here, "make-pki.sh"), pki])
    if code != 0:
        print("\n".join(lines))
        return None, None
    http, https, other, closed = free_ports(4)
    process = subprocess.Popen([sys.executable, os.path.join(here, "origin.py"), pki, str(http), str(https), str(other)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ready = process.stdout.readline()
    if "origin ready" not in ready:
        print(ready + process.stdout.read())
        return None, None
    with open(os.path.join(pki, "root.pem")) as f:
        pem = f.read().strip().replace("\n", "\\n")
    source = os.path.join(test_dir, "LoopbackOrigin.g.cs")
    with open(source, "w") as f:
        f.write("// Generated by .ci/device-tests.py for this run: the loopback origin's ports and this run's test root.\n"
                "namespace HttpCache.Nano.Tests.DeviceTransport\n{\n    internal static class LoopbackOrigin\n    {\n"
                "        public const int HttpPort = %d;\n        public const int HttpsPort = %d;\n"
                "        public const int OtherRootPort = %d;\n        public const int ClosedPort = %d;\n"
                "        public const string RootPem = \"%s\";\n    }\n}\n" % (http, https, other, closed, pem))
    return process, source


BENCH_VARIANTS = [
    # name, defines, libraries
    ("baseline", ["BASELINE"], []),
    ("poller, http", [], ["HttpCache.Nano", "HttpCache.Nano.Sockets"]),
    ("poller, https", ["HTTPS"], ["HttpCache.Nano", "HttpCache.Nano.Sockets"]),
    ("everything, https + flash", ["HTTPS", "FLASH", "WEB"], LIBRARIES),
]
HEAP_TARGET = 30000


def bench(out_dir, libraries):
    """Runs the footprint benchmark; returns (rows, problems)."""
    bench_dir = os.path.join(out_dir, "bench")
    os.makedirs(bench_dir, exist_ok=True)
    origin, generated = start_origin(bench_dir)
    if origin is None:
        return [], ["the loopback origin did not start"]
    results = []
    try:
        for index, (name, defines, libs) in enumerate(BENCH_VARIANTS):
            variant_dir = os.path.join(bench_dir, "v%d" % index)
            exe = os.path.join(variant_dir, "Bench.exe")
            command = [os.path.join(NANOCLR, "csc"), "-target:exe", "-define:DEBUG", "-out:" + exe]
            command += ["-define:" + d for d in defines] + ["-r:" + libraries[l] for l in libs]
            command += [os.path.join(ROOT, "tests", "DeviceBench", "Program.cs")] + ([generated] if libs else [])
            code, lines = run(command)
            if code != 0:
                return [], ["%s does not compile: %s" % (name, "\n".join(lines))]
            pe_dir = os.path.join(variant_dir, "pe")
            code, lines = run([os.path.join(NANOCLR, "convert"), pe_dir] + [libraries[l] for l in libs] + [exe])
            if code != 0:
                return [], ["%s does not convert: %s" % (name, "\n".join(lines))]
            process = subprocess.run([os.path.join(NANOCLR, "run"), "--verbose", "--timeout", "300", pe_dir, "Bench.pe"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            values = {}
            for line in process.stdout.splitlines():
                m = re.match(r"bench: (\S+) (-?\d+)", line)
                if m:
                    values[m.group(1)] = int(m.group(2))
                elif line.startswith("bench: failed"):
                    return [], ["%s failed: %s" % (name, line)]
            loaded = sorted(set(re.findall(r"Assembly: (\S+) \(", process.stderr)) - {"Bench"})
            pe_bytes = sum(os.path.getsize(os.path.join(pe_dir, a + ".pe")) for a in loaded if os.path.isfile(os.path.join(pe_dir, a + ".pe")))
            results.append((name, values, loaded, pe_bytes))
    finally:
        origin.kill()
        origin.wait()

    base_free = results[0][1]["free-at-start"]
    base_loaded = set(results[0][2])
    rows, problems = [], []
    for name, values, loaded, pe_bytes in results[1:]:
        def cost(key):
            return base_free - values[key] if key in values else -1
        row = {
            "name": name,
            "assemblies": [a for a in loaded if a not in base_loaded],
            "pe": pe_bytes,
            "load": cost("free-at-start"),
            "client": cost("free-after-client"),
            "get": cost("free-after-get-closed"),
            "get-kept": cost("free-after-get"),
            "poll": cost("free-after-1-poll-closed"),
            "polls": cost("free-after-101-polls-closed"),
            "poll-bytes": values.get("poll-bytes", -1),
            "not-modified": values.get("not-modified", -1),
            "wake-connections": values.get("wake-connections", -1),
            "wake-handshakes": values.get("wake-handshakes", -1),
        }
        rows.append(row)
        if row["not-modified"] != 101:
            problems.append("%s: %d of 101 polls were 304s" % (name, row["not-modified"]))
        if row["polls"] - row["poll"] > 256:
            problems.append("%s: the heap grew %d B over 100 polls" % (name, row["polls"] - row["poll"]))
    minimal = rows[0]
    for forbidden in ("System.Net.Http", "System.IO.FileSystem"):
        if forbidden in minimal["assemblies"]:
            problems.append("the minimal poller loads " + forbidden)
    if minimal["get"] > HEAP_TARGET:
        problems.append("the minimal poller's heap with a 2 KB entry is %d B, over %d B" % (minimal["get"], HEAP_TARGET))
    return rows, problems


def bench_table(rows):
    lines = ["| configuration | assemblies the library makes the runtime load | .pe bytes loaded | heap held: after load | with the client | with one Get (2 KB entry, connection closed) | the same, connection kept | after the first 304 | after 100 more 304 polls | allocated per 304 poll (garbage) | wake of 5 resources: connections / TLS handshakes |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| %s | %s | %s | %s B | %s B | **%s B** | %s B | %s B | %s B | %s B | %d / %d |" % (
            r["name"], ", ".join(r["assemblies"]), "{:,}".format(r["pe"]), "{:,}".format(r["load"]), "{:,}".format(r["client"]),
            "{:,}".format(r["get"]), "{:,}".format(r["get-kept"]), "{:,}".format(r["poll"]), "{:,}".format(r["polls"]),
            "{:,}".format(r["poll-bytes"]), r["wake-connections"], r["wake-handshakes"]))
    return "\n".join(lines)


def shared_test_files():
    shared = os.path.join(ROOT, "tests", "Shared")
    files = []
    for path in glob.glob(os.path.join(shared, "**", "*.cs"), recursive=True):
        with open(path) as f:
            if "[TestClass]" in f.read():
                files.append(os.path.normpath(path))
    return sorted(files)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    if only in args:
        args.remove(only)
    out_dir = os.path.abspath(args[0] if args else os.path.join(HERE, "device-build", "nanoclr"))
    if not os.path.isdir(NANOCLR):
        print("device-tests: skipped: ../shared/nanoclr is absent (the device build, conversion and tests on nanoCLR need it)")
        return 0
    os.makedirs(out_dir, exist_ok=True)
    passed = failed = 0

    libraries = build_libraries(out_dir)
    if "--bench" in sys.argv:
        if libraries is None:
            return 1
        rows, problems = bench(out_dir, libraries)
        print(bench_table(rows))
        for problem in problems:
            print("bench: " + problem)
        return 1 if problems else 0
    tables = convert(out_dir, [libraries[n] for n in LIBRARIES]) if libraries else None
    if tables is None:
        print("CHECK FAIL  device libraries build and convert")
        failed += 1
    else:
        over = ["%s %s %.1f%%" % (a, t, p) for a, (_, usage) in sorted(tables.items()) for t, p in usage.items()
                if t in ("strings", "bytecode", "signatures") and p > LIMIT]
        if over:
            print("CHECK FAIL  device tables at most %d%%: %s" % (LIMIT, ", ".join(over)))
            failed += 1
        else:
            worst = max((p, a, t) for a, (_, usage) in tables.items() for t, p in usage.items() if t != "resources")
            print("CHECK PASS  device tables at most %d%%: largest %.1f%% (%s, %s)" % (LIMIT, worst[0], worst[1], worst[2]))
            passed += 1

    projects = sorted(glob.glob(os.path.join(ROOT, "tests", "NFUnitTest.*", "NFUnitTest.nfproj")))
    covered = set()
    for project in projects:
        covered.update(os.path.normpath(f) for f in device_compile.compile_items(project))
    missing = [os.path.relpath(f, ROOT) for f in shared_test_files() if f not in covered]
    if missing:
        print("CHECK FAIL  every shared test file runs on the device: not in any NFUnitTest project: " + ", ".join(missing)
              + " (add it to a group in .ci/gen-device-tests.py)")
        failed += 1
    else:
        print("CHECK PASS  every shared test file runs on the device (%d projects)" % len(projects))
        passed += 1

    if libraries:
        for project in projects:
            group = os.path.basename(os.path.dirname(project))
            if only and group != "NFUnitTest." + only:
                continue
            test_dir = os.path.join(out_dir, group)
            os.makedirs(test_dir, exist_ok=True)
            references = [libraries[r] for r in project_references(project)]
            dll = os.path.join(test_dir, "NFUnitTest.dll")
            origin, extra, options = None, [], []
            if group == "NFUnitTest.Transport":
                origin, generated = start_origin(test_dir)
                if origin is None:
                    print("CHECK FAIL  %s: the loopback origin did not start" % group)
                    failed += 1
                    continue
                extra, options = [generated], ["-define:LOOPBACK_ORIGIN_GENERATED"]
            if not compile_project(project, dll, references, extra, options):
                if origin is not None:
                    origin.kill()
                print("CHECK FAIL  %s compiles" % group)
                failed += 1
                continue
            print("== %s on nanoCLR" % group, flush=True)
            try:
                code, lines = run([os.path.join(NANOCLR, "test"), "--timeout", "900", dll] + references, echo=True)
            finally:
                if origin is not None:
                    origin.kill()
                    origin.wait()
            summary = re.search(r"nanoclr-test: (\d+) passed, (\d+) failed", "\n".join(lines))
            if summary is None:
                failed += 1
                print("CHECK FAIL  %s: no summary from nanoclr test (exit %d)" % (group, code))
                continue
            passed += int(summary.group(1))
            failed += int(summary.group(2))
            if code != 0 and int(summary.group(2)) == 0:
                failed += 1

    if libraries and not only:
        rows, problems = bench(out_dir, libraries)
        if problems:
            print("CHECK FAIL  device footprint benchmark: " + "; ".join(problems))
            failed += 1
        else:
            minimal = rows[0]
            print("CHECK PASS  device footprint benchmark: minimal poller %d B of heap with a 2 KB entry (target %d B), no growth over 100 polls, loads %s"
                  % (minimal["get"], HEAP_TARGET, ", ".join(minimal["assemblies"])))
            passed += 1

    print("device-tests: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
