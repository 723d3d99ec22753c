using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing;
using Transcripts.Verifier.Inputs;

namespace Transcripts.Verifier.TrustStore;

/// <summary>
/// The issuers an admissions office trusts: one file a trusted institution in a folder (by default a
/// per-user folder), each holding the DID document and, when imported from a trust bundle, the
/// institution's profile and the URLs of its status lists. Cached status lists live beside them.
/// </summary>
public sealed class TrustStore
{
    private const int MaxFileBytes = 1024 * 1024;
    private readonly string _issuersFolder;

    /// <summary>Opens (and creates when needed) the store in <paramref name="folder"/>.</summary>
    public TrustStore(string folder)
    {
        Folder = folder;
        _issuersFolder = Path.Combine(folder, "issuers");
        StatusFolder = Path.Combine(folder, "status");
    }

    /// <summary>The store's folder.</summary>
    public string Folder { get; }

    /// <summary>Where cached status list credentials are kept.</summary>
    public string StatusFolder { get; }

    /// <summary>The default folder: <c>$XDG_CONFIG_HOME/transcripts-verify</c> or the platform's equivalent.</summary>
    public static string DefaultFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create),
                     "transcripts-verify");

    /// <summary>Adds or replaces an issuer from a trust bundle or a bare DID document.</summary>
    /// <exception cref="InputException">The file is neither.</exception>
    public TrustedIssuer Add(byte[] file)
    {
        var issuer = TrustedIssuer.FromFile(file);
        Directory.CreateDirectory(_issuersFolder);
        File.WriteAllBytes(PathOf(issuer.Did), file);
        return issuer;
    }

    /// <summary>Removes an issuer by DID; returns whether it was there.</summary>
    public bool Remove(string did)
    {
        var path = PathOf(did);
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }

    /// <summary>Every trusted issuer, in DID order. A damaged file is reported, not skipped silently.</summary>
    /// <exception cref="InputException">A file in the store cannot be read.</exception>
    public IReadOnlyList<TrustedIssuer> List()
    {
        if (!Directory.Exists(_issuersFolder))
        {
            return [];
        }
        var issuers = new List<TrustedIssuer>();
        foreach (var path in Directory.EnumerateFiles(_issuersFolder, "*.json"))
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                throw new InputException($"The trust store file {path} is larger than {MaxFileBytes:N0} bytes.");
            }
            try
            {
                issuers.Add(TrustedIssuer.FromFile(File.ReadAllBytes(path)));
            }
            catch (InputException e)
            {
                throw new InputException($"The trust store file {path} is damaged: {e.Message}", e);
            }
        }
        issuers.Sort((a, b) => string.CompareOrdinal(a.Did, b.Did));
        return issuers;
    }

    // File names are a hash of the DID: DIDs hold ':' and '%' that not every file system accepts.
    private string PathOf(string did) =>
        Path.Combine(_issuersFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(did)))[..32] + ".json");
}

/// <summary>A trusted institution: its DID document and what its trust bundle said about it.</summary>
public sealed record TrustedIssuer(string Did, string? Name, JsonObject DidDocument, IReadOnlyList<string> StatusListUrls)
{
    /// <summary>Reads a trust bundle (<c>{"didDocument": …, "profile": …, "statusLists": […]}</c>) or a bare DID document.</summary>
    /// <exception cref="InputException">The bytes are neither.</exception>
    public static TrustedIssuer FromFile(byte[] file)
    {
        JsonObject root;
        try
        {
            root = JsonInput.ParseObject(file);
        }
        catch (SigningException e)
        {
            throw new InputException("The file is not a trust bundle or a DID document: " + e.Message, e);
        }
        var didDocument = root["didDocument"] as JsonObject ?? root;
        var did = (didDocument["id"] as JsonValue)?.TryGetValue<string>(out var id) == true ? id : null;
        // A controller document (Controlled Identifiers 1.0) may be identified by an https URL instead of a DID.
        if (did is null || !(did.StartsWith("did:", StringComparison.Ordinal) || did.StartsWith("https://", StringComparison.Ordinal)))
        {
            throw new InputException("The file is not a trust bundle or a DID document: it has no DID in \"id\".");
        }
        if (didDocument["verificationMethod"] is not JsonArray)
        {
            throw new InputException($"The DID document of {did} lists no verification methods, so nothing it signed could be checked.");
        }
        var name = (root["profile"]?["name"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n : null;
        var statusLists = (root["statusLists"] as JsonArray)?
            .Select(u => (u as JsonValue)?.TryGetValue<string>(out var url) == true ? url : null)
            .OfType<string>().ToList() ?? [];
        return new TrustedIssuer(did, name, didDocument, statusLists);
    }
}
