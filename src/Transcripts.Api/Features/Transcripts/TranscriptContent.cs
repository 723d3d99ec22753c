using System.Globalization;
using System.Text.Json.Nodes;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>
/// What a signed CLR 2.0 transcript states, read from its exact bytes: the issuer's name, the learner's name, the issue
/// date, and each embedded achievement credential's competency, level and evidence, grouped by the domain the CLR's
/// <c>isChildOf</c> associations name. The PDF and the public page print these, so paper and page say what was signed.
/// </summary>
internal sealed record TranscriptContent(string IssuerName, string LearnerName, DateOnly IssueDate,
    IReadOnlyList<TranscriptContent.Item> Items, IReadOnlyList<TranscriptContent.ScaleLevel> Levels)
{
    /// <summary>One competency the transcript states.</summary>
    public sealed record Item(Guid AchievementCredentialId, Guid CompetencyId, string Code, string Statement, string Domain,
        Guid LevelId, string LevelName, int LevelRank, DateOnly IssuedOn, IReadOnlyList<string> EvidenceNames);

    /// <summary>A level of a scale the transcript uses.</summary>
    public sealed record ScaleLevel(Guid Id, string Name, int Rank, bool IsMastery);

    private const string UrnUuid = "urn:uuid:";

    /// <summary>Reads a CLR credential as this service issues it; null when it is not one (an Open Badge, a VC API credential).</summary>
    public static TranscriptContent? TryRead(ReadOnlySpan<byte> signedBytes)
    {
        if (JsonNode.Parse(signedBytes) is not JsonObject clr || !HasType(clr, "ClrCredential")
            || clr["credentialSubject"] is not JsonObject subject)
        {
            return null;
        }
        var domains = (subject["achievement"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(a => (string?)a["id"] ?? "", a => (string?)a["name"] ?? "", StringComparer.Ordinal);
        var parents = (subject["association"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => (string?)a["associationType"] == "isChildOf")
            .GroupBy(a => (string?)a["sourceId"] ?? "").ToDictionary(g => g.Key, g => (string?)g.First()["targetId"] ?? "", StringComparer.Ordinal);
        var levels = new Dictionary<Guid, ScaleLevel>();
        var items = new List<Item>();
        foreach (var badge in (subject["verifiableCredential"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ReadItem(badge, domains, parents, levels) is { } item)
            {
                items.Add(item);
            }
        }
        var learner = (subject["identifier"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(i => (string?)i["identityType"] == "name")?["identityHash"];
        return new TranscriptContent(IssuerNameOf(clr), (string?)learner ?? "", DateOf(clr),
            [.. items.OrderBy(i => i.Domain, StringComparer.CurrentCulture).ThenBy(i => i.Code, StringComparer.Ordinal)],
            [.. levels.Values.OrderBy(l => l.Rank)]);
    }

    private static Item? ReadItem(JsonObject badge, Dictionary<string, string> domains, Dictionary<string, string> parents,
        Dictionary<Guid, ScaleLevel> levels)
    {
        if (badge["credentialSubject"] is not JsonObject subject || subject["achievement"] is not JsonObject achievement
            || !TryUuid((string?)achievement["id"], out var competencyId) || !TryUuid((string?)badge["id"], out var badgeId))
        {
            return null;
        }
        var rubric = (achievement["resultDescription"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault();
        var required = (string?)rubric?["requiredLevel"];
        var requiredRank = int.MaxValue;
        var scale = new List<ScaleLevel>();
        foreach (var level in (rubric?["rubricCriterionLevel"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (TryUuid((string?)level["id"], out var levelId))
            {
                var rank = int.TryParse((string?)level["level"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 0;
                requiredRank = (string?)level["id"] == required ? rank : requiredRank;
                scale.Add(new ScaleLevel(levelId, (string?)level["name"] ?? "", rank, false));
            }
        }
        foreach (var level in scale)
        {
            levels.TryAdd(level.Id, level with { IsMastery = level.Rank == requiredRank });
        }
        var achieved = (subject["result"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (string?)r["achievedLevel"]).FirstOrDefault();
        var reached = TryUuid(achieved, out var reachedId) ? scale.FirstOrDefault(l => l.Id == reachedId) : null;
        var competencyUrn = (string)achievement["id"]!;
        var domain = parents.TryGetValue(competencyUrn, out var parent) && domains.TryGetValue(parent, out var name) && name.Length > 0
            ? name
            : (string?)(achievement["alignment"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["targetFramework"] ?? "";
        var evidence = (badge["evidence"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (string?)e["name"] ?? "")
            .Where(n => n.Length > 0).ToList();
        return new Item(badgeId, competencyId, (string?)achievement["humanCode"] ?? "",
            (string?)achievement["description"] ?? (string?)achievement["name"] ?? "", domain,
            reached?.Id ?? Guid.Empty, reached?.Name ?? "", reached?.Rank ?? 0, DateOf(badge), evidence);
    }

    private static string IssuerNameOf(JsonObject credential) => credential["issuer"] switch
    {
        JsonObject issuer => (string?)issuer["name"] ?? (string?)issuer["id"] ?? "",
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    private static DateOnly DateOf(JsonObject credential) =>
        DateTimeOffset.TryParse((string?)credential["validFrom"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime) : DateOnly.MinValue;

    private static bool HasType(JsonObject credential, string type) =>
        credential["type"] is JsonArray types && types.Any(t => t?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)t == type);

    public static bool TryUuid(string? urn, out Guid id)
    {
        id = Guid.Empty;
        return urn is not null && urn.StartsWith(UrnUuid, StringComparison.Ordinal) && Guid.TryParse(urn.AsSpan(UrnUuid.Length), out id);
    }
}
