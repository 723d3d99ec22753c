using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.StatusLists;

/// <summary>Published lists expire within hours and are re-signed on a timer; a stale copy cannot vouch for a credential.</summary>
public abstract class StatusFailsClosedTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task An_expired_list_gives_cannot_tell_and_the_resigner_publishes_a_fresh_one()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        var url = (string)credential["credentialStatus"]!["statusListCredential"]!;
        var fetched = await FetchAsync(url);
        var signedAt = app.Clock.GetUtcNow();

        app.Clock.Advance(TimeSpan.FromHours(49));
        var stale = await VerifyWithAsync(seeded, credential, url, fetched);
        await app.Services.GetRequiredService<StatusListResigner>().ResignDueAsync(CancellationToken.None);
        var fresh = await FetchAsync(url);

        Assert.Equal(signedAt.AddHours(48), DateTimeOffset.Parse((string)fetched["validUntil"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CheckStatus.Unknown, stale[CheckNames.Status]!.Status);
        Assert.Contains("expired", stale[CheckNames.Status]!.Reason, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(48), DateTimeOffset.Parse((string)fresh["validUntil"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CheckStatus.Passed, (await VerifyWithAsync(seeded, credential, url, fresh)).Outcome);
    }

    [SkippableFact]
    public async Task The_resigner_leaves_lists_signed_recently_alone()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        var url = (string)credential["credentialStatus"]!["statusListCredential"]!;
        await app.Services.GetRequiredService<StatusListResigner>().ResignDueAsync(CancellationToken.None);
        var before = (await FetchAsync(url)).ToJsonString();

        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Services.GetRequiredService<StatusListResigner>().ResignDueAsync(CancellationToken.None);

        Assert.Equal(before, (await FetchAsync(url)).ToJsonString());
    }

    [SkippableTheory]
    [InlineData(null, "application/vc")]
    [InlineData("*/*", "application/vc")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/ld+json", "application/ld+json")]
    [InlineData("application/ld+json;q=0.5, application/json", "application/json")]
    [InlineData("application/vc, application/json", "application/vc")]
    [InlineData("text/html", "application/vc")]
    public async Task Get_status_list_answers_the_media_type_the_accept_header_asks_for(string? accept, string expected)
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        using var anonymous = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri((string)credential["credentialStatus"]!["statusListCredential"]!).AbsolutePath);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await anonymous.SendAsync(request);

        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["credentialSubject"]);
    }

    [SkippableFact]
    public async Task The_trust_bundle_says_every_credential_carries_status()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var anonymous = app.CreateClient();

        var bundle = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{seeded.School.Id}/trust-bundle"))!;

        Assert.True((bool)bundle["statusRequired"]!);
    }

    private async Task<JsonObject> FetchAsync(string url)
    {
        using var anonymous = app.CreateClient();
        return JsonNode.Parse(await anonymous.GetStringAsync(new Uri(url).AbsolutePath))!.AsObject();
    }

    private async Task<VerificationReport> VerifyWithAsync(Seeded seeded, JsonObject credential, string url, JsonObject list)
    {
        using var anonymous = app.CreateClient();
        var bundle = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{seeded.School.Id}/trust-bundle"))!.AsObject();
        var options = new VerificationOptions
        {
            Now = app.Clock.GetUtcNow(),
            Proofs = new ProofVerificationOptions { DidDocuments = [bundle["didDocument"]!.AsObject()], Now = app.Clock.GetUtcNow() },
        };
        Assert.True(StatusListCredential.TryVerify(list, url, seeded.School.Did, options, out var copy, out var reason), reason);
        return CredentialVerifier.Verify(credential, options with
        {
            StatusListCredentials = new Dictionary<string, StatusListCredential> { [url] = copy },
            StatusRequiredIssuers = new HashSet<string> { seeded.School.Did },
        });
    }

    public sealed class OnSqlite(SqliteApp app) : StatusFailsClosedTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : StatusFailsClosedTests(app), IClassFixture<PostgresApp>;
}
