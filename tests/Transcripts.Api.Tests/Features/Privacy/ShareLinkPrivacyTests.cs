using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Transcripts.Api.Tests.Features.Sharing;

namespace Transcripts.Api.Tests.Features.Privacy;

public sealed class ShareLinkPrivacyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_learner_lists_and_withdraws_all_links_so_nothing_stays_shared_by_mistake()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var anonymous = app.CreateClient();
        var body = new { credentialIds = new[] { seeded.CredentialId } };
        var first = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links", body));
        var second = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links", body));

        var listed = await learner.GetAsync($"/learners/{seeded.School.LearnerA}/share-links");
        var links = (await Seeded.Json(listed)).EnumerateArray().ToList();
        var withdrawn = await Seeded.Json(await learner.PostAsync($"/learners/{seeded.School.LearnerA}/share-links/withdraw", null));
        var after = (await Seeded.Json(await learner.GetAsync($"/learners/{seeded.School.LearnerA}/share-links"))).EnumerateArray().ToList();

        Assert.Equal("no-store", listed.Headers.CacheControl?.ToString());
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.True(l.GetProperty("isLive").GetBoolean()));
        Assert.Equal(2, withdrawn.GetProperty("withdrawn").GetInt32());
        Assert.All(after, l => Assert.False(l.GetProperty("isLive").GetBoolean()));
        foreach (var link in new[] { first, second })
        {
            await Problem.AssertAsync(await anonymous.SendAsync(ShareRequest.Open(link.GetProperty("token").GetString()!)), HttpStatusCode.NotFound, "not-found");
        }
        using var classmate = app.CreateClientFor(seeded.School.LearnerBKey);
        await Problem.AssertAsync(await classmate.GetAsync($"/learners/{seeded.School.LearnerA}/share-links"), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await classmate.PostAsync($"/learners/{seeded.School.LearnerA}/share-links/withdraw", null), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_link_opened_past_its_limit_is_refused_and_each_open_is_counted_not_logged_without_bound()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var anonymous = app.CreateClient();
        var created = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId }, maxOpens = 2 }));
        var token = created.GetProperty("token").GetString()!;

        var opened = await anonymous.SendAsync(ShareRequest.Open(token));
        (await anonymous.SendAsync(ShareRequest.Open(token))).EnsureSuccessStatusCode();
        var third = await anonymous.SendAsync(ShareRequest.Open(token));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("no-store", opened.Headers.CacheControl?.ToString());
        await Problem.AssertAsync(third, HttpStatusCode.Gone, "share-link-used-up");
        var listed = (await Seeded.Json(await learner.GetAsync($"/learners/{seeded.School.LearnerA}/share-links"))).EnumerateArray().Single();
        Assert.Equal(2, listed.GetProperty("openCount").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(db => Task.FromResult(db.Disclosures.Count(d => d.Record == $"share link {created.GetProperty("id").GetGuid()}"))));
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId }, maxOpens = 1_000_000 }), HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task The_token_never_travels_in_a_path_a_proxy_logs()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var anonymous = app.CreateClient();
        var created = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId } }));
        var token = created.GetProperty("token").GetString()!;

        var byPath = await anonymous.GetAsync($"/share/{token}");

        Assert.Equal($"/share#{token}", created.GetProperty("url").GetString());
        await Problem.AssertAsync(byPath, HttpStatusCode.Gone, "share-link-path-retired");
        await Problem.AssertAsync(await anonymous.GetAsync("/share"), HttpStatusCode.BadRequest, "share-token-missing");
        var listed = (await Seeded.Json(await learner.GetAsync($"/learners/{seeded.School.LearnerA}/share-links"))).EnumerateArray().Single();
        Assert.Equal(0, listed.GetProperty("openCount").GetInt32());
    }

    [Fact]
    public async Task A_registrar_shares_for_a_learner_only_with_a_reason_the_learner_sees()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        var path = $"/learners/{seeded.School.LearnerA}/share-links";

        await Problem.AssertAsync(await registrar.PostAsJsonAsync(path, new { credentialIds = new[] { seeded.CredentialId } }),
            HttpStatusCode.BadRequest, "validation-failed");
        (await registrar.PostAsJsonAsync(path, new { credentialIds = new[] { seeded.CredentialId }, reason = "Learner asked by phone for the scholarship office" }))
            .EnsureSuccessStatusCode();

        var listed = (await Seeded.Json(await learner.GetAsync(path))).EnumerateArray().Single();
        Assert.True(listed.GetProperty("madeByStaff").GetBoolean());
        Assert.Equal("Learner asked by phone for the scholarship office", listed.GetProperty("staffReason").GetString());
    }
}
