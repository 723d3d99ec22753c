using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.Learners;

public abstract class ImportLearnersTests(TranscriptsApp app)
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<int> LearnersOf(Guid institutionId) => app.WithDbAsync(db => db.Learners.CountAsync(l => l.InstitutionId == institutionId));

    [SkippableFact]
    public async Task Good_csv_creates_every_learner_with_identifiers_and_reimport_updates_them()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        const string file = "name,identifiers,email,dateOfBirth\r\n" +
            "Nguyễn Thị Minh Khai,sis:1001;state:VN-77,minh@example.org,2011-04-05\r\n" +
            "\"O'Connor, Liam\",1002,,\r\n" +
            "Ελένη Παπαδοπούλου,sis:1003,eleni@example.org,\r\n";

        var result = await Seeded.Json(await registrar.PostAsync("/learners/import", Csv(file)));
        var again = await Seeded.Json(await registrar.PostAsync("/learners/import", Csv(file
            .Replace("minh@example.org", "khai@example.org", StringComparison.Ordinal)
            .Replace("sis:1003,", "sis:1003;state:GR-5,", StringComparison.Ordinal))));

        Assert.Equal(3, result.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("updated").GetInt32());
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(5, await LearnersOf(school.Id));
        var found = await Seeded.Json(await registrar.GetAsync("/learners?identifier=VN-77"));
        var minh = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("Nguyễn Thị Minh Khai", minh.GetProperty("name").GetString());
        Assert.Equal("khai@example.org", minh.GetProperty("email").GetString());
        Assert.Equal("2011-04-05", minh.GetProperty("dateOfBirth").GetString());
        var liam = Assert.Single((await Seeded.Json(await registrar.GetAsync("/learners?identifier=1002"))).GetProperty("items").EnumerateArray());
        Assert.Equal("O'Connor, Liam", liam.GetProperty("name").GetString());
        Assert.Equal(1, (await Seeded.Json(await registrar.GetAsync("/learners?identifier=GR-5"))).GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task Csv_with_a_byte_order_mark_quoted_fields_and_line_breaks_in_quotes_imports_and_numbers_lines_as_written()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        const string good = "name,identifiers,email,dateOfBirth\r\n" +
            "\"Doe, \"\"JJ\"\" Jane\",\"sis:2001;\r\nstate:TX-9\",jj@example.org,2010-02-03\r\n" +
            "\r\n" +
            "\"Émile Zola\",sis:2002,,\r\n";
        const string bad = "name,identifiers\n\"Multi\nline\",sis:2003\nNo Id,\n";
        static ByteArrayContent WithBom(string text)
        {
            var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            return content;
        }

        var result = await Seeded.Json(await registrar.PostAsync("/learners/import", WithBom(good)));
        var problem = await Problem.AssertAsync(await registrar.PostAsync("/learners/import", WithBom(bad)), HttpStatusCode.BadRequest, "import-rejected");

        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var jane = Assert.Single((await Seeded.Json(await registrar.GetAsync("/learners?identifier=TX-9"))).GetProperty("items").EnumerateArray());
        Assert.Equal("Doe, \"JJ\" Jane", jane.GetProperty("name").GetString());
        Assert.Equal(["sis:2001", "state:TX-9"],
            jane.GetProperty("identifiers").EnumerateArray().Select(i => $"{i.GetProperty("scheme").GetString()}:{i.GetProperty("value").GetString()}").Order());
        Assert.Equal(1, (await Seeded.Json(await registrar.GetAsync("/learners?identifier=2002"))).GetProperty("total").GetInt32());
        Assert.Equal(["line 4"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [SkippableFact]
    public async Task File_with_bad_rows_is_rejected_listing_every_bad_row_and_nothing_is_imported()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        const string file = "name,identifiers,email,dateOfBirth\n" +
            "Good One,sis:1,good@example.org,2010-01-01\n" +
            ",sis:2,,\n" +
            "No Id,,,\n" +
            "Bad Email,sis:3,not-an-email,\n" +
            "Bad Date,sis:4,,2010-13-45\n" +
            "Duplicate,sis:1,,\n" +
            "Good Two,sis:5,,\n";
        var before = await app.SnapshotAsync();

        var problem = await Problem.AssertAsync(await registrar.PostAsync("/learners/import", Csv(file)), HttpStatusCode.BadRequest, "import-rejected");

        var errors = problem.GetProperty("errors");
        Assert.Equal(["line 3", "line 4", "line 5", "line 6", "line 7"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("name", errors.GetProperty("line 3")[0].GetString());
        Assert.Contains("no identifier", errors.GetProperty("line 4")[0].GetString());
        Assert.Contains("email", errors.GetProperty("line 5")[0].GetString());
        Assert.Contains("date of birth", errors.GetProperty("line 6")[0].GetString());
        Assert.Contains("line 2", errors.GetProperty("line 7")[0].GetString());
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(2, await LearnersOf(school.Id));
    }

    [SkippableFact]
    public async Task OneRoster_users_csv_imports_students_only()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        const string file =
            "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n" +
            "u-1,active,2026-08-01T00:00:00Z,true,org-1,student,akuz,\"{ldap:akuz},{sis:S77}\",Анна,Кузнецова,,77,anna@example.org,,,,09,\n" +
            "u-2,active,2026-08-01T00:00:00Z,true,org-1,teacher,tjones,,Tom,Jones,,,tom@example.org,,,,,\n" +
            "u-3,active,2026-08-01T00:00:00Z,true,org-1,student,zy,,Zeynep,Yılmaz,,78,,,,,10,\n";

        var result = await Seeded.Json(await registrar.PostAsync("/learners/import", Seeded.FileForm("users.csv", "text/csv", Encoding.UTF8.GetBytes(file))));

        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
        var anna = Assert.Single((await Seeded.Json(await registrar.GetAsync("/learners?identifier=u-1"))).GetProperty("items").EnumerateArray());
        Assert.Equal("Анна Кузнецова", anna.GetProperty("name").GetString());
        Assert.Equal(["identifier:77", "ldap:akuz", "oneroster:u-1", "sis:S77"],
            anna.GetProperty("identifiers").EnumerateArray().Select(i => $"{i.GetProperty("scheme").GetString()}:{i.GetProperty("value").GetString()}").Order());
    }

    [SkippableFact]
    public async Task OneRoster_file_with_bad_rows_lists_each()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        const string file = "sourcedId,role,givenName,familyName,userIds\n" +
            ",student,A,B,\n" +
            "u-9,student,,,\n" +
            "u-10,student,C,D,{broken\n";

        var problem = await Problem.AssertAsync(await registrar.PostAsync("/learners/import", Csv(file)), HttpStatusCode.BadRequest, "import-rejected");

        Assert.Equal(["line 2", "line 3", "line 4"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(2, await LearnersOf(school.Id));
    }

    [SkippableFact]
    public async Task Broken_quoting_and_missing_header_are_rejected()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);

        var quoting = await Problem.AssertAsync(await registrar.PostAsync("/learners/import", Csv("name,identifiers\n\"Open,sis:1\n")),
            HttpStatusCode.BadRequest, "import-rejected");
        var header = await Problem.AssertAsync(await registrar.PostAsync("/learners/import", Csv("fullname,id\nA,1\n")),
            HttpStatusCode.BadRequest, "import-rejected");

        Assert.True(quoting.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Contains("name", header.GetProperty("errors").GetProperty("header")[0].GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : ImportLearnersTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ImportLearnersTests(app), IClassFixture<PostgresApp>;
}
