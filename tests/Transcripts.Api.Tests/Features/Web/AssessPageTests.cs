using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The assessor's pages over TestServer: an assessment recorded with its evidence shows the attainment recomputed; a level of
/// another scale, a date after today or a file over the limit is refused next to its field with the input kept and neither
/// the assessment nor its evidence saved; one assessor can neither see, change nor remove another's assessment; a learner is kept out.
/// </summary>
public sealed class AssessPageTests(AssessPageTests.SmallEvidenceApp app) : IClassFixture<AssessPageTests.SmallEvidenceApp>
{
    /// <summary>The pages' app with evidence files limited to 1 KiB, so an oversized file is small to send.</summary>
    public sealed class SmallEvidenceApp : SqliteApp
    {
        public const int MaxFileBytes = 1024;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Web:SignInAttemptsPerMinute", "1000");
            builder.UseSetting("Evidence:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string PageOf(Guid learnerId) => $"/app/assess/learners/{learnerId}";

    private Task<string> WrittenFor(Guid learnerId) => app.WithDbAsync(async db =>
        $"{await db.Assessments.CountAsync(a => a.LearnerId == learnerId)} assessments, {await db.Evidence.CountAsync(e => e.LearnerId == learnerId)} evidence, "
        + string.Join(",", (await db.Attainments.AsNoTracking().Where(a => a.LearnerId == learnerId).ToListAsync()).OrderBy(a => a.Id).Select(a => $"{a.LevelId}:{a.RowVersion}")));

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid learnerId, Dictionary<string, string> fields, (string Name, byte[] Bytes)? file = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(await WebPeople.FormTokenAsync(client, PageOf(learnerId))), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "file", f.Name);
        }
        return await client.PostAsync(PageOf(learnerId) + "?handler=record", form);
    }

    [Fact]
    public async Task Record_with_a_link_shows_the_attainment_recomputed_at_the_new_level()
    {
        var school = await app.SeedInstitutionAsync();
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Assessor);

        var recorded = await RecordAsync(client, school.LearnerA, new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = school.Levels[3].ToString(), ["AssessedOn"] = "2026-08-31",
            ["Feedback"] = "Clear and well argued", ["EvidenceKind"] = "link", ["title"] = "Lab report", ["Url"] = "https://portfolio.school.example/lab-report",
        });

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(recorded.Headers.Location!.OriginalString));
        Assert.Contains("The assessment is recorded.", html, StringComparison.Ordinal);
        Assert.Contains("The attainment now: D.2 Competency 2", html, StringComparison.Ordinal);
        Assert.Contains("Status: <strong>Attained</strong>, at the level Advanced", html, StringComparison.Ordinal);
        Assert.Contains("on the evidence “Lab report” (link)", html, StringComparison.Ordinal);
        Assert.Contains("Your assessments of this learner", html, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.LearnerId == school.LearnerA));
        Assert.Equal(new DateOnly(2026, 8, 31), saved.AssessedOn);
        Assert.Equal("https://portfolio.school.example/lab-report", await app.WithDbAsync(db => db.Evidence.Where(e => e.Id == saved.EvidenceId).Select(e => e.Url).SingleAsync()));
    }

    [Fact]
    public async Task Record_with_a_file_saves_the_file_as_evidence()
    {
        var school = await app.SeedInstitutionAsync();
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Assessor);

        var recorded = await RecordAsync(client, school.LearnerA, new()
        {
            ["CompetencyId"] = school.Competencies[0].ToString(), ["LevelId"] = school.Levels[1].ToString(), ["AssessedOn"] = "2026-09-01", ["EvidenceKind"] = "file",
        }, ("drawing.png", Seeded.Png));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("on the evidence “drawing.png” (file)", WebUtility.HtmlDecode(await client.GetStringAsync(recorded.Headers.Location!.OriginalString)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_level_a_future_date_or_an_oversized_file_is_refused_inline_with_the_input_kept_and_nothing_saved()
    {
        var school = await app.SeedInstitutionAsync();
        var other = await app.SeedInstitutionAsync();
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Assessor);
        var before = await WrittenFor(school.LearnerA);
        Dictionary<string, string> Fields(Guid level, string on, string kind) => new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = level.ToString(), ["AssessedOn"] = on, ["Feedback"] = "Kept feedback",
            ["EvidenceKind"] = kind, ["title"] = "Kept title", ["Url"] = "https://portfolio.school.example/kept",
        };

        var badLevel = await RecordAsync(client, school.LearnerA, Fields(other.Levels[3], "2026-08-31", "link"));
        var future = await RecordAsync(client, school.LearnerA, Fields(school.Levels[3], "2026-09-02", "link"));
        var tooLarge = await RecordAsync(client, school.LearnerA, Fields(school.Levels[3], "2026-08-31", "file"),
            ("big.png", [.. Seeded.Png, .. new byte[SmallEvidenceApp.MaxFileBytes]]));

        var html = await badLevel.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, badLevel.StatusCode);
        Assert.Contains("id=\"LevelId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("is not on the proficiency scale", html, StringComparison.Ordinal);
        Assert.Contains("value=\"https://portfolio.school.example/kept\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept feedback</textarea>", html, StringComparison.Ordinal);
        html = await future.Content.ReadAsStringAsync();
        Assert.Contains("id=\"AssessedOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("cannot be dated in the future", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-09-02\"", html, StringComparison.Ordinal);
        html = await tooLarge.Content.ReadAsStringAsync();
        Assert.Contains("id=\"file-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"larger than the {SmallEvidenceApp.MaxFileBytes:N0} bytes allowed", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{school.Levels[3]}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(before, await WrittenFor(school.LearnerA));
    }

    [Fact]
    public async Task Another_assessor_can_neither_see_nor_change_nor_remove_an_assessment_through_the_page()
    {
        var school = await app.SeedInstitutionAsync();
        using var a = await WebPeople.SignedInAsync(app, school.Id, Roles.Assessor);
        using var b = await WebPeople.SignedInAsync(app, school.Id, Roles.Assessor);
        var recorded = await RecordAsync(a, school.LearnerA, new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = school.Levels[2].ToString(), ["AssessedOn"] = "2026-08-31", ["EvidenceKind"] = "none",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var id = await app.WithDbAsync(db => db.Assessments.Where(x => x.LearnerId == school.LearnerA).Select(x => x.Id).SingleAsync());
        var page = PageOf(school.LearnerA);
        var before = await WrittenFor(school.LearnerA);

        Assert.Contains($"?edit={id}", await a.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await b.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{page}?edit={id}")).StatusCode);
        var update = await WebPeople.PostFormAsync(b, page + "?handler=update", new()
        {
            ["AssessmentId"] = id.ToString(), ["Version"] = "1", ["LevelId"] = school.Levels[0].ToString(), ["AssessedOn"] = "2026-08-31",
        }, formPage: page);
        var delete = await WebPeople.PostFormAsync(b, page + "?handler=delete", new() { ["AssessmentId"] = id.ToString(), ["Version"] = "1" }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var refused = await update.Content.ReadAsStringAsync();
        Assert.True(refused.Contains("was made by another assessor", StringComparison.Ordinal), refused[refused.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("was made by another assessor", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await WrittenFor(school.LearnerA));

        var version = await app.WithDbAsync(db => db.Assessments.Where(x => x.Id == id).Select(x => x.RowVersion).SingleAsync());
        var mine = await WebPeople.PostFormAsync(a, page + "?handler=update", new()
        {
            ["AssessmentId"] = id.ToString(), ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LevelId"] = school.Levels[3].ToString(), ["AssessedOn"] = "2026-08-31",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Equal(school.Levels[3], await app.WithDbAsync(db => db.Assessments.Where(x => x.Id == id).Select(x => x.LevelId).SingleAsync()));
        Assert.Contains("Last change", await a.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_and_another_institutions_staff_are_kept_out()
    {
        var school = await app.SeedInstitutionAsync();
        var other = await app.SeedInstitutionAsync();
        using var learner = await WebPeople.SignedInAsync(app, school.Id, Roles.Learner, school.LearnerA);
        using var stranger = await WebPeople.SignedInAsync(app, other.Id, Roles.Assessor);

        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/app/assess")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync(PageOf(school.LearnerA))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(PageOf(school.LearnerA))).StatusCode);
        var before = await WrittenFor(school.LearnerA);
        var recorded = await WebPeople.PostFormAsync(stranger, PageOf(school.LearnerA) + "?handler=record", new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = school.Levels[2].ToString(), ["EvidenceKind"] = "none",
        }, formPage: "/app/assess");
        Assert.Equal(HttpStatusCode.NotFound, recorded.StatusCode);
        Assert.Equal(before, await WrittenFor(school.LearnerA));
    }
}
