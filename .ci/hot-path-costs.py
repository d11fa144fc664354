#!/usr/bin/env python3
# The hot paths' interpreter costs, checked on every commit with ../shared/nano-api/costs.
#
#   hot-path-costs.py            check: exit 1 when a rule breaks or a count rises above .ci/hot-path-costs.json
#   hot-path-costs.py --record   rewrite .ci/hot-path-costs.json with the current counts (after a deliberate change)
#
# The library is compiled for the device with -optimize+ (as .ci/device-compile.py does), then `costs --tree --json`
# counts, for each entry point and the library calls below it, the IL that nanoFramework's interpreter makes slow or
# allocating. Rules: no struct copies, struct locals, boxing, allocation or string literal (each executed literal
# allocates on nanoFramework) anywhere in these trees, and no string
# character reads in loops on the byte[] parse path; every other count may not rise above its recorded value.
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COSTS = os.path.normpath(os.path.join(ROOT, "..", "shared", "nano-api", "costs"))
RECORD = os.path.join(HERE, "hot-path-costs.json")

# Entry point -> what it stands for. Each is the signature prefix the costs tool prints.
ENTRIES = [
    ("parse", "HttpCache.Nano.Parsing.HeaderFields::Parse(System.Byte[],System.Int32,System.Int32)"),
    ("parse", "HttpCache.Nano.Parsing.HeaderFacts::Load(HttpCache.Nano.Parsing.HeaderFields)"),
    ("parse", "HttpCache.Nano.Parsing.HeaderFacts::get_Date()"),
    ("parse", "HttpCache.Nano.Parsing.HeaderFacts::get_Expires()"),
    ("parse", "HttpCache.Nano.Parsing.HeaderFacts::get_LastModified()"),
    ("parse", "HttpCache.Nano.Parsing.HeaderFacts::get_HasETag()"),
    ("hit", "HttpCache.Nano.Storage.CacheKey::Remembered(System.String,System.String)"),
    ("hit", "HttpCache.Nano.Storage.RamStore::Find(HttpCache.Nano.Storage.CacheKey)"),
    ("fresh-hit Get", "HttpCache.Nano.HttpCacheClient::FindVariant("),
    ("fresh-hit Get", "HttpCache.Nano.HttpCacheClient::ServeIfFresh("),
]
# Methods whose allocation is amortised, not per call: their own tree is taken out of every entry tree that reaches
# them (with the reason). The runtime allocation tests on nanoCLR (tests/Shared/Engine/AllocationTests.cs) check the
# steady state itself.
AMORTISED = {
    "HttpCache.Nano.Parsing.HeaderFields::Grow()": "doubles the field table for a block with more fields than any before it, then keeps it",
}
ZERO = ["struct", "slocals", "box", "newobj", "newarr", "newstruct", "allocfw", "ldstr"]


def method_argument(signature):
    name = signature.split("(")[0]
    return name.replace("::", ".")


def measure():
    out = os.path.join(HERE, "device-build", "optimized")
    compiled = subprocess.run([sys.executable, os.path.join(HERE, "device-compile.py"), os.path.join(ROOT, "src", "HttpCache.Nano", "HttpCache.Nano.nfproj"), out, "--optimize"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if compiled.returncode != 0:
        print(compiled.stdout)
        sys.exit("hot-path-costs: the library does not compile for the device")
    command = [COSTS, os.path.join(out, "HttpCache.Nano.dll"), "--tree", "--json"]
    for argument in sorted(set(method_argument(signature) for _, signature in ENTRIES) | set(method_argument(m) for m in AMORTISED)):
        command += ["--method", argument]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(result.stderr)
        sys.exit("hot-path-costs: the costs tool failed")
    reports = json.loads(result.stdout)
    amortised = {}
    for method in AMORTISED:
        found = [r for r in reports if r["method"].startswith(method)]
        if len(found) != 1:
            sys.exit("hot-path-costs: %d methods match %s" % (len(found), method))
        amortised[method] = found[0]["tree"]["counts"]
    counts = {}
    for path, signature in ENTRIES:
        found = [r for r in reports if r["method"].startswith(signature)]
        if len(found) != 1:
            sys.exit("hot-path-costs: %d methods match %s" % (len(found), signature))
        tree = found[0]["tree"]["counts"]
        reached = found[0]["tree"]["reached"]
        own = {k: [v["total"], v["inLoops"]] for k, v in tree.items()}
        for method, taken in amortised.items():
            if any(r.startswith(method) for r in reached):
                for k, v in taken.items():
                    own[k] = [max(0, own[k][0] - v["total"]), max(0, own[k][1] - v["total"])]
        counts[signature] = {"path": path, "counts": own}
    return counts


def main():
    counts = measure()
    if "--record" in sys.argv:
        with open(RECORD, "w") as f:
            lines = ["  %s: %s" % (json.dumps(signature), json.dumps(counts[signature], sort_keys=True)) for _, signature in ENTRIES]
            f.write("{\n" + ",\n".join(lines) + "\n}\n")
        print("hot-path-costs: recorded %d entry points" % len(counts))
        return
    with open(RECORD) as f:
        recorded = json.load(f)
    problems = []
    for signature, entry in counts.items():
        c = entry["counts"]
        for key in ZERO:
            if c[key][0] != 0:
                problems.append("%s (%s): %s = %d, must be 0" % (signature, entry["path"], key, c[key][0]))
        if entry["path"] == "parse" and c["chars"][1] != 0:
            problems.append("%s: %d string character reads in loops on the byte[] path" % (signature, c["chars"][1]))
        before = recorded.get(signature)
        if before is None:
            problems.append("%s: not recorded (run .ci/hot-path-costs.py --record)" % signature)
            continue
        for key, (total, loops) in c.items():
            was_total, was_loops = before["counts"].get(key, [0, 0])
            if total > was_total or loops > was_loops:
                problems.append("%s: %s rose to %d/%d (recorded %d/%d)" % (signature, key, total, loops, was_total, was_loops))
    for line in problems:
        print(line)
    if problems:
        sys.exit("hot-path-costs: %d problem(s)" % len(problems))
    paths = sorted(set(e["path"] for e in counts.values()))
    print("hot paths (%s): %d entry points, 0 struct copies, struct locals, boxes or allocations; no count above its record"
          % (", ".join(paths), len(counts)))


if __name__ == "__main__":
    main()
