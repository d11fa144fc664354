// Assembly metadata of the device build. The nano project system does not generate it.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("HttpCache.Nano.WebRequest")]
[assembly: AssemblyDescription("HttpCache.Nano transport over HttpWebRequest")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("HttpCache.Nano")]
[assembly: AssemblyProduct("HttpCache.Nano")]
[assembly: AssemblyCopyright("Copyright (c) HttpCache.Nano contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: Guid("996fff9c-383b-550b-a100-8b3dd33d87ea")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
