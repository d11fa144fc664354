#!/usr/bin/env python3
"""Writes HttpCacheNano.sln (classic format) from the project list below, so desktop csprojs, nanoFramework
nfprojs (with Deploy lines) and shared projects stay consistent. Run after adding a project:
    python3 .ci/write-sln.py"""
import pathlib, re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSHARP = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}"
NANO = "{11A8DD76-328B-46DF-9F39-F559912D0360}"
SHARED = "{D954291E-2A0B-460D-934E-DC6B0785DB48}"
FOLDER = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}"
FOLDERS = {"src": "{7C2B43A1-5B8E-4F0C-9D1A-1E2F3A4B5C01}", "tests": "{7C2B43A1-5B8E-4F0C-9D1A-1E2F3A4B5C02}",
           "Solution Items": "{7C2B43A1-5B8E-4F0C-9D1A-1E2F3A4B5C03}"}
SOLUTION_ITEMS = ["README.md", "nfproj.props", "Directory.Solution.props", "src\\HttpCache.Nano\\HttpCache.Nano.nuspec", "src\\HttpCache.Nano.Sockets\\HttpCache.Nano.Sockets.nuspec",
                  "src\\HttpCache.Nano.WebRequest\\HttpCache.Nano.WebRequest.nuspec", "src\\HttpCache.Nano.Flash\\HttpCache.Nano.Flash.nuspec",
                  "tests\\NFUnitTest\\nano.runsettings"]

def guid_of(path):
    text = (ROOT / path).read_text()
    m = re.search(r"<ProjectGuid>\{?([0-9a-fA-F-]{36})\}?</ProjectGuid>", text)
    if m:
        return "{" + m.group(1).upper() + "}"
    # SDK projects have no ProjectGuid: derive a stable one from the path.
    import uuid
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "httpcachenano/" + path)).upper() + "}"

projects = []
for p in sorted(ROOT.glob("src/**/*.*proj")) + sorted(ROOT.glob("tests/**/*.*proj")):
    rel = str(p.relative_to(ROOT))
    if "/bin/" in rel or "/obj/" in rel:
        continue
    kind = {".csproj": CSHARP, ".nfproj": NANO, ".shproj": SHARED}.get(p.suffix)
    if kind is None:
        continue
    # Each device test project is NFUnitTest.nfproj in its own folder (the launcher loads that assembly name): name it by folder.
    projects.append((p.parent.name if p.stem == "NFUnitTest" else p.stem, rel.replace("/", "\\"), guid_of(rel), kind, rel.split("/")[0]))

out = ["", "Microsoft Visual Studio Solution File, Format Version 12.00", "# Visual Studio Version 17",
       "VisualStudioVersion = 17.0.31903.59", "MinimumVisualStudioVersion = 10.0.40219.1"]
for name, guid in FOLDERS.items():
    out.append(f'Project("{FOLDER}") = "{name}", "{name}", "{guid}"')
    if name == "Solution Items":
        out.append("\tProjectSection(SolutionItems) = preProject")
        out += [f"\t\t{i} = {i}" for i in SOLUTION_ITEMS]
        out.append("\tEndProjectSection")
    out.append("EndProject")
for name, path, guid, kind, _ in projects:
    out.append(f'Project("{kind}") = "{name}", "{path}", "{guid}"')
    out.append("EndProject")
out += ["Global", "\tGlobalSection(SharedMSBuildProjectFiles) = preSolution"]
for name, path, guid, kind, _ in projects:
    if kind == SHARED:
        shproj = (ROOT / path.replace("\\", "/")).read_text()
        items = re.search(r'<Import Project="([^"]+\.projitems)"', shproj).group(1)
        folder = path.rsplit("\\", 1)[0]
        out.append(f"\t\t{folder}\\{items}*{guid.lower()}*SharedItemsImports = 13")
out += ["\tEndGlobalSection", "\tGlobalSection(SolutionConfigurationPlatforms) = preSolution",
        "\t\tDebug|Any CPU = Debug|Any CPU", "\t\tRelease|Any CPU = Release|Any CPU", "\tEndGlobalSection",
        "\tGlobalSection(ProjectConfigurationPlatforms) = postSolution"]
for name, path, guid, kind, _ in projects:
    if kind == SHARED:
        continue
    for cfg in ("Debug", "Release"):
        out.append(f"\t\t{guid}.{cfg}|Any CPU.ActiveCfg = {cfg}|Any CPU")
        out.append(f"\t\t{guid}.{cfg}|Any CPU.Build.0 = {cfg}|Any CPU")
        if kind == NANO:
            out.append(f"\t\t{guid}.{cfg}|Any CPU.Deploy.0 = {cfg}|Any CPU")
out += ["\tEndGlobalSection", "\tGlobalSection(SolutionProperties) = preSolution", "\t\tHideSolutionNode = FALSE",
        "\tEndGlobalSection", "\tGlobalSection(NestedProjects) = preSolution"]
for name, path, guid, kind, top in projects:
    out.append(f"\t\t{guid} = {FOLDERS[top]}")
out += ["\tEndGlobalSection", "\tGlobalSection(ExtensibilityGlobals) = postSolution",
        "\t\tSolutionGuid = {7C2B43A1-5B8E-4F0C-9D1A-1E2F3A4B5CFF}", "\tEndGlobalSection", "EndGlobal", ""]
(ROOT / "HttpCacheNano.sln").write_text("\r\n".join(out), encoding="utf-8-sig")
print(f"HttpCacheNano.sln: {len(projects)} projects")
