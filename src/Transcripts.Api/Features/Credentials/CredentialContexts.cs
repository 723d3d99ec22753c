using System.Text.Json.Nodes;

namespace Transcripts.Api.Features.Credentials;

/// <summary>The JSON-LD contexts credentials use, and the ones this service accepts at all (those pinned in Transcripts.Signing).</summary>
internal static class CredentialContexts
{
    public const string Vc2 = "https://www.w3.org/ns/credentials/v2";
    public const string Vc1 = "https://www.w3.org/2018/credentials/v1";
    public const string Ob303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string StatusV1 = "https://www.w3.org/ns/credentials/status/v1";
    public const string Clr201 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    private static readonly HashSet<string> s_known =
    [
        Vc1, Vc2, "https://www.w3.org/ns/credentials/undefined-terms/v2", "https://www.w3.org/2018/credentials/examples/v1",
        "https://www.w3.org/ns/credentials/examples/v2", "https://w3id.org/security/data-integrity/v1",
        "https://w3id.org/security/data-integrity/v2", "https://w3id.org/security/multikey/v1",
        "https://w3id.org/security/suites/ed25519-2020/v1", StatusV1,
        "https://w3id.org/vc/status-list/2021/v1", "https://www.w3.org/ns/did/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", Ob303, "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", Clr201,
    ];

    /// <summary>The first context URL that is not pinned, or null when all are known (embedded context objects are left to the signer).</summary>
    public static string? FirstUnknown(JsonNode? context) => context switch
    {
        JsonValue v when v.TryGetValue<string>(out var url) => s_known.Contains(url) ? null : url,
        JsonArray a => a.Select(FirstUnknown).FirstOrDefault(u => u is not null),
        JsonObject => null,
        null => "(none)",
        _ => context.ToJsonString(),
    };
}
