using System.Globalization;
using System.Text.Json.Nodes;
using Transcripts.Signing;

namespace Transcripts.Benchmarks;

/// <summary>Realistic OB 3.0 and CLR 2.0 credentials for the linked-data benchmarks.</summary>
internal static class SampleCredentials
{
    /// <summary>The AchievementCredential of Data/achievement-credential.json, issued by <paramref name="issuer"/>, varied by <paramref name="n"/>.</summary>
    public static JsonObject Achievement(string issuer, int n)
    {
        var text = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "achievement-credential.json"));
        var credential = JsonInput.ParseObject(text);
        credential["id"] = $"urn:uuid:2f8c6b3e-7a41-4c9e-9d52-{n.ToString("D12", CultureInfo.InvariantCulture)}";
        credential["issuer"]!["id"] = issuer;
        credential["name"] = $"Competency {n}";
        return credential;
    }

    /// <summary>A ClrCredential embedding <paramref name="credentials"/>, with an association between each consecutive pair.</summary>
    public static JsonObject Clr(string issuer, IEnumerable<JsonObject> credentials)
    {
        var embedded = new JsonArray(credentials.Select(c => (JsonNode?)c).ToArray());
        var associations = new JsonArray();
        for (var i = 1; i < embedded.Count; i++)
        {
            associations.Add(new JsonObject
            {
                ["type"] = "Association",
                ["associationType"] = "isChildOf",
                ["sourceId"] = embedded[i]!["credentialSubject"]!["achievement"]!["id"]!.DeepClone(),
                ["targetId"] = embedded[0]!["credentialSubject"]!["achievement"]!["id"]!.DeepClone(),
            });
        }
        return new JsonObject
        {
            ["@context"] = new JsonArray(
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:8a4c0f7e-2b1d-4e6f-9a3c-5d7e8f901234",
            ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
            ["name"] = "Transcript of Ana Example",
            ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Lincoln High School" },
            ["validFrom"] = "2026-06-15T00:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("ClrSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["hashed"] = false,
                    ["identityHash"] = "S-2026-0042",
                    ["identityType"] = "studentId",
                }),
                ["verifiableCredential"] = embedded,
                ["association"] = associations,
            },
        };
    }
}
