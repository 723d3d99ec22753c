using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.StatusLists;

public abstract class StatusListTests(TranscriptsApp app)
{
    private static (string Url, int Index) EntryOf(JsonObject credential) =>
        ((string)credential["credentialStatus"]!["statusListCredential"]!, int.Parse((string)credential["credentialStatus"]!["statusListIndex"]!,
            System.Globalization.CultureInfo.InvariantCulture));

    [SkippableFact]
    public async Task The_published_list_is_signed_has_at_least_131072_entries_and_answers_304_to_its_etag()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        using var anonymous = app.CreateClient();
        var (url, _) = EntryOf(credential);

        var response = await anonymous.GetAsync(new Uri(url).AbsolutePath);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url).AbsolutePath);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var notModified = await anonymous.SendAsync(conditional);

        Assert.Equal(url, (string)list["id"]!);
        Assert.Contains("BitstringStatusListCredential", list["type"]!.AsArray().Select(t => (string)t!));
        Assert.True(BitstringStatusList.Decode((string)list["credentialSubject"]!["encodedList"]!).Length >= 131_072);
        var bundle = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{seeded.School.Id}/trust-bundle"))!;
        Assert.True(DataIntegrityProof.Verify(list, new ProofVerificationOptions { DidDocuments = [bundle["didDocument"]!.AsObject()] }).IsVerified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        await Problem.AssertAsync(await anonymous.GetAsync($"/status/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task Revoking_sets_the_bit_at_once_changes_the_etag_and_the_credential_fails_verification()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        var id = Issuance.IdOf(credential);
        using var anonymous = app.CreateClient();
        var (url, index) = EntryOf(credential);
        var etag = (await anonymous.GetAsync(new Uri(url).AbsolutePath)).Headers.ETag!;

        await Problem.AssertAsync(await assessor.PostAsJsonAsync($"/credentials/{id}/revoke", new { reason = "Issued in error" }), HttpStatusCode.Forbidden, "forbidden");
        (await registrar.PostAsJsonAsync($"/credentials/{id}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();
        var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url).AbsolutePath);
        conditional.Headers.IfNoneMatch.Add(etag);
        var changed = await anonymous.SendAsync(conditional);
        var list = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(BitstringStatusList.Decode((string)list["credentialSubject"]!["encodedList"]!).IsSet(index));
        var report = await Issuance.VerifyAsync(app, seeded.School.Id, credential);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.Status]!.Status);
        await Problem.AssertAsync(await registrar.PostAsJsonAsync($"/credentials/{id}/revoke", new { reason = "again" }), HttpStatusCode.Conflict, "already-revoked");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync($"/credentials/{id}/suspend", new { reason = "Under review" }), HttpStatusCode.Conflict, "already-revoked");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync($"/credentials/{Guid.NewGuid()}/revoke", new { reason = "Unknown" }), HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task Parallel_revocations_lose_no_bit()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        var ids = new List<Guid>();
        foreach (var competency in school.Competencies)
        {
            foreach (var learner in new[] { school.LearnerA, school.LearnerB })
            {
                var awarded = await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{learner}/attainments",
                    new { version = (int?)null, competencyId = competency, levelId = school.Levels[2], reason = "Transfer credit" }));
                var issued = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = awarded.GetProperty("id").GetGuid() }));
                ids.Add(issued.GetProperty("id").GetGuid());
            }
        }

        var responses = await Task.WhenAll(ids.Select(async id =>
        {
            using var client = app.CreateClientFor(school.Registrar);
            return await client.PostAsJsonAsync($"/credentials/{id}/revoke", new { reason = "Batch withdrawn" });
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var credentials = await app.WithDbAsync(db => db.Credentials.Where(c => ids.Contains(c.Id)).ToListAsync());
        var list = await app.WithDbAsync(db => db.StatusLists.SingleAsync(l => l.Id == credentials[0].RevocationListId));
        var published = BitstringStatusList.Decode((string)JsonNode.Parse(list.Bytes)!["credentialSubject"]!["encodedList"]!);
        Assert.All(credentials, c => Assert.True(published.IsSet(c.RevocationIndex), $"bit {c.RevocationIndex} of {c.Id} was lost"));
        Assert.Equal(ids.Count, credentials.Select(c => c.RevocationIndex).Distinct().Count());
        using var admin = app.CreateClientFor(school.Admin);
        var audit = await Seeded.Json(await admin.GetAsync("/audit/verify"));
        Assert.True(audit.GetProperty("isIntact").GetBoolean(), audit.ToString());
    }

    public sealed class OnSqlite(SqliteApp app) : StatusListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : StatusListTests(app), IClassFixture<PostgresApp>;
}
