using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing;

namespace Transcripts.Verifier.TrustStore;

/// <summary>A status list credential as fetched by <c>status refresh</c>: where from, for which issuer, and when.</summary>
internal sealed record CachedStatusList(string Id, string FetchedFrom, string Issuer, DateTimeOffset FetchedAt, JsonObject Credential);

/// <summary>
/// The status lists kept beside the trusted issuers, one file a list keyed by the list credential's id (the URL that
/// credentials name in <c>statusListCredential</c>). A cached file is only a copy: <c>verify</c> checks its signature
/// again every time, so a file dropped into the folder by hand counts for nothing unless the issuer signed it.
/// </summary>
internal sealed class StatusCache(string folder)
{
    private const int MaxFileBytes = 24 * 1024 * 1024;

    public void Save(CachedStatusList entry)
    {
        Directory.CreateDirectory(folder);
        var document = new JsonObject
        {
            ["id"] = entry.Id,
            ["fetchedFrom"] = entry.FetchedFrom,
            ["issuer"] = entry.Issuer,
            ["fetchedAt"] = entry.FetchedAt.ToString("O", CultureInfo.InvariantCulture),
            ["credential"] = entry.Credential.DeepClone(),
        };
        var path = PathOf(entry.Id);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, document.ToJsonString());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The cached copy of the list <paramref name="id"/>, or null with the reason it cannot be used.</summary>
    public CachedStatusList? Find(string id, out string reason)
    {
        var path = PathOf(id);
        reason = "";
        if (!File.Exists(path))
        {
            reason = $"No copy of the status list {id} is cached; run `transcripts-verify status refresh` while online.";
            return null;
        }
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                reason = $"The cached copy of the status list {id} is too large to be genuine.";
                return null;
            }
            var root = JsonInput.ParseObject(File.ReadAllBytes(path), Limits.Default with { MaxDocumentBytes = MaxFileBytes });
            if (root["credential"] is JsonObject credential && Text(root, "fetchedFrom") is { } from && Text(root, "issuer") is { } issuer
                && DateTimeOffset.TryParse(Text(root, "fetchedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return new CachedStatusList(id, from, issuer, at, credential);
            }
            reason = $"The cached copy of the status list {id} is damaged; run `transcripts-verify status refresh` again.";
        }
        catch (Exception e) when (e is SigningException or IOException or UnauthorizedAccessException)
        {
            reason = $"The cached copy of the status list {id} could not be read ({e.Message}); run `transcripts-verify status refresh` again.";
        }
        return null;
    }

    /// <summary>The ids of every cached list (damaged files are skipped here; <see cref="Find"/> reports them).</summary>
    public IReadOnlyList<string> Ids()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var ids = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (new FileInfo(path).Length <= MaxFileBytes
                    && JsonInput.ParseObject(File.ReadAllBytes(path), Limits.Default with { MaxDocumentBytes = MaxFileBytes }) is { } root
                    && Text(root, "id") is { } id)
                {
                    ids.Add(id);
                }
            }
            catch (Exception e) when (e is SigningException or IOException or UnauthorizedAccessException)
            {
                // Not listed; refreshing the list it held (if any) writes a good copy again.
            }
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private string PathOf(string id) =>
        Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32] + ".json");
}
