// Assembly metadata of the device build. The nano project system does not generate it.
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("DeviceSample")]
[assembly: AssemblyDescription("ESP32 sample: polls a config endpoint through HttpCache.Nano")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("DeviceSample")]
[assembly: AssemblyProduct("DeviceSample")]
[assembly: AssemblyCopyright("Copyright (c) HttpCache.Nano contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("3fb6c94a-5cf4-470b-8784-0fabc865eea6")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
