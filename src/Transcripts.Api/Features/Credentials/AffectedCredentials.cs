using System.Text.Json;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// The credentials a change takes with it, as its preview lists them: which transcripts embed an achievement credential
/// (their ids are in the signed JSON), and how each affected credential is shown.
/// </summary>
internal static class AffectedCredentials
{
    public sealed record Affected(Guid Id, string Kind, DateTimeOffset IssuedAt, string Url);

    /// <summary>The preview's view of <paramref name="credentials"/>.</summary>
    public static IReadOnlyList<Affected> Describe(IEnumerable<Credential> credentials) =>
        [.. credentials.Select(c => new Affected(c.Id, c.Kind.ToString(), c.IssuedAt, $"/credentials/{c.Id}"))];

    /// <summary>Whether <paramref name="transcript"/> embeds any of the achievement credentials <paramref name="achievementUrns"/>.</summary>
    public static bool Embeds(Credential transcript, HashSet<string> achievementUrns)
    {
        using var document = JsonDocument.Parse(transcript.Bytes);
        if (!document.RootElement.TryGetProperty("credentialSubject", out var subject) || subject.ValueKind != JsonValueKind.Object
            || !subject.TryGetProperty("verifiableCredential", out var inner) || inner.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        return inner.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String && achievementUrns.Contains(id.GetString()!));
    }
}
