// Assembly metadata of the device build. The nano project system does not generate it.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("HttpCache.Nano")]
[assembly: AssemblyDescription("RFC 9111 HTTP client cache for .NET nanoFramework: parsing, policy, client, RAM store")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("HttpCache.Nano")]
[assembly: AssemblyProduct("HttpCache.Nano")]
[assembly: AssemblyCopyright("Copyright (c) HttpCache.Nano contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("5938d28b-de1b-46af-bf86-79f87db92362")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
[assembly: InternalsVisibleTo("HttpCache.Nano.Sockets")]
[assembly: InternalsVisibleTo("HttpCache.Nano.WebRequest")]
[assembly: InternalsVisibleTo("HttpCache.Nano.Flash")]
