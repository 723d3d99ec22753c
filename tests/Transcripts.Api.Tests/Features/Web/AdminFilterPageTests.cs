using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The filters of the audit trail and the disclosure log, over TestServer and the API: ids, kinds and days only, kept by the
/// paging links; a range that ends before it starts, or a name typed for an id, is said next to its field with the input kept;
/// the API refuses the same range with a 400 naming <c>until</c>.
/// </summary>
public sealed class AdminFilterPageTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Audit_filters_by_record_and_kind_of_actor_and_its_paging_keeps_the_filters()
    {
        var school = await app.SeedInstitutionAsync();
        using var api = app.CreateClientFor(school.Registrar);
        for (var i = 0; i < 52; i++)
        {
            (await api.PostAsJsonAsync("/learners", new { name = $"Filtered learner {i}" })).EnsureSuccessStatusCode();
        }
        using var admin = await WebPeople.SignedInAsync(app, school.Id, Roles.Admin);
        var byKey = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.InstitutionId == school.Id && e.EntityType == "Learner" && e.Actor.StartsWith("key:")));
        var ofOne = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.InstitutionId == school.Id && e.EntityId == school.LearnerA.ToString()));

        var first = await admin.GetStringAsync("/app/admin/audit?EntityType=Learner&ActorKind=key");
        var second = await admin.GetStringAsync("/app/admin/audit?pageNumber=2&entityType=Learner&actorKind=key");
        var one = await admin.GetStringAsync($"/app/admin/audit?EntityId={school.LearnerA}");
        var nobody = await admin.GetStringAsync("/app/admin/audit?ActorKind=person");

        Assert.True(byKey > 50);
        Assert.Contains($"{byKey} events matching, newest first", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/app/admin/audit?pageNumber=2&amp;entityType=Learner&amp;actorKind=key\">Next page</a>", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/app/admin/audit?pageNumber=1&amp;entityType=Learner&amp;actorKind=key\">Previous page</a>", second, StringComparison.Ordinal);
        Assert.Contains($"{ofOne} event{(ofOne == 1 ? "" : "s")} matching", one, StringComparison.Ordinal);
        Assert.Contains("0 events matching", nobody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_and_disclosures_say_a_range_ending_before_it_starts_or_a_name_for_an_id_inline_with_the_input_kept()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);

        var audit = await admin.GetAsync("/app/admin/audit?From=2026-09-02&To=2026-09-01&EntityType=Learner");
        var disclosures = await admin.GetAsync("/app/admin/disclosures?From=2026-09-02&To=2026-09-01");
        var named = await admin.GetStringAsync("/app/admin/disclosures?LearnerId=Ada");
        var auditNamed = await admin.GetStringAsync("/app/admin/audit?EntityId=Ada");

        foreach (var response in new[] { audit, disclosures })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<p class=\"error\" id=\"To-error\">The end of the time range (until) must be after its start (since).</p>", html, StringComparison.Ordinal);
            Assert.Contains("value=\"2026-09-02\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("newest first", html, StringComparison.Ordinal);
        }
        Assert.Contains("value=\"Learner\"", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"LearnerId-error\"", named, StringComparison.Ordinal);
        Assert.Contains("id=\"EntityId-error\"", auditNamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disclosures_filter_by_learner_reader_and_day()
    {
        var seeded = await Seeded.CreateAsync(app);
        var school = seeded.School;
        using var registrar = app.CreateClientFor(school.Registrar);
        using var assessor = app.CreateClientFor(school.Assessor);
        (await registrar.GetAsync($"/learners/{school.LearnerA}/record")).EnsureSuccessStatusCode();
        (await assessor.GetAsync($"/learners/{school.LearnerB}/record")).EnsureSuccessStatusCode();
        using var admin = await WebPeople.SignedInAsync(app, school.Id, Roles.Admin);
        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd");
        var ofB = await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.InstitutionId == school.Id && d.LearnerId == school.LearnerB));
        var byAssessor = await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.InstitutionId == school.Id && d.Role == Roles.Assessor));

        var learner = await admin.GetStringAsync($"/app/admin/disclosures?LearnerId={school.LearnerB}");
        var reader = await admin.GetStringAsync("/app/admin/disclosures?Role=assessor");
        var tomorrow = await admin.GetStringAsync($"/app/admin/disclosures?From={app.Clock.GetUtcNow().AddDays(1):yyyy-MM-dd}");
        var onlyToday = await admin.GetStringAsync($"/app/admin/disclosures?From={today}&To={today}&LearnerId={school.LearnerB}");

        Assert.True(ofB > 0);
        Assert.Contains($"{ofB} disclosure{(ofB == 1 ? "" : "s")} matching", learner, StringComparison.Ordinal);
        Assert.DoesNotContain($"/app/registrar/learners/{school.LearnerA}\"", learner, StringComparison.Ordinal);
        Assert.Contains($"{byAssessor} disclosure{(byAssessor == 1 ? "" : "s")} matching", reader, StringComparison.Ordinal);
        Assert.Contains("0 disclosures matching", tomorrow, StringComparison.Ordinal);
        Assert.Contains($"{ofB} disclosure{(ofB == 1 ? "" : "s")} matching", onlyToday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_filters_take_a_time_range_and_refuse_one_that_ends_before_it_starts()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        var now = app.Clock.GetUtcNow();
        var since = Uri.EscapeDataString(now.AddMinutes(1).ToString("O"));
        var until = Uri.EscapeDataString(now.ToString("O"));

        var badAudit = await admin.GetAsync($"/audit/events?since={since}&until={until}");
        var badDisclosures = await admin.GetAsync($"/disclosures?since={since}&until={until}");
        var badKind = await admin.GetAsync("/audit/events?actorKind=robot");
        var future = await Seeded.Json(await admin.GetAsync($"/audit/events?since={since}"));
        var past = await Seeded.Json(await admin.GetAsync($"/audit/events?until={since}&actorKind=key"));

        foreach (var response in new[] { badAudit, badDisclosures })
        {
            var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("until", out _));
        }
        Assert.True((await Problem.AssertAsync(badKind, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("actorKind", out _));
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.Equal(await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.InstitutionId == seeded.School.Id && e.Actor.StartsWith("key:"))),
            past.GetProperty("total").GetInt32());
    }
}
