#!/usr/bin/env bash
# Regenerates the Compile list of a shared .projitems from the .cs files in its folder
# (Properties/, bin/ and obj/ excluded). Usage: .ci/gen-projitems.sh DIR NAME GUID NAMESPACE
set -euo pipefail
dir=$1; name=$2; guid=$3; ns=$4
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">'
  echo '  <PropertyGroup>'
  echo '    <MSBuildAllProjects Condition="'"'"'$(MSBuildVersion)'"'"' == '"'"''"'"' Or '"'"'$(MSBuildVersion)'"'"' &lt; '"'"'16.0'"'"'">$(MSBuildAllProjects);$(MSBuildThisFileFullPath)</MSBuildAllProjects>'
  echo '    <HasSharedItems>true</HasSharedItems>'
  echo "    <SharedGUID>$guid</SharedGUID>"
  echo '  </PropertyGroup>'
  echo '  <PropertyGroup Label="Configuration">'
  echo "    <Import_RootNamespace>$ns</Import_RootNamespace>"
  echo '  </PropertyGroup>'
  echo '  <ItemGroup>'
  (cd "$dir" && find . -name '*.cs' -not -path './obj/*' -not -path './bin/*' -not -path './Properties/*' | sed 's#^\./##' | LC_ALL=C sort) | while read -r f; do
    # Files at the root get an explicit ".\" so every entry names a folder (tools that read file names rely on it).
    case "$f" in */*) rel="${f//\//\\}" ;; *) rel=".\\$f" ;; esac
    echo "    <Compile Include=\"\$(MSBuildThisFileDirectory)$rel\" />"
  done
  echo '  </ItemGroup>'
  echo '</Project>'
} > "$dir/$name.projitems"
