#!/usr/bin/env python3
# Each device package's dependencies (src/*/X.nuspec) must be exactly what its packages.config pins, plus one
# dependency on each HttpCache.Nano package its .nfproj references (so a firmware gets what the assembly loads).
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://schemas.microsoft.com/developer/msbuild/2003}"
problems = []
checked = 0
for nuspec_path in sorted(glob.glob("src/*/*.nuspec")):
    project_dir = os.path.dirname(nuspec_path)
    name = os.path.splitext(os.path.basename(nuspec_path))[0]
    nfproj = os.path.join(project_dir, name + ".nfproj")
    if not os.path.isfile(nfproj):
        continue
    nuspec = ET.parse(nuspec_path).getroot()
    ns = {"n": nuspec.tag.split("}")[0].strip("{")}
    declared = {d.get("id"): d.get("version") for d in nuspec.findall(".//n:dependencies/n:group/n:dependency", ns)}
    expected = {p.get("id"): p.get("version") for p in ET.parse(os.path.join(project_dir, "packages.config")).getroot().findall("package")}
    for reference in ET.parse(nfproj).getroot().iter(NS + "ProjectReference"):
        expected[os.path.splitext(os.path.basename(reference.get("Include").replace("\\", "/")))[0]] = "$version$"
    for package in sorted(set(declared) | set(expected)):
        if declared.get(package) != expected.get(package):
            problems.append("%s: %s: nuspec %s, project %s" % (nuspec_path, package, declared.get(package, "absent"), expected.get(package, "absent")))
    checked += 1
for problem in problems:
    print(problem)
if problems or checked == 0:
    sys.exit(1)
print("%d device nuspecs agree with their packages.config and project references" % checked)
