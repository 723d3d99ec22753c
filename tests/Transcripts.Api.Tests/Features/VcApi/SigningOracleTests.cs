using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.VcApi;

/// <summary>POST /credentials/issue signs only what a school means to sign, as the school.</summary>
public abstract class SigningOracleTests(TranscriptsApp app)
{
    private static JsonObject Vc2(params string[] types) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["type"] = new JsonArray([.. new[] { "VerifiableCredential" }.Concat(types).Select(t => (JsonNode?)t)]),
        ["issuer"] = "did:example:placeholder",
        ["validFrom"] = "2026-01-01T00:00:00Z",
        ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
    };

    [SkippableTheory]
    [InlineData("BitstringStatusListCredential")]
    [InlineData("StatusList2021Credential")]
    [InlineData("OpenBadgeCredential")]
    [InlineData("AchievementCredential")]
    [InlineData("ClrCredential")]
    public async Task Issue_refuses_a_reserved_type_such_as_an_all_clear_status_list(string type)
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        var credential = Vc2(type);
        if (type == "BitstringStatusListCredential")
        {
            // A list with every bit clear: stapled to a presentation, it would "un-revoke" whatever points to it.
            credential["credentialSubject"] = new JsonObject
            {
                ["id"] = "https://evil.example/status/1#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = "revocation",
                ["encodedList"] = new global::Transcripts.Signing.StatusLists.BitstringStatusList().Encode(),
            };
        }

        var response = await registrar.PostAsJsonAsync("/credentials/issue", new { credential });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "reserved-credential-type");
        Assert.Contains(type, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Issue_replaces_the_callers_credentialStatus_and_issuer_name_with_the_institutions()
    {
        var school = await app.SeedInstitutionAsync("Riverside High");
        using var registrar = app.CreateClientFor(school.Registrar);
        var credential = Vc2();
        credential["issuer"] = new JsonObject { ["id"] = "did:example:placeholder", ["name"] = "Harvard University" };
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = "https://evil.example/status/1#5", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "5", ["statusListCredential"] = "https://evil.example/status/1",
        };

        var signed = await IssueAsync(registrar, credential);

        Assert.Equal(school.Did, (string)signed["issuer"]!["id"]!);
        Assert.Equal("Riverside High", (string)signed["issuer"]!["name"]!);
        var entries = signed["credentialStatus"]!.AsArray().Select(e => (string)e!["statusListCredential"]!).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, url => Assert.StartsWith(school.BaseUrl + "status/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", signed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, signed)).Outcome);
    }

    [SkippableFact]
    public async Task Issue_gives_a_vc_1_1_credential_status_entries_that_a_verifier_checks()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = new JsonObject { ["id"] = "did:example:placeholder", ["name"] = "Someone else" },
            ["issuanceDate"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        };

        var signed = await IssueAsync(registrar, credential);
        var report = await Issuance.VerifyAsync(app, school.Id, signed);

        Assert.Equal(school.Did, (string)signed["issuer"]!);
        Assert.Equal(["revocation", "suspension"], signed["credentialStatus"]!.AsArray().Select(e => (string)e!["statusPurpose"]!));
        Assert.Contains("https://www.w3.org/ns/credentials/status/v1", signed["@context"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(CheckStatus.Passed, report[CheckNames.Status]!.Status);
        Assert.Equal(CheckStatus.Passed, report.Outcome);
        var id = Issuance.IdOf(signed);
        (await registrar.PostAsJsonAsync($"/credentials/{id}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();
        Assert.Equal(CheckStatus.Failed, (await Issuance.VerifyAsync(app, school.Id, signed))[CheckNames.Status]!.Status);
    }

    private static async Task<JsonObject> IssueAsync(HttpClient registrar, JsonObject credential)
    {
        var body = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/issue", new { credential }));
        return JsonNode.Parse(body.GetProperty("verifiableCredential").GetRawText())!.AsObject();
    }

    public sealed class OnSqlite(SqliteApp app) : SigningOracleTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SigningOracleTests(app), IClassFixture<PostgresApp>;
}
