using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// Builds the unsigned CLR 2.0 <c>ClrCredential</c> (CLR 2.0 §B.1.2): the learner's signed achievement credentials embedded
/// as they were issued, the domains they belong to as achievements, and an <c>isChildOf</c> association per competency.
/// The embedded credentials are attached, not copied, unless they already belong to another document: pass documents the
/// caller no longer needs (a freshly signed or parsed credential) to save a deep copy of 30 credentials per transcript.
/// </summary>
internal static class ClrCredentialBuilder
{
    public static JsonObject Build(Guid credentialId, JsonObject issuer, Learner learner, IReadOnlyList<JsonObject> achievementCredentials,
        IReadOnlyList<(Competency Competency, Competency? Domain, Framework Framework, ProficiencyScale Scale)> competencies, Uri publicBase,
        DateTimeOffset validFrom, JsonNode credentialStatus, CredentialPolicy policy)
    {
        var domains = competencies.Where(c => c.Domain is not null).GroupBy(c => c.Domain!.Id).Select(g => g.First()).ToList();
        var subject = new JsonObject
        {
            ["type"] = new JsonArray("ClrSubject"),
            ["identifier"] = LearnerIdentity.Identifiers(learner, policy),
            ["verifiableCredential"] = new JsonArray(achievementCredentials.Select(c => (JsonNode?)(c.Parent is null ? c : c.DeepClone())).ToArray()),
        };
        if (domains.Count > 0)
        {
            subject["achievement"] = new JsonArray(domains.Select(d => (JsonNode?)AchievementCredentialBuilder.Achievement(d.Domain!, d.Framework, d.Scale, publicBase)).ToArray());
            subject["association"] = new JsonArray(competencies.Where(c => c.Domain is not null).Select(c => (JsonNode?)new JsonObject
            {
                ["type"] = "Association",
                ["associationType"] = "isChildOf",
                ["sourceId"] = AchievementCredentialBuilder.Urn(c.Competency.Id),
                ["targetId"] = AchievementCredentialBuilder.Urn(c.Domain!.Id),
            }).ToArray());
        }
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.Vc2, CredentialContexts.Clr201, CredentialContexts.Ob303),
            ["id"] = AchievementCredentialBuilder.Urn(credentialId),
            ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
            ["name"] = $"Transcript of {learner.Name}",
            ["issuer"] = issuer,
            ["validFrom"] = DateTimeStamp.Format(validFrom),
            ["credentialSubject"] = subject,
            ["credentialStatus"] = credentialStatus,
        };
    }
}
