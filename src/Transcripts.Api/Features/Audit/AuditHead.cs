using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Api.Features.Audit;

/// <summary>
/// The head of an institution's keyed audit and disclosure chains, signed with its current signing key (a Data Integrity proof,
/// eddsa-jcs-2022 or ecdsa-jcs-2019): a document the institution archives elsewhere, so that a later check can tell that the chains
/// still reach it. Published files live in <c>{DataDirectory}/audit-heads/{institution}/</c>, one per publication.
/// </summary>
internal sealed record AuditHead(Guid InstitutionId, DateTimeOffset PublishedAt, long AuditSequence, string AuditMac,
    long DisclosureSequence, string DisclosureMac)
{
    public const string Folder = "audit-heads";

    public static async Task<AuditHead> CurrentAsync(TranscriptsDb db, Guid institutionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.InstitutionId == institutionId && e.ChainSequence != null)
            .OrderByDescending(e => e.ChainSequence).Select(e => new { Sequence = e.ChainSequence!.Value, Mac = e.Mac! }).FirstOrDefaultAsync(cancellationToken);
        var disclosure = await db.Disclosures.AsNoTracking().Where(d => d.InstitutionId == institutionId && d.ChainSequence != null)
            .OrderByDescending(d => d.ChainSequence).Select(d => new { Sequence = d.ChainSequence!.Value, Mac = d.Mac! }).FirstOrDefaultAsync(cancellationToken);
        return new AuditHead(institutionId, AuditChain.Truncate(now), audit?.Sequence ?? 0, audit?.Mac ?? AuditChain.Genesis,
            disclosure?.Sequence ?? 0, disclosure?.Mac ?? AuditChain.Genesis);
    }

    public JsonObject Sign(IssuerSigner signer)
    {
        var document = new JsonObject
        {
            ["type"] = "TranscriptsAuditHead",
            ["issuer"] = signer.Identity.Did,
            ["institutionId"] = InstitutionId.ToString("D"),
            ["publishedAt"] = PublishedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["audit"] = new JsonObject { ["sequence"] = AuditSequence, ["mac"] = AuditMac },
            ["disclosures"] = new JsonObject { ["sequence"] = DisclosureSequence, ["mac"] = DisclosureMac },
        };
        var suite = signer.Pair.Type == KeyType.Ed25519 ? "eddsa-jcs-2022" : "ecdsa-jcs-2019";
        return DataIntegrityProof.Sign(document, new ProofOptions { Cryptosuite = suite, VerificationMethod = signer.VerificationMethod, Created = signer.Now }, signer.Pair);
    }

    public static AuditHead? FromDocument(JsonNode? document)
    {
        if (document?["institutionId"]?.GetValue<string>() is not { } id || !Guid.TryParse(id, out var institutionId)
            || document["publishedAt"]?.GetValue<string>() is not { } at || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var publishedAt))
        {
            return null;
        }
        return new AuditHead(institutionId, publishedAt, document["audit"]?["sequence"]?.GetValue<long>() ?? 0, document["audit"]?["mac"]?.GetValue<string>() ?? "",
            document["disclosures"]?["sequence"]?.GetValue<long>() ?? 0, document["disclosures"]?["mac"]?.GetValue<string>() ?? "");
    }

    public static string FolderOf(string dataDirectory, Guid institutionId) =>
        Path.Combine(Path.GetFullPath(dataDirectory), Folder, institutionId.ToString("D"));

    /// <summary>The most recently published head of the institution in the data folder, if any.</summary>
    public static AuditHead? LatestPublished(string dataDirectory, Guid institutionId)
    {
        var folder = FolderOf(dataDirectory, institutionId);
        var latest = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).LastOrDefault() : null;
        return latest is null ? null : FromDocument(JsonNode.Parse(File.ReadAllBytes(latest)));
    }

    public string Write(string dataDirectory, JsonObject signed)
    {
        var folder = Directory.CreateDirectory(FolderOf(dataDirectory, InstitutionId)).FullName;
        var path = Path.Combine(folder, $"{PublishedAt:yyyyMMdd'T'HHmmssfff'Z'}-{AuditSequence:D12}.json");
        File.WriteAllText(path, signed.ToJsonString());
        return path;
    }
}
