// Desktop-only half of the shared HeapFootprintTests: GC.GetTotalMemory is process-wide, so no other test may run meanwhile.
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Engine
{
    [DoNotParallelize]
    public partial class HeapFootprintTests
    {
    }
}
