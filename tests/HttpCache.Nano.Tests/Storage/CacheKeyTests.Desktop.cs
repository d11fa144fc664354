// Desktop-only half of the shared CacheKeyTests: they fill and clear the process-wide key memo, so they run on their
// own (allocation tests elsewhere rely on remembered keys).
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Storage
{
    [DoNotParallelize]
    public partial class CacheKeyTests
    {
    }
}
