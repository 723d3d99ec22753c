using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The learner import page over TestServer: an upload is previewed with nothing saved, confirmed once from the kept upload,
/// and a file with a bad row shows that row and saves nothing; a form without its antiforgery token is refused.
/// </summary>
public sealed partial class ImportPageTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Page = "/app/import/learners";
    private const string Good = "name,identifiers,email,dateOfBirth\nAmara Okafor,sis:IMP-1,,\nLiam O'Connor,sis:IMP-2,liam@example.org,\n";

    [Fact]
    public async Task An_upload_is_previewed_without_saving_then_imported_once_from_the_kept_file()
    {
        var school = await app.SeedInstitutionAsync();
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var before = await app.FullSnapshotAsync(school.Id);

        var preview = await UploadAsync(client, Good);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("2 new, 0 updated, 0 unchanged", html, StringComparison.Ordinal);
        Assert.Contains("Liam O&#x27;Connor", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.FullSnapshotAsync(school.Id));
        var uploadId = UploadIdField().Match(html).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9_-]{16,}$", uploadId);

        var confirmed = await ConfirmAsync(client, uploadId);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/app/import/learners?created=2&updated=0&unchanged=0&skipped=0", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(2, await LearnersNamedAsync(school.Id));

        var again = await ConfirmAsync(client, uploadId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("expired or was already imported", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await LearnersNamedAsync(school.Id));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_shows_the_row_offers_no_import_and_saves_nothing()
    {
        var school = await app.SeedInstitutionAsync();
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var before = await app.FullSnapshotAsync(school.Id);

        var response = await UploadAsync(client, Good + "No Identifier,,,\n");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Upload-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Line 4:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("no identifier", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"UploadId\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.FullSnapshotAsync(school.Id));
    }

    [Fact]
    public async Task Another_persons_upload_cannot_be_confirmed_and_a_form_without_its_token_is_refused()
    {
        var school = await app.SeedInstitutionAsync();
        using var first = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        using var second = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var uploadId = UploadIdField().Match(await (await UploadAsync(first, Good)).Content.ReadAsStringAsync()).Groups[1].Value;

        var stolen = await ConfirmAsync(second, uploadId);
        var tokenless = await first.PostAsync(Page + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["UploadId"] = uploadId }));

        Assert.Contains("expired or was already imported", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(0, await LearnersNamedAsync(school.Id));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await WebPeople.FormTokenAsync(client, Page)), "__RequestVerificationToken" },
            { file, "Upload", "learners.csv" },
        };
        return await client.PostAsync(Page + "?handler=Preview", form);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string uploadId) =>
        await WebPeople.PostFormAsync(client, Page + "?handler=Confirm", new() { ["UploadId"] = uploadId }, formPage: Page);

    private Task<int> LearnersNamedAsync(Guid institutionId) => app.WithDbAsync(db =>
        db.Learners.AsNoTracking().CountAsync(l => l.InstitutionId == institutionId && (l.Name == "Amara Okafor" || l.Name == "Liam O'Connor")));

    [GeneratedRegex("name=\"UploadId\" value=\"([^\"]+)\"")]
    private static partial Regex UploadIdField();
}
