using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Api.Features.Credentials;

/// <summary>Everything an Open Badges 3.0 AchievementCredential states about one attainment.</summary>
/// <param name="Assessments">The assessments the rule used (dates and levels), for the explanation a policy may ask for.</param>
internal sealed record AchievementFacts(Learner Learner, Attainment Attainment, Competency Competency, Framework Framework,
    ProficiencyScale Scale, IReadOnlyList<Data.Entities.Evidence> Evidence, IReadOnlyList<UsedAssessment> Assessments);

/// <summary>
/// Builds the unsigned OB 3.0 <c>AchievementCredential</c> (OB 3.0 §B.1.1): achievement of type Competency aligned to its
/// CASE item, the scale as a ResultDescription of rubric levels, the level reached as a Result, and the evidence.
/// Evidence sits on the credential, where OB 3.0 defines it. What it says about the learner follows the institution's
/// <see cref="CredentialPolicy"/>: identifiers (<see cref="LearnerIdentity"/>), evidence by reference and hash
/// (<see cref="EvidenceReference"/>) and, by choice, how the level was reached (<see cref="AttainmentExplanation"/>).
/// </summary>
internal static class AchievementCredentialBuilder
{
    public static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");

    public static JsonObject Build(Guid credentialId, JsonObject issuer, AchievementFacts facts, Uri publicBase, DateTimeOffset validFrom,
        JsonNode credentialStatus, CredentialPolicy policy)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.Vc2, CredentialContexts.Ob303),
            ["id"] = Urn(credentialId),
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = facts.Competency.AbbreviatedStatement ?? facts.Competency.FullStatement,
            ["issuer"] = issuer,
            ["validFrom"] = DateTimeStamp.Format(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = LearnerIdentity.Identifiers(facts.Learner, policy),
                ["achievement"] = Achievement(facts.Competency, facts.Framework, facts.Scale, publicBase),
                ["result"] = new JsonArray(new JsonObject
                {
                    ["type"] = new JsonArray("Result"),
                    ["resultDescription"] = Urn(facts.Scale.Id),
                    ["achievedLevel"] = Urn(facts.Attainment.LevelId!.Value),
                }),
            },
            ["credentialStatus"] = credentialStatus,
        };
        var evidence = new JsonArray(facts.Evidence.Select(e => (JsonNode?)EvidenceReference.Build(e, policy)).ToArray());
        if (policy.IncludeExplanation)
        {
            evidence.Add(AttainmentExplanation.Evidence(facts));
        }
        if (evidence.Count > 0)
        {
            credential["evidence"] = evidence;
        }
        return credential;
    }

    public static string CaseItemUri(Competency competency, Uri publicBase) =>
        new Uri(publicBase, $"ims/case/v1p1/CFItems/{competency.CaseIdentifier ?? competency.Id.ToString("D")}").ToString();

    public static JsonObject Achievement(Competency competency, Framework framework, ProficiencyScale scale, Uri publicBase)
    {
        var mastery = scale.Levels.FirstOrDefault(l => l.Id == scale.MasteryLevelId);
        var achievement = new JsonObject
        {
            ["id"] = Urn(competency.Id),
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Competency",
            ["name"] = competency.AbbreviatedStatement ?? competency.FullStatement,
            ["description"] = competency.FullStatement,
            ["criteria"] = new JsonObject
            {
                ["narrative"] = mastery is null
                    ? $"Assessed against the {scale.Title} scale of {framework.Title}."
                    : $"Assessed at {mastery.Title} or above on the {scale.Title} scale of {framework.Title}, by the framework's mastery rule or a registrar's decision.",
            },
            ["alignment"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = competency.FullStatement,
                ["targetUrl"] = CaseItemUri(competency, publicBase),
                ["targetFramework"] = framework.Title,
                ["targetType"] = "CFItem",
            }),
            ["resultDescription"] = new JsonArray(ResultDescription(scale)),
        };
        if (competency.HumanCode is { Length: > 0 } code)
        {
            achievement["humanCode"] = code;
            ((JsonObject)achievement["alignment"]![0]!)["targetCode"] = code;
        }
        return achievement;
    }

    private static JsonObject ResultDescription(ProficiencyScale scale)
    {
        var description = new JsonObject
        {
            ["id"] = Urn(scale.Id),
            ["type"] = new JsonArray("ResultDescription"),
            ["name"] = scale.Title,
            ["resultType"] = "RubricCriterionLevel",
            ["allowedValue"] = new JsonArray(scale.Levels.OrderBy(l => l.Ordinal).Select(l => (JsonNode?)l.Title).ToArray()),
            ["rubricCriterionLevel"] = new JsonArray(scale.Levels.OrderBy(l => l.Ordinal).Select(l => (JsonNode?)new JsonObject
            {
                ["id"] = Urn(l.Id),
                ["type"] = new JsonArray("RubricCriterionLevel"),
                ["name"] = l.Title,
                ["level"] = l.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["points"] = l.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        };
        if (scale.MasteryLevelId is { } mastery)
        {
            description["requiredLevel"] = Urn(mastery);
        }
        return description;
    }
}
