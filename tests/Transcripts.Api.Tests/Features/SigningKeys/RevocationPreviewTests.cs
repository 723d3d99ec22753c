using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Transcripts.Api.Tests.Features.SigningKeys;

/// <summary>
/// <c>POST /signing-keys/{id}/revocation-preview</c>: the credentials the key signed before and from a compromise's start are
/// counted (those from it, not revoked, apart), nothing is saved, and a future time, another institution's key or a revoked key
/// is refused as the revocation itself would be.
/// </summary>
public abstract class RevocationPreviewTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Preview_counts_the_credentials_signed_before_and_after_the_cut_off_and_saves_nothing()
    {
        var school = await app.SeedInstitutionAsync();
        var other = await app.SeedInstitutionAsync("Other");
        using var admin = app.CreateClientFor(school.Admin);
        using var registrar = app.CreateClientFor(school.Registrar);
        async Task<Guid> IssueAsync(int competency)
        {
            var awarded = await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{school.LearnerA}/attainments",
                new { version = (int?)null, competencyId = school.Competencies[competency], levelId = school.Levels[3], reason = "Transfer credit" }));
            return Issuance.IdOf(await Issuance.IssueAchievementAsync(registrar, awarded.GetProperty("id").GetGuid()));
        }
        await IssueAsync(0);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var cutOff = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await IssueAsync(1);
        var withdrawn = await IssueAsync(2);
        (await registrar.PostAsJsonAsync($"/credentials/{withdrawn}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();
        var key = (await Seeded.Json(await admin.GetAsync("/signing-keys"))).EnumerateArray().Single(k => k.GetProperty("isActive").GetBoolean())
            .GetProperty("id").GetGuid();
        var path = $"/signing-keys/{key}/revocation-preview";
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await app.SnapshotAsync();

        var atCutOff = await Seeded.Json(await admin.PostAsJsonAsync(path, new { revokedAt = cutOff }));
        var now = await Seeded.Json(await admin.PostAsJsonAsync(path, new { }));
        var future = await admin.PostAsJsonAsync(path, new { revokedAt = app.Clock.GetUtcNow().AddDays(1) });
        var foreign = await app.CreateClientFor(other.Admin).PostAsJsonAsync(path, new { revokedAt = cutOff });

        Assert.Equal((1, 2, 1, true), Counts(atCutOff));
        Assert.Equal(cutOff, atCutOff.GetProperty("revokedAt").GetDateTimeOffset());
        Assert.Equal((3, 0, 0, true), Counts(now));
        var problem = await Problem.AssertAsync(future, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, "revokedAt", StringComparison.OrdinalIgnoreCase));
        await Problem.AssertAsync(foreign, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, await app.SnapshotAsync());

        (await admin.PostAsJsonAsync($"/signing-keys/{key}/revoke", new { reason = "Laptop stolen", revokedAt = cutOff })).EnsureSuccessStatusCode();
        await Problem.AssertAsync(await admin.PostAsJsonAsync(path, new { revokedAt = cutOff }), HttpStatusCode.Conflict, "signing-key-revoked");
    }

    private static (int Before, int From, int FromInForce, bool IsActive) Counts(JsonElement preview) =>
        (preview.GetProperty("signedBefore").GetInt32(), preview.GetProperty("signedFrom").GetInt32(),
         preview.GetProperty("signedFromInForce").GetInt32(), preview.GetProperty("isActive").GetBoolean());

    public sealed class OnSqlite(SqliteApp app) : RevocationPreviewTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RevocationPreviewTests(app), IClassFixture<PostgresApp>;
}
