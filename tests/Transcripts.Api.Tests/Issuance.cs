using System.Diagnostics;
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

    /// <summary>Validates against a JSON schema in ../shared/spec/schemas with Python's jsonschema (draft 2019-09); returns the errors.</summary>
    public static string ValidateSchema(string schemaPath, JsonObject instance)
    {
        var schema = SpecData.Path(Path.Combine("schemas", schemaPath));
        var file = Path.GetTempFileName();
        File.WriteAllText(file, instance.ToJsonString());
        // Debian's interpreter is where `apt-get install python3-jsonschema` (transcripts.sh test, CI) puts the module;
        // another python3 earlier on PATH (pyenv, a virtualenv) may not have it.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
        {
            ArgumentList =
            {
                "-c",
                "import json,sys,jsonschema\ns=json.load(open(sys.argv[1]));d=json.load(open(sys.argv[2]))\n" +
                "v=jsonschema.validators.validator_for(s)(s,format_checker=jsonschema.FormatChecker())\n" +
                "print('\\n'.join(f'{list(e.absolute_path)}: {e.message}' for e in v.iter_errors(d)))",
                schema, file,
            },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(file);
        return output.Trim();
    }
}
