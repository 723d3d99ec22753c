using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;

namespace Transcripts.Api.Features.Web.Imports;

/// <summary>
/// An import file kept on the server between its preview and its confirmation, so nobody uploads it twice and none of it
/// travels in a URL. It lives under <c>{DataDirectory}/imports/{person}/</c> with a random 128-bit name that only that person's
/// confirmation can name, for <see cref="WebOptions.ImportHoldTime"/>. It is deleted once imported or refused, when the same
/// person uploads another file, or once expired (swept at every upload).
/// </summary>
internal sealed partial class PendingUploads(IOptions<StorageOptions> storage, IOptions<WebOptions> options, TimeProvider clock)
{
    private string Root => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "imports");

    /// <summary>Keeps at most <paramref name="maxBytes"/> of <paramref name="content"/>; its id, or null when the file is larger.</summary>
    public async Task<string?> SaveAsync(Guid personId, string kind, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Sweep();
        var folder = FolderOf(personId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        var id = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var expires = (clock.GetUtcNow() + options.Value.ImportHoldTime).ToUnixTimeSeconds();
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{kind}.{expires}.{id}"));
        var copied = false;
        try
        {
            var bounded = new BoundedStream(content, maxBytes);
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await bounded.CopyToAsync(output, cancellationToken);
            }
            copied = !bounded.IsOverLimit;
            return copied ? id : null;
        }
        finally
        {
            if (!copied)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The kept file of this person, kind and id; null when there is none, it is another person's, or it has expired.</summary>
    public Stream? Open(Guid personId, string kind, string? id) =>
        PathOf(personId, kind, id) is { } path ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete) : null;

    public void Delete(Guid personId, string kind, string? id)
    {
        if (PathOf(personId, kind, id) is { } path)
        {
            File.Delete(path);
        }
    }

    private string? PathOf(Guid personId, string kind, string? id)
    {
        var folder = FolderOf(personId);
        if (id is null || !Id().IsMatch(id) || !Directory.Exists(folder))
        {
            return null;
        }
        var path = Directory.EnumerateFiles(folder, $"{kind}.*.{id}").SingleOrDefault();
        if (path is null)
        {
            return null;
        }
        if (IsExpired(path))
        {
            File.Delete(path);
            return null;
        }
        return path;
    }

    private void Sweep()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Where(IsExpired).ToList())
        {
            File.Delete(path);
        }
    }

    private bool IsExpired(string path)
    {
        var parts = Path.GetFileName(path).Split('.');
        return parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expires;
    }

    private string FolderOf(Guid personId) => Path.Combine(Root, personId.ToString("N"));

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex Id();
}
