using System.Net;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Learners;

public abstract class LearnerTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Registrar_creates_edits_filters_and_archives_learners()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);

        var created = await Seeded.Json(await registrar.PostAsJsonAsync("/learners", new
        {
            name = "Nguyễn Thị Minh Khai", email = "minh@example.org", dateOfBirth = "2011-04-05",
            identifiers = new[] { new { scheme = "sis", value = "S-100" }, new { scheme = "state", value = "VN-1" } },
        }));
        var id = created.GetProperty("id").GetGuid();
        var edited = await Seeded.Json(await registrar.PutAsJsonAsync($"/learners/{id}", new
        {
            name = "Nguyễn Thị Minh Khai", identifiers = new[] { new { scheme = "sis", value = "S-101" } }, version = 0,
        }));
        var byName = await Seeded.Json(await registrar.GetAsync("/learners?name=Minh"));
        var byOldId = await Seeded.Json(await registrar.GetAsync("/learners?identifier=S-100"));
        Assert.Equal(HttpStatusCode.NoContent, (await registrar.DeleteAsync($"/learners/{id}?version=1")).StatusCode);
        var afterArchive = await Seeded.Json(await registrar.GetAsync("/learners?name=Minh"));
        var withArchived = await Seeded.Json(await registrar.GetAsync("/learners?name=Minh&includeArchived=true"));

        Assert.Equal(1, edited.GetProperty("version").GetInt32());
        Assert.Equal("S-101", Assert.Single(edited.GetProperty("identifiers").EnumerateArray()).GetProperty("value").GetString());
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
        Assert.Equal(0, byOldId.GetProperty("total").GetInt32());
        Assert.Equal(0, afterArchive.GetProperty("total").GetInt32());
        Assert.True(Assert.Single(withArchived.GetProperty("items").EnumerateArray()).GetProperty("isArchived").GetBoolean());
    }

    [SkippableFact]
    public async Task A_search_by_identifier_finds_the_learner_of_any_scheme_and_only_in_the_callers_institution()
    {
        var school = await app.SeedInstitutionAsync();
        var other = await app.SeedInstitutionAsync("Other");
        using var registrar = app.CreateClientFor(school.Registrar);
        using var otherRegistrar = app.CreateClientFor(other.Registrar);
        var value = $"ID-{Guid.NewGuid():N}";
        var mine = (await Seeded.Json(await registrar.PostAsJsonAsync("/learners", new
        {
            name = "Amara Okafor", identifiers = new[] { new { scheme = "sis", value = "X-1" }, new { scheme = "state", value } },
        }))).GetProperty("id").GetGuid();
        (await otherRegistrar.PostAsJsonAsync("/learners", new { name = "Someone else", identifiers = new[] { new { scheme = "sis", value } } })).EnsureSuccessStatusCode();

        var found = await Seeded.Json(await registrar.GetAsync($"/learners?identifier={value}"));
        var byName = await Seeded.Json(await registrar.GetAsync($"/learners?identifier={value}&name=Okafor"));
        var wrongName = await Seeded.Json(await registrar.GetAsync($"/learners?identifier={value}&name=Nobody"));

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(mine, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("identifiers").GetArrayLength());
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
        Assert.Equal(0, wrongName.GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task An_identifier_belongs_to_one_learner()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        (await registrar.PostAsJsonAsync("/learners", new { name = "A", identifiers = new[] { new { scheme = "sis", value = "DUP" } } })).EnsureSuccessStatusCode();
        var before = await app.SnapshotAsync();

        var second = await registrar.PostAsJsonAsync("/learners", new { name = "B", identifiers = new[] { new { scheme = "sis", value = "DUP" } } });

        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "identifier-taken");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [SkippableFact]
    public async Task Lists_are_paginated()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        for (var i = 0; i < 5; i++)
        {
            (await registrar.PostAsJsonAsync("/learners", new { name = $"Paged {i}" })).EnsureSuccessStatusCode();
        }

        var page2 = await Seeded.Json(await registrar.GetAsync("/learners?name=Paged&page=2&pageSize=2"));

        Assert.Equal(5, page2.GetProperty("total").GetInt32());
        Assert.Equal(["Paged 2", "Paged 3"], page2.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    public sealed class OnSqlite(SqliteApp app) : LearnerTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LearnerTests(app), IClassFixture<PostgresApp>;
}
