// Assembly metadata of the device build. The nano project system does not generate it.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("HttpCache.Nano.Flash")]
[assembly: AssemblyDescription("HttpCache.Nano flash store and resumable downloads")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("HttpCache.Nano")]
[assembly: AssemblyProduct("HttpCache.Nano")]
[assembly: AssemblyCopyright("Copyright (c) HttpCache.Nano contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("5e62d69d-c7bc-5091-9698-ca8d88f85eeb")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
