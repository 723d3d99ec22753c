using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Transcripts.Api.Tests;

/// <summary>A seeded institution plus one of everything an endpoint can act on, made through the API by its admin.</summary>
public sealed record Seeded(School School, Guid EvidenceId, Guid FileEvidenceId, Guid AssessmentId, Guid AttainmentId, Guid GoalId, Guid SpareKeyId,
    Guid CredentialId = default, Guid SigningKeyId = default, Guid SuspendableCredentialId = default, Guid SuspendedCredentialId = default,
    Guid TranscriptId = default, Guid ShareLinkId = default, Guid BatchId = default)
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<Seeded> CreateAsync(TranscriptsApp app)
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        var evidence = await Id(await admin.PostAsJsonAsync($"/learners/{school.LearnerA}/evidence",
            new { title = "Essay", narrative = "Wrote an essay." }));
        var file = await Id(await admin.PostAsync($"/learners/{school.LearnerA}/evidence/files", FileForm("work.png", "image/png", Png)));
        // The assessor is the assessment's author: only they, or a registrar giving a reason, may change it.
        using var assessor = app.CreateClientFor(school.Assessor);
        var recorded = await Json(await assessor.PostAsJsonAsync("/assessments",
            new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[2], evidenceId = evidence }));
        var goal = await Id(await admin.PostAsJsonAsync($"/learners/{school.LearnerA}/goals",
            new { competencyId = school.Competencies[1], targetDate = "2027-06-30" }));
        var key = await Id(await admin.PostAsJsonAsync("/keys", new { name = "spare", role = "assessor" }));
        using var logo = new ByteArrayContent(Png);
        logo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        (await admin.PutAsync("/institution/logo", logo)).EnsureSuccessStatusCode();
        var attainment = recorded.GetProperty("attainment").GetProperty("id").GetGuid();
        var credential = await Id(await admin.PostAsJsonAsync("/credentials/achievements", new { attainmentId = attainment }));
        var signingKey = (await Json(await admin.GetAsync("/signing-keys")))[0].GetProperty("id").GetGuid();
        return new Seeded(school, evidence, file, recorded.GetProperty("assessment").GetProperty("id").GetGuid(),
            attainment, goal, key, credential, signingKey);
    }

    /// <summary>
    /// <see cref="CreateAsync"/> plus what the rest of the endpoint table acts on (VC API credentials, one suspended; a
    /// transcript; a share link; a finished batch), for the tests driven by <see cref="Endpoints.All"/>.
    /// </summary>
    public static async Task<Seeded> ForEveryEndpointAsync(TranscriptsApp app)
    {
        var seeded = await CreateAsync(app);
        var school = seeded.School;
        using var admin = app.CreateClientFor(school.Admin);
        // A VC API credential carries a suspension entry (Open Badges and CLR credentials only a revocation entry).
        var suspendable = await IssuedByVcApiAsync(admin);
        var suspended = await IssuedByVcApiAsync(admin);
        (await admin.PostAsJsonAsync($"/credentials/{suspended}/suspend", new { reason = "Under review" })).EnsureSuccessStatusCode();
        var transcript = await Id(await admin.PostAsJsonAsync("/credentials/transcripts", new { learnerId = school.LearnerA }));
        var shareLink = await Id(await admin.PostAsJsonAsync($"/learners/{school.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId }, reason = "Sent to the college on the learner's request" }));
        // A finished batch, written directly: one made through the API would keep issuing in the background during other tests.
        var batch = await app.WithDbAsync(async db =>
        {
            var row = new Transcripts.Api.Data.Entities.Batch
            {
                InstitutionId = school.Id, CreatedByKeyId = Guid.Empty, CreatedAt = app.Clock.GetUtcNow(), FinishedAt = app.Clock.GetUtcNow(),
            };
            db.Batches.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        return seeded with
        {
            SuspendableCredentialId = suspendable,
            SuspendedCredentialId = suspended,
            TranscriptId = transcript,
            ShareLinkId = shareLink,
            BatchId = batch,
        };
    }

    /// <summary>A credential issued through <c>POST /credentials/issue</c>; its id is the last segment of the answer's location.</summary>
    private static async Task<Guid> IssuedByVcApiAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/credentials/issue", Endpoints.VcApiCredential());
        response.EnsureSuccessStatusCode();
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static MultipartFormDataContent FileForm(string name, string mediaType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<Guid> Id(HttpResponseMessage response) => (await Json(response)).GetProperty("id").GetGuid();
}
