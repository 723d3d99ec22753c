using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// One OB 3.0 <c>Evidence</c> entry (OB 3.0 §B.1.8) by reference and hash: its title, a URL (a link's own address, else
/// <c>urn:uuid:</c> of the evidence record) and a <c>digestMultibase</c> (VC Data Model 2.0 §5.3: multibase base64url of a
/// SHA-256 multihash) over the file's bytes or the narrative's UTF-8 text, so the learner can later show the evidence and
/// anyone can check it is what was signed. The narrative text itself is signed only when the institution's policy says so.
/// </summary>
internal static class EvidenceReference
{
    /// <summary>The multihash prefix of SHA-256: code 0x12, length 32.</summary>
    private static ReadOnlySpan<byte> Sha256Multihash => [0x12, 0x20];

    public static JsonObject Build(Data.Entities.Evidence evidence, CredentialPolicy policy)
    {
        var node = new JsonObject
        {
            ["id"] = evidence.Url is { Length: > 0 } url ? url : AchievementCredentialBuilder.Urn(evidence.Id),
            ["type"] = new JsonArray("Evidence"),
            ["name"] = evidence.Title,
        };
        if (evidence.Kind == EvidenceKind.File && evidence.FileSha256 is { Length: 64 } fileHash)
        {
            node["genre"] = evidence.MediaType;
            node["digestMultibase"] = DigestMultibase(Convert.FromHexString(fileHash));
        }
        if (evidence.Narrative is { Length: > 0 } narrative)
        {
            node["digestMultibase"] = DigestMultibase(SHA256.HashData(Encoding.UTF8.GetBytes(narrative)));
            if (policy.IncludeEvidenceNarratives)
            {
                node["narrative"] = narrative;
            }
        }
        return node;
    }

    /// <summary>The multibase (base64url, prefix <c>u</c>) of the SHA-256 multihash of a 32-byte digest.</summary>
    public static string DigestMultibase(ReadOnlySpan<byte> sha256)
    {
        byte[] multihash = [.. Sha256Multihash, .. sha256];
        return "u" + System.Buffers.Text.Base64Url.EncodeToString(multihash);
    }
}
