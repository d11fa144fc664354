// MemoryFileSystem: an in-memory IFileSystem that can "lose power" after the k-th written byte or operation.
using System;
using System.Collections;
using System.IO;
using HttpCache.Nano.Storage;

namespace HttpCache.Nano.Tests.Support
{
    /// <summary>
    /// Files in RAM with nanoFramework's semantics (Move refuses an existing target). Written bytes reach the
    /// "medium" as they are written, so a power cut leaves a partial file. After the cut every operation throws
    /// <see cref="IOException"/> until <see cref="Reboot"/>.
    /// </summary>
    public sealed class MemoryFileSystem : IFileSystem
    {
        private readonly Hashtable _files = new Hashtable();
        private long _bytesLeft = -1;
        private long _operationsLeft = -1;

        /// <summary>Bytes written in total.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Mutating operations (create, write, move, delete) performed in total.</summary>
        public long Operations { get; private set; }

        /// <summary>Files created (each Create of a file counts once).</summary>
        public long FilesCreated { get; private set; }

        /// <summary>True once a planned power cut happened.</summary>
        public bool PowerLost { get; private set; }

        /// <summary>Cuts the power after <paramref name="bytes"/> more bytes are written (-1: never).</summary>
        public void CutPowerAfterBytes(long bytes)
        {
            _bytesLeft = bytes;
        }

        /// <summary>Cuts the power before the (<paramref name="operations"/>+1)-th next mutating operation (-1: never).</summary>
        public void CutPowerAfterOperations(long operations)
        {
            _operationsLeft = operations;
        }

        /// <summary>Power is back: the files are as the cut left them.</summary>
        public void Reboot()
        {
            PowerLost = false;
            _bytesLeft = -1;
            _operationsLeft = -1;
        }

        /// <summary>A copy of the medium (for running many experiments from one state).</summary>
        public MemoryFileSystem Clone()
        {
            MemoryFileSystem copy = new MemoryFileSystem();
            foreach (object key in _files.Keys)
            {
                copy._files[key] = ((byte[])_files[key]).Clone();
            }

            return copy;
        }

        /// <summary>The content of a file (a copy), or null.</summary>
        public byte[] Read(string path)
        {
            byte[] content = (byte[])_files[path];
            return content == null ? null : (byte[])content.Clone();
        }

        /// <summary>Replaces the content of a file directly (to corrupt it).</summary>
        public void Overwrite(string path, byte[] content)
        {
            _files[path] = content;
        }

        /// <summary>The file names, sorted.</summary>
        public string[] Names()
        {
            string[] names = new string[_files.Count];
            int i = 0;
            foreach (object key in _files.Keys)
            {
                names[i++] = (string)key;
            }

            for (int a = 1; a < names.Length; a++)
            {
                string moving = names[a];
                int b = a - 1;
                while (b >= 0 && string.Compare(names[b], moving) > 0)
                {
                    names[b + 1] = names[b];
                    b--;
                }

                names[b + 1] = moving;
            }

            return names;
        }

        /// <inheritdoc />
        public bool Exists(string path)
        {
            CheckPower();
            return _files.Contains(path);
        }

        /// <inheritdoc />
        public void Delete(string path)
        {
            Operation();
            _files.Remove(path);
        }

        /// <inheritdoc />
        public void Move(string source, string destination)
        {
            Operation();
            if (!_files.Contains(source))
            {
                throw new IOException("No such file: " + source);
            }

            if (_files.Contains(destination))
            {
                throw new IOException("Destination exists: " + destination);
            }

            _files[destination] = _files[source];
            _files.Remove(source);
        }

        /// <inheritdoc />
        public Stream OpenRead(string path)
        {
            CheckPower();
            byte[] content = (byte[])_files[path];
            if (content == null)
            {
                throw new IOException("No such file: " + path);
            }

            return new MemoryStream((byte[])content.Clone(), false);
        }

        /// <inheritdoc />
        public Stream Create(string path)
        {
            Operation();
            _files[path] = new byte[0];
            FilesCreated++;
            return new FileWriter(this, path);
        }

        /// <inheritdoc />
        public string[] GetFiles(string directory)
        {
            CheckPower();
            return Names();
        }

        /// <inheritdoc />
        public void CreateDirectory(string directory)
        {
            CheckPower();
        }

        /// <inheritdoc />
        public string Combine(string directory, string name)
        {
            return directory + "/" + name;
        }

        private void Append(string path, byte[] buffer, int offset, int count)
        {
            Operation();
            int allowed = count;
            if (_bytesLeft >= 0 && _bytesLeft < count)
            {
                allowed = (int)_bytesLeft;
            }

            byte[] content = (byte[])_files[path];
            byte[] grown = new byte[content.Length + allowed];
            Array.Copy(content, grown, content.Length);
            Array.Copy(buffer, offset, grown, content.Length, allowed);
            _files[path] = grown;
            BytesWritten += allowed;
            if (_bytesLeft >= 0)
            {
                _bytesLeft -= allowed;
                if (allowed < count)
                {
                    Cut();
                }
            }
        }

        private void Operation()
        {
            CheckPower();
            if (_operationsLeft == 0)
            {
                Cut();
            }

            if (_operationsLeft > 0)
            {
                _operationsLeft--;
            }

            Operations++;
        }

        private void CheckPower()
        {
            if (PowerLost)
            {
                throw new IOException("power lost");
            }
        }

        private void Cut()
        {
            PowerLost = true;
            throw new IOException("power lost");
        }

        private sealed class FileWriter : Stream
        {
            private readonly MemoryFileSystem _fs;
            private readonly string _path;

            public FileWriter(MemoryFileSystem fs, string path)
            {
                _fs = fs;
                _path = path;
            }

            public override bool CanRead
            {
                get { return false; }
            }

            public override bool CanSeek
            {
                get { return false; }
            }

            public override bool CanWrite
            {
                get { return true; }
            }

            public override long Length
            {
                get { throw new NotSupportedException(); }
            }

            public override long Position
            {
                get { throw new NotSupportedException(); }
                set { throw new NotSupportedException(); }
            }

            public override void Flush()
            {
                _fs.CheckPower();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                throw new NotSupportedException();
            }

#if NANOFRAMEWORK_1_0
            public override int Read(SpanByte buffer)
            {
                throw new NotSupportedException();
            }
#endif

            public override long Seek(long offset, SeekOrigin origin)
            {
                throw new NotSupportedException();
            }

            public override void SetLength(long value)
            {
                throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                _fs.Append(_path, buffer, offset, count);
            }
        }
    }
}
