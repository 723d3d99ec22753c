using System.Net;
using System.Text;

namespace Transcripts.Api.Tests.Features.Learners;

/// <summary><c>POST /learners/import?preview=true</c>: what the import would do and every bad row, with nothing saved.</summary>
public sealed class PreviewLearnerImportTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [SkippableFact]
    public async Task Preview_saves_nothing_lists_bad_rows_and_agrees_with_the_import()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        const string good = "name,identifiers,email,dateOfBirth\nAmara Okafor,sis:1,,\nLiam O'Connor,sis:2,liam@example.org,\n";
        var before = await app.FullSnapshotAsync(school.Id);

        var preview = await Seeded.Json(await registrar.PostAsync("/learners/import?preview=true", Csv(good)));
        var bad = await Seeded.Json(await registrar.PostAsync("/learners/import?preview=true", Csv(good + "No Id,,,\n")));

        Assert.Equal(before, await app.FullSnapshotAsync(school.Id));
        Assert.True(preview.GetProperty("canImport").GetBoolean());
        Assert.False(bad.GetProperty("canImport").GetBoolean());
        Assert.Contains("no identifier", bad.GetProperty("errors").GetProperty("line 4")[0].GetString());
        var imported = await Seeded.Json(await registrar.PostAsync("/learners/import", Csv(good)));
        Assert.Equal(preview.GetProperty("created").GetInt32(), imported.GetProperty("created").GetInt32());
        Assert.Equal(2, imported.GetProperty("created").GetInt32());
    }
}
