using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Verifier.Checking;

/// <summary>
/// A competency or achievement and the level the learner reached, as named in the credential, with the issuer's
/// explanation of how the level was reached when the credential carries one (an OB 3.0 Evidence entry of genre
/// <see cref="ExplanationGenre"/>: the rule and the dates and levels of the assessments it used).
/// </summary>
internal sealed record Competency(string Name, string? Level, string? Explanation = null)
{
    public const string ExplanationGenre = "Explanation";
}

/// <summary>What a credential says, for the person reading the report (never used to decide validity).</summary>
internal sealed record CredentialSummary(string Kind, string? Id, string? Name, string? Learner, string? IssuerId, string? IssuerName,
                                         DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, IReadOnlyList<Competency> Competencies)
{
    /// <summary>The issuer's name as the office's trust store knows it (null when the issuer is not trusted); never the credential's own claim.</summary>
    public string? TrustedIssuerName { get; init; }

    public static CredentialSummary From(JsonObject credential, IEnumerable<CredentialSummary> embedded)
    {
        var subject = credential["credentialSubject"] as JsonObject;
        var competencies = new List<Competency>();
        if (subject?["achievement"] is JsonObject achievement && Text(achievement, "name") is { } name)
        {
            competencies.Add(new Competency(name, Level(subject, achievement), ExplanationOf(credential)));
        }
        competencies.AddRange(embedded.SelectMany(e => e.Competencies));
        var issuer = credential["issuer"];
        return new CredentialSummary(
            KindOf(credential),
            Text(credential, "id"),
            Text(credential, "name"),
            subject is null ? null : LearnerOf(subject),
            issuer is JsonObject io ? Text(io, "id") : String(issuer),
            issuer is JsonObject named ? Text(named, "name") : null,
            Date(credential, "validFrom") ?? Date(credential, "issuanceDate"),
            Date(credential, "validUntil") ?? Date(credential, "expirationDate"),
            competencies);
    }

    public static string KindOf(JsonObject credential)
    {
        var types = Types(credential);
        return types.Contains("ClrCredential") ? "CLR 2.0 transcript"
            : types.Contains("AchievementCredential") || types.Contains("OpenBadgeCredential") ? "Open Badges 3.0 credential"
            : types.Contains("BitstringStatusListCredential") ? "status list"
            : types.Contains("VerifiablePresentation") ? "presentation"
            : "verifiable credential";
    }

    public static IReadOnlyList<string> Types(JsonObject obj) => obj["type"] switch
    {
        JsonArray array => [.. array.Select(String).OfType<string>()],
        var single when String(single) is { } one => [one],
        _ => [],
    };

    // OB 3.0 §B.1.9 IdentityObject: a plain-text identifier of type "name" carries the learner's name.
    private static string? LearnerOf(JsonObject subject)
    {
        if (Text(subject, "name") is { } name)
        {
            return name;
        }
        var identifiers = subject["identifier"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] };
        return identifiers.FirstOrDefault(i => Text(i, "identityType") == "name" && i["hashed"] is JsonValue h
                                                && h.GetValueKind() == JsonValueKind.False) is { } plain
            ? Text(plain, "identityHash")
            : Text(subject, "id");
    }

    private static string? ExplanationOf(JsonObject credential)
    {
        var evidence = credential["evidence"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] };
        return evidence.FirstOrDefault(e => Text(e, "genre") == Competency.ExplanationGenre) is { } explanation ? Text(explanation, "narrative") : null;
    }

    // OB 3.0 Result.achievedLevel names a RubricCriterionLevel of the achievement's ResultDescription.
    private static string? Level(JsonObject subject, JsonObject achievement)
    {
        var results = subject["result"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] };
        var levels = (achievement["resultDescription"] as JsonArray)?.OfType<JsonObject>()
            .SelectMany(d => (d["rubricCriterionLevel"] as JsonArray)?.OfType<JsonObject>() ?? []).ToList() ?? [];
        foreach (var result in results)
        {
            if (Text(result, "achievedLevel") is { } levelId)
            {
                return levels.FirstOrDefault(l => Text(l, "id") == levelId) is { } level ? Text(level, "name") ?? levelId : levelId;
            }
            if (Text(result, "value") is { } value)
            {
                return value;
            }
        }
        return null;
    }

    private static DateTimeOffset? Date(JsonObject obj, string name) =>
        DateTimeOffset.TryParse(Text(obj, name), CultureInfo.InvariantCulture,
                                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    public static string? Text(JsonObject obj, string name) => String(obj[name]);

    private static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
