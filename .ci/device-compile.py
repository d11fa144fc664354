#!/usr/bin/env python3
# Compiles a nanoFramework project (.nfproj) as the device build does, with ../shared/nano-api/compile.
#
#   device-compile.py PROJECT.nfproj OUT_DIR [--optimize]
#
# The files compiled are read from the project itself: its <Compile Include> items and those of every
# imported .projitems, so a source left out of a device project is not compiled here either (and the
# code that needs it fails). References: the assemblies its packages.config pins (stand-ins generated
# from the nano API surface), the real mscorlib.dll of the pinned nanoFramework.CoreLibrary package
# (restored from NuGet by .ci/DevicePackages.csproj), and each <ProjectReference> to another
# .nfproj, compiled first the same way. Fails on any error and on any warning: the device build is
# warning-free too. Prints one summary line last.
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COMPILE = os.path.normpath(os.path.join(ROOT, "..", "shared", "nano-api", "compile"))
PACKAGES_PROJECT = os.path.join(HERE, "DevicePackages.csproj")
NS = "{http://schemas.microsoft.com/developer/msbuild/2003}"


def msbuild_path(path, this_dir):
    path = path.replace("$(MSBuildThisFileDirectory)", this_dir + "/").replace("\\", "/")
    if "$(" in path:
        sys.exit("device-compile: unsupported MSBuild property in path: " + path)
    return os.path.normpath(os.path.join(this_dir, path))


def compile_items(project_file):
    """Every Compile item of the project and of the .projitems it imports, in order."""
    this_dir = os.path.dirname(os.path.abspath(project_file))
    tree = ET.parse(project_file).getroot()
    files = []
    for element in tree.iter():
        tag = element.tag.replace(NS, "")
        if tag == "Compile" and element.get("Include"):
            files.append(msbuild_path(element.get("Include"), this_dir))
        elif tag == "Import" and element.get("Project", "").endswith(".projitems"):
            files.extend(compile_items(msbuild_path(element.get("Project"), this_dir)))
    return files


def sources_under(directory):
    """Every .cs file under a project's directory (bin/ and obj/ excluded): each must be compiled by the project."""
    found = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = [d for d in subfolders if d not in ("bin", "obj")]
        found.extend(os.path.normpath(os.path.join(folder, n)) for n in names if n.endswith(".cs"))
    return sorted(found)


def project_property(root, name):
    for element in root.iter(NS + name):
        if element.text:
            return element.text.strip()
    return None


def pinned_versions(packages_config):
    root = ET.parse(packages_config).getroot()
    return {p.get("id"): p.get("version") for p in root.iter("package")}


def real_mscorlib(version):
    """The mscorlib.dll of nanoFramework.CoreLibrary <version> in the NuGet cache, restored when missing."""
    cache = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
    dll = os.path.join(cache, "nanoframework.corelibrary", version, "lib", "mscorlib.dll")
    if not os.path.isfile(dll):
        result = subprocess.run(["dotnet", "restore", PACKAGES_PROJECT, "-nologo", "-v", "q", "-p:CoreLibraryVersion=" + version],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0 or not os.path.isfile(dll):
            print(result.stdout)
            sys.exit("device-compile: could not restore nanoFramework.CoreLibrary " + version)
    return dll


def build(project_file, out_dir, optimize, built):
    project_file = os.path.abspath(project_file)
    if project_file in built:
        return built[project_file]
    root = ET.parse(project_file).getroot()
    project_dir = os.path.dirname(project_file)
    name = project_property(root, "AssemblyName") or os.path.splitext(os.path.basename(project_file))[0]
    exe = (project_property(root, "OutputType") or "Library").lower() == "exe"
    packages = os.path.join(project_dir, "packages.config")
    if not os.path.isfile(packages):
        sys.exit("device-compile: no packages.config next to " + project_file)
    versions = pinned_versions(packages)
    if "nanoFramework.CoreLibrary" not in versions:
        sys.exit("device-compile: " + packages + " does not pin nanoFramework.CoreLibrary")

    references = []
    for element in root.iter(NS + "ProjectReference"):
        referenced = msbuild_path(element.get("Include"), project_dir)
        if not referenced.endswith(".nfproj"):
            sys.exit("device-compile: a device project may reference only .nfproj projects: " + referenced)
        references.append(build(referenced, out_dir, optimize, built))

    sources = compile_items(project_file)
    missing = [s for s in sources if not os.path.isfile(s)]
    if missing:
        sys.exit("device-compile: listed in " + project_file + " but missing: " + ", ".join(missing))
    unlisted = [f for f in sources_under(project_dir) if f not in sources]
    if unlisted:
        sys.exit("device-compile: not compiled by " + os.path.relpath(project_file, ROOT) + " (add to its Compile items or .projitems): "
                 + ", ".join(os.path.relpath(f, ROOT) for f in unlisted))

    out = os.path.join(out_dir, name + (".exe" if exe else ".dll"))
    command = [COMPILE, "--packages", packages, "-r:" + real_mscorlib(versions["nanoFramework.CoreLibrary"]), "-out:" + out]
    command += ["-r:" + r for r in references]
    if exe:
        command.append("-target:exe")
    if project_property(root, "DocumentationFile"):
        command.append("-doc:" + os.path.join(out_dir, name + ".xml"))
    if optimize:
        command.append("-optimize+")
    result = subprocess.run(command + sources, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = result.stdout.rstrip()
    summary = re.search(r"nano-compile: (\d+) errors?, (\d+) warnings?", output)
    relative = os.path.relpath(project_file, ROOT)
    if output:
        print(output.replace(ROOT + "/", ""))
    if result.returncode != 0 or summary is None or summary.group(1) != "0" or summary.group(2) != "0":
        sys.exit("device-compile: " + relative + " does not compile cleanly for the device")
    built[project_file] = out
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit("usage: device-compile.py PROJECT.nfproj OUT_DIR [--optimize]")
    os.makedirs(args[1], exist_ok=True)
    built = {}
    out = build(args[0], args[1], "--optimize" in sys.argv, built)
    print("%d project(s) compiled for the device, 0 errors, 0 warnings -> %s" % (len(built), os.path.relpath(out, ROOT)))


if __name__ == "__main__":
    main()
