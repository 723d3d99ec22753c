using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Content-addressed files under <c>{DataDirectory}/files/ab/abcdef…</c>: the name is the SHA-256 of the bytes,
/// so identical uploads are stored once and a stored file cannot change without its name changing.
/// </summary>
internal sealed class FileStore(IOptions<StorageOptions> storage)
{
    private string Root => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "files");

    /// <summary>Copies at most <paramref name="maxBytes"/> from <paramref name="content"/>; null when it holds more.</summary>
    public async Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, "upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var output = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var path = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                File.Move(temp, path, overwrite: true);
            }
            return new StoredFile(hash, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);
}

internal sealed record StoredFile(string Sha256, long Size);
