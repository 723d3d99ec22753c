using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.VcApi;

public abstract class VcApiTests(TranscriptsApp app)
{
    private static JsonObject Vc2() => JsonNode.Parse("""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
         "type":["VerifiableCredential","ExampleAlumniCredential"],"issuer":"did:example:placeholder",
         "validFrom":"2026-01-01T00:00:00Z","credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","alumniOf":"Example University"}}
        """)!.AsObject();

    // The VC 1.1 examples context imports the ODRL context, which is not pinned; a VC 1.1 credential in the base context only.
    private static JsonObject Vc11() => JsonNode.Parse("""
        {"@context":["https://www.w3.org/2018/credentials/v1"],
         "type":["VerifiableCredential"],"issuer":{"id":"did:example:placeholder"},
         "issuanceDate":"2026-01-01T00:00:00Z","credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21"}}
        """)!.AsObject();

    private async Task<(School School, HttpClient Registrar)> SchoolAsync()
    {
        var school = await app.SeedInstitutionAsync();
        return (school, app.CreateClientFor(school.Registrar));
    }

    [SkippableFact]
    public async Task Issue_signs_vc_2_and_vc_1_1_credentials_that_verify_give_200_with_checks()
    {
        var (school, registrar) = await SchoolAsync();
        using var anonymous = app.CreateClient();
        foreach (var credential in new[] { Vc2(), Vc11() })
        {
            var issued = await registrar.PostAsJsonAsync("/credentials/issue", new { credential, options = new { } });
            var body = await Seeded.Json(issued);
            var signed = JsonNode.Parse(body.GetProperty("verifiableCredential").GetRawText())!.AsObject();

            var verified = await anonymous.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = signed, options = new { } });

            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            Assert.Equal(school.Did, signed["issuer"] is JsonObject o ? (string)o["id"]! : (string)signed["issuer"]!);
            var result = await Seeded.Json(verified);
            Assert.Contains("proof", result.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        }
    }

    [SkippableFact]
    public async Task Verify_answers_422_with_errors_for_a_changed_credential_and_a_presentation_of_it()
    {
        var (_, registrar) = await SchoolAsync();
        using var anonymous = app.CreateClient();
        var body = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/issue", new { credential = Vc2() }));
        var signed = JsonNode.Parse(body.GetProperty("verifiableCredential").GetRawText())!.AsObject();
        signed["credentialSubject"]!["alumniOf"] = "Another University";

        var verified = await anonymous.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = signed });
        var presented = await anonymous.PostAsJsonAsync("/presentations/verify", new
        {
            verifiablePresentation = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
                ["type"] = new JsonArray("VerifiablePresentation"),
                ["verifiableCredential"] = new JsonArray(signed.DeepClone()),
            },
        });

        var problem = await Problem.AssertAsync(verified, (HttpStatusCode)422, "verification-failed");
        Assert.NotEqual(0, problem.GetProperty("errors").GetArrayLength());
        var presentation = await Problem.AssertAsync(presented, (HttpStatusCode)422, "verification-failed");
        Assert.Contains(presentation.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("no proof", StringComparison.Ordinal));
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/credentials/verify", new { }), HttpStatusCode.BadRequest, "validation-failed");
    }

    [SkippableFact]
    public async Task Issue_refuses_unknown_contexts_and_malformed_credentials_and_stores_nothing()
    {
        var (school, registrar) = await SchoolAsync();
        using var assessor = app.CreateClientFor(school.Assessor);
        var unknown = Vc2();
        unknown["@context"]!.AsArray().Add("https://example.org/unknown-context/v1");
        var noSubject = Vc2();
        noSubject.Remove("credentialSubject");
        var undefinedTerm = Vc2();
        undefinedTerm["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2");
        undefinedTerm["type"] = new JsonArray("VerifiableCredential"); // an undefined type term would break VC Data Model §4.5 first
        undefinedTerm["credentialSubject"]!["notATerm"] = "x";
        // An institution's first key is made at its first signing, in a write of its own (SigningKeyTests), and the
        // undefined term is found only while signing: the key is made here so that the snapshot weighs the refusals alone.
        using (var admin = app.CreateClientFor(school.Admin))
        {
            (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })).EnsureSuccessStatusCode();
        }
        var before = await app.SnapshotAsync();

        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/issue", new { credential = unknown }), (HttpStatusCode)422, "unknown-context");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/issue", new { credential = noSubject }), (HttpStatusCode)422, "data-model-violation");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/issue", new { options = new { } }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/issue", new { credential = undefinedTerm }), (HttpStatusCode)422, "invalid-credential");
        await Problem.AssertAsync(await assessor.PostAsJsonAsync("/credentials/issue", new { credential = Vc2() }), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.InstitutionId == school.Id)));
    }

    [SkippableFact]
    public async Task A_vc_api_credential_can_be_suspended_and_unsuspended_and_the_published_list_follows()
    {
        var (school, registrar) = await SchoolAsync();
        using var anonymous = app.CreateClient();
        var issued = await registrar.PostAsJsonAsync("/credentials/issue", new { credential = Vc2() });
        var id = Guid.Parse(issued.Headers.Location!.ToString().Split('/')[^1]);
        var signed = JsonNode.Parse((await Seeded.Json(issued)).GetProperty("verifiableCredential").GetRawText())!.AsObject();
        var entry = signed["credentialStatus"]!.AsArray().Single(e => (string)e!["statusPurpose"]! == "suspension")!;
        var path = new Uri((string)entry["statusListCredential"]!).AbsolutePath;
        var index = int.Parse((string)entry["statusListIndex"]!, System.Globalization.CultureInfo.InvariantCulture);
        async Task<bool> IsSetAsync() => global::Transcripts.Signing.StatusLists.BitstringStatusList
            .Decode((string)JsonNode.Parse(await anonymous.GetStringAsync(path))!["credentialSubject"]!["encodedList"]!).IsSet(index);

        (await registrar.PostAsJsonAsync($"/credentials/{id}/suspend", new { reason = "Under review" })).EnsureSuccessStatusCode();
        var suspended = await IsSetAsync();
        var refused = await anonymous.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = signed });
        await Problem.AssertAsync(await registrar.PostAsJsonAsync($"/credentials/{id}/suspend", new { reason = "again" }), HttpStatusCode.Conflict, "already-suspended");
        (await registrar.PostAsJsonAsync($"/credentials/{id}/unsuspend", new { reason = "Review done" })).EnsureSuccessStatusCode();

        Assert.True(suspended);
        await Problem.AssertAsync(refused, (HttpStatusCode)422, "verification-failed");
        Assert.False(await IsSetAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = signed })).StatusCode);
        await Problem.AssertAsync(await registrar.PostAsJsonAsync($"/credentials/{id}/unsuspend", new { reason = "again" }), HttpStatusCode.Conflict, "not-suspended");
        Assert.NotEqual(Guid.Empty, school.Id);
    }

    public sealed class OnSqlite(SqliteApp app) : VcApiTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : VcApiTests(app), IClassFixture<PostgresApp>;
}
