using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.Credentials;

public abstract class IssueTranscriptTests(TranscriptsApp app)
{
    private const string Schema = "clr-v2p0/clr_v2p0_clrcredential_schema.json";

    private static async Task<Seeded> WithTwoAttainmentsAsync(TranscriptsApp app)
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        (await registrar.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/attainments",
            new { version = (int?)null, competencyId = seeded.School.Competencies[2], levelId = seeded.School.Levels[3], reason = "Transfer credit" })).EnsureSuccessStatusCode();
        return seeded;
    }

    [SkippableFact]
    public async Task Issue_returns_a_clr_that_matches_the_schema_embeds_verifiable_badges_and_verifies()
    {
        var seeded = await WithTwoAttainmentsAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);

        var response = await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA });
        var clr = await Issuance.GetCredentialAsync(registrar, (await Seeded.Json(response)).GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("", Issuance.ValidateSchema(Schema, clr));
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], clr["@context"]!.AsArray().Select(c => (string)c!));
        var subject = clr["credentialSubject"]!;
        var embedded = subject["verifiableCredential"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(2, embedded.Count);
        Assert.All(subject["association"]!.AsArray(), a => Assert.Equal("isChildOf", (string)a!["associationType"]!));
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, seeded.School.Id, clr)).Outcome);
        foreach (var badge in embedded)
        {
            Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, seeded.School.Id, badge)).Outcome);
            var stored = await app.WithDbAsync(db => db.Credentials.SingleAsync(c => c.Id == Issuance.IdOf(badge)));
            Assert.Equal(JsonNode.Parse(stored.Bytes)!.ToJsonString(), badge.ToJsonString());
        }
    }

    [SkippableFact]
    public async Task Issuing_again_returns_the_current_transcript_and_a_subset_is_its_own_credential()
    {
        var seeded = await WithTwoAttainmentsAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var first = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }));

        var again = await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA });
        var subset = await registrar.PostAsJsonAsync("/credentials/transcripts",
            new { learnerId = seeded.School.LearnerA, attainmentIds = new[] { seeded.AttainmentId } });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetGuid(), (await Seeded.Json(again)).GetProperty("id").GetGuid());
        var clr = await Issuance.GetCredentialAsync(registrar, (await Seeded.Json(subset)).GetProperty("id").GetGuid());
        Assert.Single(clr["credentialSubject"]!["verifiableCredential"]!.AsArray());
        Assert.Equal(3, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.LearnerId == seeded.School.LearnerA && c.RevokedAt == null)) - 1);
    }

    [SkippableFact]
    public async Task Issue_refuses_unknown_learners_and_learners_without_attainments_and_stores_nothing()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await app.SeedInstitutionAsync("Other school");
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        var before = await app.SnapshotAsync();

        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = Guid.NewGuid() }),
            HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = other.LearnerA }),
            HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerB }),
            HttpStatusCode.Conflict, "nothing-to-issue");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/transcripts",
            new { learnerId = seeded.School.LearnerA, attainmentIds = new[] { Guid.NewGuid() } }), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await assessor.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }),
            HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(before, await app.SnapshotAsync());
    }

    public sealed class OnSqlite(SqliteApp app) : IssueTranscriptTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IssueTranscriptTests(app), IClassFixture<PostgresApp>;
}
