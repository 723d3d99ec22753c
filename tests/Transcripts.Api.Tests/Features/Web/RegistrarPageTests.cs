using System.Net;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The registrar's pages over TestServer: award and withdraw refuse bad input next to the field with the input kept and
/// nothing saved, a stale withdrawal says so, revoking records the reason, another institution's ids are 404 and a form
/// without its antiforgery token is refused.
/// </summary>
public sealed class RegistrarPageTests(WebApp app) : IClassFixture<WebApp>
{
    private Task<string> AttainmentsOf(Guid learnerId) => app.WithDbAsync(async db => string.Join(",",
        (await db.Attainments.AsNoTracking().Where(a => a.LearnerId == learnerId).ToListAsync())
            .OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Status}:{a.LevelId}:{a.RowVersion}")));

    [Fact]
    public async Task Award_with_a_bad_level_or_no_reason_is_refused_inline_with_the_input_kept_and_nothing_saved()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await app.SeedInstitutionAsync();
        var school = seeded.School;
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var page = $"/app/registrar/learners/{school.LearnerA}";
        var before = await AttainmentsOf(school.LearnerA);

        var noReason = await WebPeople.PostFormAsync(client, page + "?handler=award", new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = school.Levels[3].ToString(), ["Reason"] = "",
        }, formPage: page);
        var badLevel = await WebPeople.PostFormAsync(client, page + "?handler=award", new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = other.Levels[3].ToString(), ["Reason"] = "Transfer credit from another school",
        }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Reason-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{school.Levels[3]}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badLevel.StatusCode);
        html = await badLevel.Content.ReadAsStringAsync();
        Assert.Contains("id=\"LevelId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("is not on the proficiency scale", html, StringComparison.Ordinal);
        Assert.Contains("Transfer credit from another school</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(before, await AttainmentsOf(school.LearnerA));

        var good = await WebPeople.PostFormAsync(client, page + "?handler=award", new()
        {
            ["CompetencyId"] = school.Competencies[1].ToString(), ["LevelId"] = school.Levels[3].ToString(), ["Reason"] = "Transfer credit from another school",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.NotEqual(before, await AttainmentsOf(school.LearnerA));
    }

    [Fact]
    public async Task Award_over_an_attainment_changed_since_the_form_was_opened_saves_nothing_and_offers_a_reload()
    {
        var seeded = await Seeded.CreateAsync(app);
        var school = seeded.School;
        using var first = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        using var second = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var page = $"/app/registrar/learners/{school.LearnerA}";
        var version = await app.WithDbAsync(db => db.Attainments.Where(a => a.Id == seeded.AttainmentId).Select(a => a.RowVersion).SingleAsync());
        var form = await second.GetStringAsync(page);
        Assert.Contains($"name=\"Seen\" value=\"{school.Competencies[0]}:{version}\"", form, StringComparison.Ordinal);

        // Both forms were opened when the learner had an attainment of competency 0 and none of competency 2.
        Dictionary<string, string> Award(int competency, string reason) => new()
        {
            ["Seen"] = $"{school.Competencies[0]}:{version}",
            ["CompetencyId"] = school.Competencies[competency].ToString(), ["LevelId"] = school.Levels[3].ToString(), ["Reason"] = reason,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await WebPeople.PostFormAsync(first, page + "?handler=award", Award(0, "Transfer credit"), formPage: page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebPeople.PostFormAsync(first, page + "?handler=award", Award(2, "Transfer credit"), formPage: page)).StatusCode);
        var before = await AttainmentsOf(school.LearnerA);

        var overChanged = await WebPeople.PostFormAsync(second, page + "?handler=award", Award(0, "Portfolio reviewed again"), formPage: page);
        var overNew = await WebPeople.PostFormAsync(second, page + "?handler=award", Award(2, "Portfolio reviewed again"), formPage: page);

        foreach (var response in new[] { overChanged, overNew })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Someone else changed this record.", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{page}\">Reload the learner", html, StringComparison.Ordinal);
            Assert.Contains("Portfolio reviewed again</textarea>", html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await AttainmentsOf(school.LearnerA));
    }

    [Fact]
    public async Task Withdraw_without_a_reason_or_at_a_stale_version_changes_nothing_and_says_why()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var client = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Registrar);
        var page = $"/app/registrar/attainments/{seeded.AttainmentId}";
        var before = await AttainmentsOf(seeded.School.LearnerA);
        var version = await app.WithDbAsync(db => db.Attainments.Where(a => a.Id == seeded.AttainmentId).Select(a => a.RowVersion).SingleAsync());
        var preview = await client.GetStringAsync(page);

        var noReason = await WebPeople.PostFormAsync(client, page, new() { ["Reason"] = "", ["Version"] = version.ToString() });
        var stale = await WebPeople.PostFormAsync(client, page, new() { ["Reason"] = "Plagiarised evidence", ["Version"] = (version + 7).ToString() });

        Assert.Contains("Withdrawing it revokes, with your reason:", preview, StringComparison.Ordinal);
        Assert.Contains("id=\"Reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this attainment since you opened this page", html, StringComparison.Ordinal);
        Assert.Contains("Reload the attainment", html, StringComparison.Ordinal);
        Assert.Contains("Plagiarised evidence</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(before, await AttainmentsOf(seeded.School.LearnerA));
        Assert.Equal(0, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.Id == seeded.CredentialId && c.RevokedAt != null)));

        var done = await WebPeople.PostFormAsync(client, page, new() { ["Reason"] = "Plagiarised evidence", ["Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.Id == seeded.CredentialId && c.RevokedAt != null)));
    }

    [Fact]
    public async Task Revoke_needs_a_reason_and_records_it()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var client = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Registrar);
        var page = $"/app/registrar/credentials/{seeded.CredentialId}";

        var noReason = await WebPeople.PostFormAsync(client, page, new() { ["Change"] = "Revoke", ["Reason"] = "" });
        Assert.Contains("id=\"Reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.Id == seeded.CredentialId && c.RevokedAt != null)));

        var revoked = await WebPeople.PostFormAsync(client, page, new() { ["Change"] = "Revoke", ["Reason"] = "Issued in error" });

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal("Issued in error", await app.WithDbAsync(db => db.Credentials.Where(c => c.Id == seeded.CredentialId).Select(c => c.RevocationReason).SingleAsync()));
        Assert.Contains("The credential is revoked", await client.GetStringAsync(revoked.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_institutions_ids_are_404_and_a_post_without_its_token_is_refused()
    {
        var mine = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var client = await WebPeople.SignedInAsync(app, mine.School.Id, Roles.Registrar);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/app/registrar/learners/{other.School.LearnerA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/app/registrar/attainments/{other.AttainmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/app/registrar/credentials/{other.CredentialId}")).StatusCode);
        var award = await WebPeople.PostFormAsync(client, $"/app/registrar/learners/{other.School.LearnerA}?handler=award", new()
        {
            ["CompetencyId"] = other.School.Competencies[1].ToString(), ["LevelId"] = other.School.Levels[3].ToString(), ["Reason"] = "Not mine to give",
        }, formPage: "/app/registrar");
        Assert.Equal(HttpStatusCode.NotFound, award.StatusCode);

        var withoutToken = await WebPeople.PostFormAsync(client, $"/app/registrar/credentials/{mine.CredentialId}",
            new() { ["Change"] = "Revoke", ["Reason"] = "Issued in error" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.Id == mine.CredentialId && c.RevokedAt != null)));
    }
}
