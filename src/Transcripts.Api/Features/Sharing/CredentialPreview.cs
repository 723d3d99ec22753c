using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;

namespace Transcripts.Api.Features.Sharing;

/// <summary>
/// What a college receives in one signed credential, read from the bytes exactly as signed (never from the database):
/// every field by its JSON path, and a summary of what concerns the learner (name, identifiers, evidence, explanations).
/// A learner reads it before sharing; nothing in it can differ from what the college gets.
/// </summary>
internal static class CredentialPreview
{
    /// <summary>A learner identifier as signed: plain text, or an OB 3.0 IdentityHash that only someone who knows the identifier can check.</summary>
    public sealed record Identifier(string? IdentityType, bool IsHashed, string? Value);
    /// <summary>One evidence entry: its reference (URL or urn), digest, and whether its narrative text is signed in.</summary>
    public sealed record EvidenceItem(string? Name, string? Reference, string? DigestMultibase, bool CarriesNarrative);
    /// <summary>One achievement credential (a transcript lists each one it embeds).</summary>
    public sealed record Achievement(string? CredentialId, string? Competency, IReadOnlyList<EvidenceItem> Evidence, string? Explanation);
    /// <summary>A field a college receives: its path (<c>credentialSubject.identifier[1].identityHash</c>) and value as JSON text.</summary>
    public sealed record Field(string Path, string Value);
    public sealed record Response(Guid CredentialId, string Kind, bool IsRevoked, string? LearnerName, IReadOnlyList<Identifier> Identifiers,
        IReadOnlyList<Achievement> Achievements, IReadOnlyList<Field> Fields);

    public static Response Describe(Credential credential)
    {
        var signed = JsonNode.Parse(credential.Bytes)!.AsObject();
        var subject = signed["credentialSubject"] as JsonObject;
        var identifiers = (subject?["identifier"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var embedded = (subject?["verifiableCredential"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var fields = new List<Field>();
        Flatten(signed, "", fields);
        var achievements = embedded.Count == 0 && subject?["achievement"] is JsonObject ? [signed] : embedded;
        return new Response(credential.Id, credential.Kind.ToString(), credential.RevokedAt is not null,
            identifiers.FirstOrDefault(i => Text(i, "identityType") == "name" && i["hashed"]?.GetValueKind() == JsonValueKind.False) is { } name
                ? Text(name, "identityHash") : null,
            [.. identifiers.Select(i => new Identifier(Text(i, "identityType"), i["hashed"]?.GetValueKind() == JsonValueKind.True, Text(i, "identityHash")))],
            [.. achievements.Select(AchievementOf)],
            fields);
    }

    private static Achievement AchievementOf(JsonObject credential)
    {
        var evidence = (credential["evidence"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var explanation = evidence.FirstOrDefault(e => Text(e, "genre") == AttainmentExplanation.Genre);
        return new Achievement(Text(credential, "id"), Text(credential["credentialSubject"]?["achievement"] as JsonObject, "name"),
            [.. evidence.Where(e => e != explanation).Select(e => new EvidenceItem(Text(e, "name"), Text(e, "id"), Text(e, "digestMultibase"), e["narrative"] is not null))],
            explanation is null ? null : Text(explanation, "narrative"));
    }

    private static void Flatten(JsonNode? node, string path, List<Field> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Flatten(value, path.Length == 0 ? name : $"{path}.{name}", fields);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), fields);
                }
                break;
            case null:
                fields.Add(new Field(path, "null"));
                break;
            default:
                fields.Add(new Field(path, node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()));
                break;
        }
    }

    private static string? Text(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
