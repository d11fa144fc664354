// Assembly metadata of the device build. The nano project system does not generate it.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("HttpCache.Nano.Sockets")]
[assembly: AssemblyDescription("HttpCache.Nano transport over sockets: HTTP/1.1, TLS 1.2, kept connections")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("HttpCache.Nano")]
[assembly: AssemblyProduct("HttpCache.Nano")]
[assembly: AssemblyCopyright("Copyright (c) HttpCache.Nano contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("ff22132f-04bf-5c3a-bffc-3505c35113a0")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
