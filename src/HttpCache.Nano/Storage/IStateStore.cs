// IStateStore: a few named bytes that must survive a reboot (deep sleep is one), such as a poll schedule's back-off.
namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// Keeps small named byte strings across reboots, written power-safely (a cut leaves the old value or the new one)
    /// and only when they change, so an unchanged state costs no flash write. <c>FlashStore</c> implements it.
    /// </summary>
    public interface IStateStore
    {
        /// <summary>The bytes last kept under <paramref name="name"/>, or null when none are.</summary>
        byte[] ReadState(string name);

        /// <summary>
        /// Keeps <c>data[0, length)</c> under <paramref name="name"/> (letters and digits, at most 16); writes nothing when
        /// they equal what is kept. False when they could not be written (the old value stays).
        /// </summary>
        bool WriteState(string name, byte[] data, int length);
    }
}
