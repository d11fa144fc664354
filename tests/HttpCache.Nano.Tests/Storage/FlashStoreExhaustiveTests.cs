// Desktop-only: the flash store's fault checks at every byte. The shared FlashStoreTests run the same checks at a
// stride, which keeps them quick on a device (an ESP32 is 10-30x slower than the interpreter on a PC).
using HttpCache.Nano.Tests.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HttpCache.Nano.Tests.Storage
{
    [TestClass]
    public class FlashStoreExhaustiveTests
    {
        [TestMethod]
        public void FlippingAnyByteDropsTheEntryAndNeverServesIt()
        {
            FlashStoreTests.CheckByteFlips(1);
        }

        [TestMethod]
        public void APowerCutAtAnyByteOrOperationOfAReplaceLeavesTheOldOrTheNewEntryIntact()
        {
            FlashStoreTests.CheckPowerCutsDuringReplace(1);
        }
    }
}
