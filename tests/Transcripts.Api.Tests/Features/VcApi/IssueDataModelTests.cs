using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.VcApi;

/// <summary>
/// <c>POST /credentials/issue</c> signs only what the VC Data Model 2.0 allows: a credential that breaks a MUST gets a
/// 422 <c>data-model-violation</c> problem naming the rule, and nothing is signed or stored.
/// <c>POST /presentations/verify</c> reports a presentation that breaks one as an error naming the rule.
/// </summary>
public abstract class IssueDataModelTests(TranscriptsApp app)
{
    private static JsonObject Credential() => JsonNode.Parse("""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
         "type":["VerifiableCredential","ExampleAlumniCredential"],
         "validFrom":"2026-01-01T00:00:00Z","credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","alumniOf":"Example University"}}
        """)!.AsObject();

    public static TheoryData<string, string, string> Breaches() => new()
    {
        { "credentialSubject", "{}", "subject-claims" },
        { "credentialSubject", "[{\"id\":\"did:example:a\"},{}]", "subject-claims" },
        { "validFrom", "\"2026-01-01T00:00:00\"", "datetime" },
        { "validFrom", "\"Sat 25 Feb 2023 07:16:31 PM CST\"", "datetime" },
        { "validUntil", "\"2025-01-01T00:00:00Z\"", "validity-order" },
        { "id", "[\"urn:uuid:1\",\"urn:uuid:2\"]", "id-url" },
        { "issuer", "\"Example School\"", "issuer-url" },
        { "issuer", "{\"id\":\"school\"}", "issuer-url" },
        { "credentialStatus", "{\"id\":\"https://example.org/status/1\"}", "type-missing" },
        { "credentialSchema", "{\"type\":\"JsonSchema\"}", "id-required" },
        { "evidence", "{\"id\":\"https://example.org/evidence/1\"}", "type-missing" },
        { "termsOfUse", "{\"id\":\"https://example.org/terms\"}", "type-missing" },
        { "refreshService", "{\"url\":\"https://example.org/refresh\"}", "type-missing" },
        { "relatedResource", "[{\"id\":\"https://example.org/logo.png\"}]", "related-resource" },
        { "name", "{\"@value\":\"Alumni\",\"url\":\"https://example.org\"}", "name-description" },
        { "type", "[\"ExampleAlumniCredential\"]", "type-credential" },
        { "@context", "[\"https://www.w3.org/ns/credentials/examples/v2\",\"https://www.w3.org/ns/credentials/v2\"]", "context-first" },
    };

    [SkippableTheory, MemberData(nameof(Breaches))]
    public async Task Issue_refuses_a_credential_that_breaks_a_MUST_with_422_naming_the_rule(string property, string value, string rule)
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        var credential = Credential();
        credential[property] = JsonNode.Parse(value);

        var response = await registrar.PostAsJsonAsync("/credentials/issue", new { credential });

        var problem = await Problem.AssertAsync(response, (HttpStatusCode)422, "data-model-violation");
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Contains($"[rule {rule}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == rule);
        Assert.Equal(0, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.InstitutionId == school.Id)));
    }

    [SkippableFact]
    public async Task Issue_signs_a_conforming_credential_sent_without_issuer_or_with_a_single_string_context()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        var single = JsonNode.Parse("""
            {"@context":"https://www.w3.org/ns/credentials/v2","type":"VerifiableCredential","credentialSubject":{"id":"did:example:subject"}}
            """)!.AsObject();

        foreach (var credential in new[] { Credential(), single })
        {
            var response = await registrar.PostAsJsonAsync("/credentials/issue", new { credential });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }

    [SkippableFact]
    public async Task Verify_presentation_reports_each_broken_MUST_with_its_rule()
    {
        await app.SeedInstitutionAsync(); // the service has an institution, as any deployment does (and a missing database skips here)
        using var anonymous = app.CreateClient();
        var presentation = JsonNode.Parse("""
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],
             "holder":"z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj",
             "verifiableCredential":["eyJhbGciOiJFUzI1NiJ9.e30.c2ln"]}
            """)!.AsObject();

        var response = await anonymous.PostAsJsonAsync("/presentations/verify", new { verifiablePresentation = presentation });

        var problem = await Problem.AssertAsync(response, (HttpStatusCode)422, "verification-failed");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("structure: ", StringComparison.Ordinal) && e.Contains("[rule holder-url at holder]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("[rule presentation-credential at verifiableCredential[0]]", StringComparison.Ordinal));
        Assert.DoesNotContain("structure", problem.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
    }

    public sealed class OnSqlite(SqliteApp app) : IssueDataModelTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IssueDataModelTests(app), IClassFixture<PostgresApp>;
}
