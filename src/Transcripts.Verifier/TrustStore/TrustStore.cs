using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing;
using Transcripts.Signing.Trust;
using Transcripts.Verifier.Inputs;

namespace Transcripts.Verifier.TrustStore;

/// <summary>
/// The issuers an admissions office trusts: one file a trusted institution in a folder (by default a
/// per-user folder), each holding the DID document and, when imported from a trust bundle, the
/// institution's profile and the URLs of its status lists. Cached status lists live beside them.
/// </summary>
/// <remarks>Opens (and creates when needed) the store in <paramref name="folder"/>.</remarks>
public sealed class TrustStore(string folder)
{
    /// <summary>The largest trust bundle read: lists of issued credentials hold one digest per credential a revoked key signed.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;
    private readonly string _issuersFolder = Path.Combine(folder, "issuers");

    /// <summary>The store's folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>Where cached status list credentials are kept.</summary>
    public string StatusFolder { get; } = Path.Combine(folder, "status");

    /// <summary>The default folder: <c>$XDG_CONFIG_HOME/transcripts-verify</c> or the platform's equivalent.</summary>
    public static string DefaultFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create),
                     "transcripts-verify");

    /// <summary>Stores an issuer from a trust bundle or a bare DID document, replacing any entry for its DID (the CLI's
    /// <c>trust add</c> first shows what would change and needs <c>--replace</c>).</summary>
    /// <exception cref="InputException">The file is neither.</exception>
    public TrustedIssuer Add(byte[] file)
    {
        var issuer = TrustedIssuer.FromFile(file);
        Save(issuer);
        return issuer;
    }

    /// <summary>Writes an issuer's entry (a new one, or one the caller decided may replace the old).</summary>
    public void Save(TrustedIssuer issuer, string? replacesDid = null)
    {
        Directory.CreateDirectory(_issuersFolder);
        var path = PathOf(issuer.Did);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, issuer.File);
        File.Move(temporary, path, overwrite: true);
        if (replacesDid is not null && replacesDid != issuer.Did)
        {
            Remove(replacesDid);
        }
    }

    /// <summary>
    /// The entry <paramref name="issuer"/> would replace: the one for its DID, or one that shares a DID with it (a did:key
    /// institution's newer bundle names its former did:keys).
    /// </summary>
    /// <exception cref="InputException">A file in the store cannot be read.</exception>
    public TrustedIssuer? FindEntryOf(TrustedIssuer issuer) =>
        Find(issuer.Did) ?? List().FirstOrDefault(i => i.Institution.Dids.Intersect(issuer.Institution.Dids, StringComparer.Ordinal).Any());

    /// <summary>The entry for <paramref name="did"/>, if there is one.</summary>
    /// <exception cref="InputException">The entry's file cannot be read.</exception>
    public TrustedIssuer? Find(string did)
    {
        var path = PathOf(did);
        return File.Exists(path) ? Load(path) : null;
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
            issuers.Add(Load(path));
        }
        issuers.Sort((a, b) => string.CompareOrdinal(a.Did, b.Did));
        return issuers;
    }

    private static TrustedIssuer Load(string path)
    {
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new InputException($"The trust store file {path} is larger than {MaxFileBytes:N0} bytes.");
        }
        try
        {
            return TrustedIssuer.FromFile(File.ReadAllBytes(path));
        }
        catch (InputException e)
        {
            throw new InputException($"The trust store file {path} is damaged: {e.Message}", e);
        }
    }

    // One entry per DID: institutions that share a DID are not merged. File names are a hash of the DID: DIDs hold ':' and '%' that not every file system accepts.
    private string PathOf(string did) =>
        Path.Combine(_issuersFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(did)))[..32] + ".json");
}

/// <summary>A trusted institution: its trust bundle (or DID document) as imported, and what the signing core read from it.</summary>
/// <param name="File">The bytes stored.</param>
/// <param name="Document">The bundle or DID document.</param>
/// <param name="Bundle">The institution, its keys with their states and accepted lists, as <see cref="TrustBundle"/> read them.</param>
public sealed record TrustedIssuer(byte[] File, JsonObject Document, TrustBundle Bundle)
{
    /// <summary>The DID the institution issues under now.</summary>
    public string Did => Bundle.Institution.Did;

    /// <summary>The institution's name as the trust store knows it.</summary>
    public string? Name => Bundle.Institution.Name;

    /// <summary>The institution for the trust rule.</summary>
    public TrustedInstitution Institution => Bundle.Institution;

    /// <summary>Its DID document.</summary>
    public JsonObject DidDocument => Document["didDocument"] as JsonObject ?? Document;

    /// <summary>The status list URLs its bundle named.</summary>
    public IReadOnlyList<string> StatusListUrls => Bundle.StatusLists;

    /// <summary>
    /// Whether the bundle says every credential the institution issues carries status entries (<c>"statusRequired": true</c>):
    /// then a credential of theirs without one is not valid.
    /// </summary>
    public bool IsStatusRequired => Document["statusRequired"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>Reads a trust bundle (<c>{"didDocument": …, "profile": …, "statusLists": […]}</c>) or a bare DID document.</summary>
    /// <exception cref="InputException">The bytes are neither.</exception>
    public static TrustedIssuer FromFile(byte[] file)
    {
        JsonObject root;
        try
        {
            root = JsonInput.ParseObject(file, Limits.Default with { MaxDocumentBytes = TrustStore.MaxFileBytes });
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
        return new TrustedIssuer(file, root, TrustBundle.Read(root));
    }

    /// <summary>This entry with the revocations of <paramref name="newer"/> applied to the keys it already has (safe without continuity).</summary>
    public TrustedIssuer WithRevocationsFrom(TrustBundle newer)
    {
        var root = Document.DeepClone().AsObject();
        var didDocument = root["didDocument"] as JsonObject ?? root;
        foreach (var list in new[] { didDocument["verificationMethod"], root["formerKeys"] })
        {
            foreach (var method in (list as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var current = TrustedInstitution.ReadMethod(method, Did);
                if (current is not null && newer.Institution.Find(current.VerificationMethod) is { State: KeyState.Revoked } revoked
                    && revoked.PublicKey.Equals(current.PublicKey))
                {
                    method["revoked"] = TrustedInstitution.WriteMethod(revoked)["revoked"]!.DeepClone();
                }
            }
        }
        return FromFile(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()));
    }
}
