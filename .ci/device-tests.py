#!/usr/bin/env python3
"""The device build end to end on nanoCLR (../shared/nanoclr), as a firmware author's build would make it:

  1. every device library (src/*/*.nfproj but DeviceSample) compiled with nanoFramework's compiler settings (Debug:
     what Visual Studio deploys) against the real nano reference assemblies, from the files its project lists;
  2. converted to .pe by nanoFramework's metadata processor, each 16-bit table printed and held to at most 75%
     (headroom for the next features: at 100% the device build fails);
  3. every device test project (tests/NFUnitTest.*/NFUnitTest.nfproj) compiled, converted and run on nanoCLR through
     the test launcher; every shared test file must be in one of them.

    device-tests.py [--only GROUP] [OUT_DIR]

Prints a line per test and per check, and last "device-tests: N passed, M failed". Exits 1 on any failure."""
import glob
import importlib.util
import os
import re
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


def compile_project(project_file, out, references, extra=()):
    sources = device_compile.compile_items(project_file) + list(extra)
    command = [os.path.join(NANOCLR, "csc"), "-out:" + out] + ["-r:" + r for r in references] + sources
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
            if not compile_project(project, dll, references):
                print("CHECK FAIL  %s compiles" % group)
                failed += 1
                continue
            print("== %s on nanoCLR" % group, flush=True)
            code, lines = run([os.path.join(NANOCLR, "test"), "--timeout", "900", dll] + references, echo=True)
            summary = re.search(r"nanoclr-test: (\d+) passed, (\d+) failed", "\n".join(lines))
            if summary is None:
                failed += 1
                print("CHECK FAIL  %s: no summary from nanoclr test (exit %d)" % (group, code))
                continue
            passed += int(summary.group(1))
            failed += int(summary.group(2))
            if code != 0 and int(summary.group(2)) == 0:
                failed += 1

    print("device-tests: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
