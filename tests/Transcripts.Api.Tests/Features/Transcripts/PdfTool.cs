using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>Files for the tests that run Debian PDF tools (<see cref="DebianTool"/>).</summary>
public static class PdfTool
{
    /// <summary>A temporary folder removed on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("transcripts-pdf-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, byte[] bytes)
        {
            var file = File(name);
            System.IO.File.WriteAllBytes(file, bytes);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
