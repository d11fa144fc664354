// PhysicalFileSystem: IFileSystem over System.IO (the I:\ or D:\ drive on a device, any directory on desktop).
using System.IO;

namespace HttpCache.Nano.Storage
{
    /// <summary>The real file system through <c>File</c>, <c>Directory</c> and <c>FileStream</c>.</summary>
    public sealed class PhysicalFileSystem : IFileSystem
    {
        /// <inheritdoc />
        public bool Exists(string path)
        {
            return File.Exists(path);
        }

        /// <inheritdoc />
        public void Delete(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        /// <inheritdoc />
        public void Move(string source, string destination)
        {
            if (File.Exists(destination))
            {
                // Same behaviour on every platform: nanoFramework's File.Move has no overwrite.
                throw new IOException("Destination exists: " + destination);
            }

            File.Move(source, destination);
        }

        /// <inheritdoc />
        public Stream OpenRead(string path)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read);
        }

        /// <inheritdoc />
        public Stream Create(string path)
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write);
        }

        /// <inheritdoc />
        public string[] GetFiles(string directory)
        {
            return Directory.GetFiles(directory);
        }

        /// <inheritdoc />
        public void CreateDirectory(string directory)
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <inheritdoc />
        public string Combine(string directory, string name)
        {
            return Path.Combine(directory, name);
        }
    }
}
