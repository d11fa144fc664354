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

#if NANOFRAMEWORK_1_0
        private const int BufferBytes = 512;
#else
        // The store reads and writes whole chunks itself: desktop's own 4 KB buffer per file would only be garbage.
        private const int BufferBytes = 1;
#endif

        /// <inheritdoc />
        public Stream OpenRead(string path)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        }

        /// <inheritdoc />
        public Stream Create(string path)
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes);
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
