#!/usr/bin/env python3
# The device package's dependencies (HttpCache.Nano.nuspec) must be exactly what the library's packages.config pins.
import sys
import xml.etree.ElementTree as ET

nuspec = ET.parse("src/HttpCache.Nano/HttpCache.Nano.nuspec").getroot()
ns = {"n": nuspec.tag.split("}")[0].strip("{")}
declared = {d.get("id"): d.get("version") for d in nuspec.findall(".//n:dependencies/n:group/n:dependency", ns)}
pinned = {p.get("id"): p.get("version") for p in ET.parse("src/HttpCache.Nano/packages.config").getroot().findall("package")}
problems = []
for package in sorted(set(declared) | set(pinned)):
    if declared.get(package) != pinned.get(package):
        problems.append("%s: nuspec %s, packages.config %s" % (package, declared.get(package, "absent"), pinned.get(package, "absent")))
for problem in problems:
    print(problem)
if problems:
    sys.exit(1)
print("nuspec and packages.config agree on %d packages" % len(pinned))
