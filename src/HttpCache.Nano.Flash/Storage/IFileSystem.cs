// IFileSystem: the few file operations the flash store needs, injectable for fault-injection tests.
using System.IO;

namespace HttpCache.Nano.Storage
{
    /// <summary>
    /// File operations with nanoFramework's semantics: <see cref="Move"/> throws when the destination exists
    /// (there is no replace), and a stream from <see cref="Create"/> truncates.
    /// </summary>
    public interface IFileSystem
    {
        /// <summary>True when the file exists.</summary>
        bool Exists(string path);

        /// <summary>Deletes a file (no error when it does not exist).</summary>
        void Delete(string path);

        /// <summary>Renames a file; throws <see cref="IOException"/> when the destination exists.</summary>
        void Move(string source, string destination);

        /// <summary>Opens a file for reading.</summary>
        Stream OpenRead(string path);

        /// <summary>Creates (or truncates) a file for writing.</summary>
        Stream Create(string path);

        /// <summary>The full paths of the files in a directory.</summary>
        string[] GetFiles(string directory);

        /// <summary>Creates a directory if it does not exist.</summary>
        void CreateDirectory(string directory);

        /// <summary>Joins a directory and a file name.</summary>
        string Combine(string directory, string name);
    }
}
