using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Transcripts.Api.Features.ApiKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>The service as a container or systemd runs it: standard output is redirected into a log stream.</summary>
public sealed class RedirectedOutputApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.RemoveAll<ConsoleOutput>().AddSingleton(new ConsoleOutput(Console, IsInteractive: false)));
    }
}

public sealed class FirstAdminKeyTests(RedirectedOutputApp app) : IClassFixture<RedirectedOutputApp>
{
    [Fact]
    public async Task The_first_admin_key_goes_to_an_owner_only_file_and_not_into_a_redirected_log_stream()
    {
        using var probe = app.CreateClient();
        (await probe.GetAsync("/health")).EnsureSuccessStatusCode();
        var path = Path.Combine(app.DataDirectory, BootstrapAdminKey.FileName);

        var secret = (await File.ReadAllTextAsync(path)).Trim();

        Assert.Matches("^trk_[A-Za-z0-9_-]{43}$", secret);
        Assert.DoesNotContain(secret, app.Console.ToString());
        Assert.Contains(path, app.Console.ToString());
        Assert.DoesNotContain(secret, app.Logs.All);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        using var admin = app.CreateClientFor(secret);
        (await admin.GetAsync("/keys")).EnsureSuccessStatusCode();
    }
}

public sealed class ApiKeyPrivacyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_archived_learners_key_is_refused_and_their_share_links_stop()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var anonymous = app.CreateClient();
        var link = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId } }));
        (await learner.GetAsync($"/learners/{seeded.School.LearnerA}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await registrar.DeleteAsync($"/learners/{seeded.School.LearnerA}")).StatusCode);

        await Problem.AssertAsync(await learner.GetAsync($"/learners/{seeded.School.LearnerA}"), HttpStatusCode.Unauthorized, "unauthenticated");
        using var open = new HttpRequestMessage(HttpMethod.Get, "/share");
        open.Headers.Add("X-Share-Token", link.GetProperty("token").GetString());
        await Problem.AssertAsync(await anonymous.SendAsync(open), HttpStatusCode.NotFound, "not-found");
        var key = await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.LearnerId == seeded.School.LearnerA));
        Assert.Equal(app.Clock.GetUtcNow(), key.RevokedAt);
    }

    [Fact]
    public async Task An_expired_key_is_refused_so_a_forgotten_key_does_not_work_for_ever()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/keys", new { name = "past", role = "assessor", expiresAt = app.Clock.GetUtcNow().AddDays(-1) }),
            HttpStatusCode.BadRequest, "validation-failed");
        var created = await Seeded.Json(await admin.PostAsJsonAsync("/keys",
            new { name = "term", role = "assessor", expiresAt = app.Clock.GetUtcNow().AddDays(1) }));
        using var assessor = app.CreateClientFor(created.GetProperty("secret").GetString()!);
        (await assessor.GetAsync("/frameworks")).EnsureSuccessStatusCode();

        app.Clock.Advance(TimeSpan.FromDays(1));

        await Problem.AssertAsync(await assessor.GetAsync("/frameworks"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_keys_last_use_is_recorded_at_most_once_a_minute_so_each_request_does_not_write()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        var created = await Seeded.Json(await admin.PostAsJsonAsync("/keys", new { name = "used", role = "assessor" }));
        var id = created.GetProperty("id").GetGuid();
        using var assessor = app.CreateClientFor(created.GetProperty("secret").GetString()!);
        var start = app.Clock.GetUtcNow();

        (await assessor.GetAsync("/frameworks")).EnsureSuccessStatusCode();
        var first = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await assessor.GetAsync("/frameworks")).EnsureSuccessStatusCode();
        var throttled = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(40));
        (await assessor.GetAsync("/frameworks")).EnsureSuccessStatusCode();
        var later = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync());
        var listed = await Seeded.Json(await admin.GetAsync("/keys?role=assessor"));

        Assert.NotNull(first);
        Assert.True(first <= start && start - first < TimeSpan.FromMinutes(1));
        Assert.Equal(first, throttled);
        Assert.True(later > first);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), k => k.GetProperty("id").GetGuid() == id && k.GetProperty("lastUsedAt").ValueKind != System.Text.Json.JsonValueKind.Null);
        var audit = await Seeded.Json(await admin.GetAsync("/audit/verify"));
        Assert.True(audit.GetProperty("isIntact").GetBoolean(), audit.ToString());
    }
}
