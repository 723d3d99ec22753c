using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.VcApi;

/// <summary>
/// What the VC API signs for a registrar, so that the endpoint is not a signing oracle for the school's key:
/// <list type="bullet">
/// <item>no reserved type: status list credentials (a signed list with every bit clear would "un-revoke" what it is
/// stapled to), and the Open Badges and CLR credentials the service mints itself from attainments (a badge or transcript
/// signed here would be indistinguishable from one backed by the school's records);</item>
/// <item>the issuer is the institution as it stands in the service: its DID, and for VC 2.0 its name; whatever issuer
/// profile the caller sent (a name, an image, a URL) is dropped;</item>
/// <item>the status entries are the institution's own (see <see cref="CredentialIssuer.IssueSubmittedAsync"/>).</item>
/// </list>
/// </summary>
internal static class SubmittedCredentialPolicy
{
    /// <summary>Types the VC API refuses to sign. See docs/problems.md (reserved-credential-type).</summary>
    public static readonly IReadOnlySet<string> ReservedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "BitstringStatusListCredential", "StatusList2021Credential", "RevocationList2020Credential",
        "OpenBadgeCredential", "AchievementCredential", "EndorsementCredential", "ClrCredential",
    };

    /// <summary>A problem when the credential names a reserved type, else null.</summary>
    public static ProblemHttpResult? Check(JsonObject credential)
    {
        var types = credential["type"] switch
        {
            JsonArray a => a.Where(t => t?.GetValueKind() == JsonValueKind.String).Select(t => (string)t!),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [(string)v!],
            _ => [],
        };
        return types.FirstOrDefault(ReservedTypes.Contains) is { } reserved ? Problems.ReservedCredentialType(reserved) : null;
    }

    /// <summary>Replaces the caller's issuer with the institution's: its DID, and for VC 2.0 an object with its name.</summary>
    public static void SetIssuer(JsonObject credential, IssuerIdentity identity, bool isVc2)
    {
        credential["issuer"] = isVc2
            ? new JsonObject { ["id"] = identity.Did, ["name"] = identity.Institution.Name }
            // VC 1.1 defines no issuer name term; the DID alone names the institution, whose trust bundle carries its profile.
            : identity.Did;
    }
}
