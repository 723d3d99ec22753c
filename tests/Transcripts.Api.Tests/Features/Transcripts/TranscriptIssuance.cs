using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>A seeded institution whose learner A has two attainments and an issued CLR transcript, made through the API.</summary>
public sealed record IssuedTranscript(Seeded Seeded, Guid CredentialId, Guid AchievementCredentialId)
{
    public School School => Seeded.School;

    public static async Task<IssuedTranscript> CreateAsync(TranscriptsApp app)
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        (await registrar.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/attainments",
            new { version = (int?)null, competencyId = seeded.School.Competencies[2], levelId = seeded.School.Levels[3], reason = "Transfer credit" })).EnsureSuccessStatusCode();
        var id = await IssueAsync(registrar, seeded.School.LearnerA);
        var clr = await Issuance.GetCredentialAsync(registrar, id);
        var badge = Issuance.IdOf(clr["credentialSubject"]!["verifiableCredential"]![0]!.AsObject());
        return new IssuedTranscript(seeded, id, badge);
    }

    public static async Task<Guid> IssueAsync(HttpClient registrar, Guid learnerId) =>
        (await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId }))).GetProperty("id").GetGuid();

    /// <summary>The institution's published key named by <paramref name="verificationMethod"/>, from its DID document.</summary>
    public static async Task<PublicKey> PublishedKeyAsync(TranscriptsApp app, Guid institutionId, string verificationMethod)
    {
        using var anonymous = app.CreateClient();
        var did = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{institutionId}/did.json"))!;
        var method = did["verificationMethod"]!.AsArray().Single(m => (string)m!["id"]! == verificationMethod)!;
        return Multikey.Decode((string)method["publicKeyMultibase"]!);
    }
}
