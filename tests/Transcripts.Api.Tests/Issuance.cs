using Transcripts.Tests;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests;

/// <summary>Issuing through the API, and checking the result the way an outside verifier would.</summary>
public static class Issuance
{
    public static async Task<JsonObject> IssueAchievementAsync(HttpClient registrar, Guid attainmentId)
    {
        var issued = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId }));
        return await GetCredentialAsync(registrar, issued.GetProperty("id").GetGuid());
    }

    public static async Task<JsonObject> GetCredentialAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/credentials/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static Guid IdOf(JsonObject credential) => Guid.Parse(((string)credential["id"]!)["urn:uuid:".Length..]);

    /// <summary>Verifies with the institution's published DID document and status lists, fetched from the API anonymously.</summary>
    public static async Task<VerificationReport> VerifyAsync(TranscriptsApp app, Guid institutionId, JsonObject credential)
    {
        using var anonymous = app.CreateClient();
        var bundle = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{institutionId}/trust-bundle"))!.AsObject();
        var lists = new Dictionary<string, BitstringStatusList>();
        foreach (var url in bundle["statusLists"]!.AsArray().Select(u => (string)u!))
        {
            var list = JsonNode.Parse(await anonymous.GetStringAsync(new Uri(url).AbsolutePath))!;
            lists[url] = BitstringStatusList.Decode((string)list["credentialSubject"]!["encodedList"]!);
        }
        return CredentialVerifier.Verify(credential, new VerificationOptions
        {
            Now = app.Clock.GetUtcNow(),
            Proofs = new ProofVerificationOptions { DidDocuments = [bundle["didDocument"]!.AsObject()] },
            StatusLists = lists,
        });
    }

    /// <summary>
    /// Validates against a JSON schema in ../shared/spec/schemas (the 1EdTech schemas are draft 2019-09) with
    /// JsonSchema.Net, formats included; returns the errors, one per line, or "" when the instance is valid.
    /// </summary>
    public static string ValidateSchema(string schemaPath, JsonObject instance) =>
        SchemaCheck.Errors(SpecData.Path(Path.Combine("schemas", schemaPath)), instance);
}
