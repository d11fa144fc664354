// Assembly metadata of the on-device test assembly (the launcher loads it by the name NFUnitTest).
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("HttpCache.Nano shared tests on nanoFramework: Transport")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("HttpCache.Nano")]
[assembly: AssemblyProduct("HttpCache.Nano")]
[assembly: AssemblyCopyright("Copyright (c) HttpCache.Nano contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("af205431-cc1c-4694-b43f-b5c37979527e")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
