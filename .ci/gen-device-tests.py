#!/usr/bin/env python3
"""Writes the device test projects (tests/NFUnitTest.<Group>/NFUnitTest.nfproj) from the groups below: each group's shared
test sources, the support files, and references to the device assemblies it needs. nanoFramework's metadata processor
caps each assembly's string table and bytecode at 64 KB, so the shared tests run on the device in several assemblies,
each named NFUnitTest (the name the test launcher loads) in its own folder. Run after adding a shared test file:
    python3 .ci/gen-device-tests.py
.ci/device-tests.py fails when a shared test file is in no group."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / ".ci" / "NFUnitTest.nfproj.template"
SUPPORT = ["Expect.cs", "Support/Fixtures.cs", "Support/ScriptedTransport.cs"]
FLASH_SUPPORT = ["Support/MemoryFileSystem.cs"]
GROUPS = {
    # group: (shared sources (folders or files), libraries referenced)
    "Parsing": (["Parsing", "Server", "Transport"], ["HttpCache.Nano", "HttpCache.Nano.Sockets"]),
    "Policy": (["Policy", "Storage/CacheKeyTests.cs", "Storage/LruIndexTests.cs", "Storage/RamStoreTests.cs"], ["HttpCache.Nano"]),
    "Engine": (["Engine"], ["HttpCache.Nano", "HttpCache.Nano.Flash"]),
    "Flash": (["Storage/FlashStoreTests.cs", "Storage/FlashStoreOnDiskTests.cs", "Storage/FlashDownloadTests.cs", "Storage/FlashRenewalTests.cs", "Storage/FlashStateTests.cs"], ["HttpCache.Nano", "HttpCache.Nano.Flash"]),
    # Device-only: the transports on nanoFramework's System.Net against the loopback origin .ci/device-tests.py starts.
    "Transport": ([], ["HttpCache.Nano", "HttpCache.Nano.Sockets", "HttpCache.Nano.WebRequest", "HttpCache.Nano.Flash"]),
}
# Sources of a project's own (in its folder, not shared with the desktop tests).
OWN = {
    "Transport": ["LoopbackOrigin.cs", "SocketTransportDeviceTests.cs", "WebRequestTransportDeviceTests.cs"],
}


def sources(entries):
    shared = ROOT / "tests" / "Shared"
    found = []
    for entry in entries:
        path = shared / entry
        found += sorted(str(p.relative_to(shared)) for p in path.rglob("*.cs")) if path.is_dir() else [entry]
    return found


def main():
    template = TEMPLATE.read_text()
    for group, (entries, libraries) in GROUPS.items():
        files = SUPPORT + (FLASH_SUPPORT if "HttpCache.Nano.Flash" in libraries else []) + sources(entries)
        compile_items = "\n".join('    <Compile Include="..\\Shared\\%s" />' % f.replace("/", "\\") for f in files)
        compile_items += '\n    <Compile Include="..\\DeviceSupport\\HeapProbe.cs" />'
        compile_items += "".join('\n    <Compile Include="%s" />' % f for f in OWN.get(group, []))
        references = "\n".join('    <ProjectReference Include="..\\..\\src\\%s\\%s.nfproj" />' % (l, l) for l in libraries)
        text = template.replace("$GROUP$", group).replace("$COMPILE$", compile_items).replace("$REFERENCES$", references)
        guid = "95d0f681-1524-4658-b678-95c425e0%04x" % (sum(map(ord, group)) & 0xFFFF)
        text = text.replace("$GUID$", guid)
        folder = ROOT / "tests" / ("NFUnitTest." + group)
        (folder / "Properties").mkdir(parents=True, exist_ok=True)
        (folder / "NFUnitTest.nfproj").write_text(text)
        for name in ("packages.config", "nano.runsettings"):
            (folder / name).write_text((ROOT / ".ci" / ("NFUnitTest." + name)).read_text())
        info = (ROOT / ".ci" / "NFUnitTest.AssemblyInfo.cs").read_text().replace("$GROUP$", group)
        (folder / "Properties" / "AssemblyInfo.cs").write_text(info)
        print("tests/NFUnitTest.%s: %d files" % (group, len(files) + 1))


if __name__ == "__main__":
    main()
