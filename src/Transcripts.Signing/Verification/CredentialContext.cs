using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Verification;

/// <summary>The credential being verified, the options, and what earlier steps found for later ones.</summary>
internal sealed class CredentialContext(JsonObject credential, VerificationOptions options)
{
    public JsonObject Credential { get; } = credential;
    public VerificationOptions Options { get; } = options;

    /// <summary>Set by the proof step.</summary>
    public ProofVerificationResult? Proofs { get; set; }

    /// <summary>Set by the issuer step: the trusted institution whose key signed.</summary>
    public Trust.TrustedInstitution? Institution { get; set; }

    /// <summary>The issuer's id: <c>issuer</c> as a string, or <c>issuer.id</c>.</summary>
    public string? IssuerId => Credential["issuer"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o when o["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String => id.GetValue<string>(),
        _ => null,
    };

    public string? Text(string name) => Text(Credential, name);

    public static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
