// Inspection: a look at a flash-store directory that changes nothing — `stats` must not repair or delete — through a
// file system that lets the store read and only counts what opening it would have changed.
using System.IO;
using HttpCache.Nano.Storage;

namespace HttpCache.Desktop
{
    /// <summary>A file system that reads the real files and turns every change into a count (<see cref="Changes"/>).</summary>
    public sealed class InspectionFileSystem : IFileSystem
    {
        private readonly PhysicalFileSystem _real = new PhysicalFileSystem();

        /// <summary>Deletes, moves and creates the store asked for: repairs an open would make.</summary>
        public int Changes { get; private set; }

        public bool Exists(string path) => _real.Exists(path);

        public void Delete(string path)
        {
            if (_real.Exists(path))
            {
                Changes++;
            }
        }

        public void Move(string source, string destination) => Changes++;

        public Stream OpenRead(string path) => _real.OpenRead(path);

        public Stream Create(string path)
        {
            Changes++;
            return new MemoryStream();
        }

        public string[] GetFiles(string directory) => _real.GetFiles(directory);

        public void CreateDirectory(string directory)
        {
        }

        public string Combine(string directory, string name) => _real.Combine(directory, name);
    }
}
