// VC Data Model 2.0 §4 (and 1.1 §4): @context first item is the base context, type includes VerifiableCredential,
// an issuer is present; a credential meant to be verified also carries a proof.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class StructureCheck : ICredentialCheck
{
    public const string V2Context = "https://www.w3.org/ns/credentials/v2";
    public const string V1Context = "https://www.w3.org/2018/credentials/v1";

    public Check? Run(CredentialContext context)
    {
        var credential = context.Credential;
        var first = credential["@context"] switch
        {
            JsonArray { Count: > 0 } array => array[0],
            JsonValue value => value,
            _ => null,
        };
        var firstText = first is JsonValue fv && fv.GetValueKind() == JsonValueKind.String ? fv.GetValue<string>() : null;
        if (firstText is not (V2Context or V1Context))
        {
            return Fail("The document does not start its @context with the Verifiable Credentials context, so it is not a verifiable credential.");
        }
        var types = credential["type"] switch
        {
            JsonArray array => array.Select(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            _ => [],
        };
        if (!types.Contains("VerifiableCredential"))
        {
            return Fail("The document's type does not include VerifiableCredential.");
        }
        if (context.IssuerId is null)
        {
            return Fail("The credential does not say who issued it.");
        }
        if (credential["credentialSubject"] is null)
        {
            return Fail("The credential has no credentialSubject: it says nothing about anyone.");
        }
        if (credential["proof"] is null)
        {
            return Fail("The credential carries no proof (signature), so nothing shows who issued it.");
        }
        return new(CheckNames.Structure, CheckStatus.Passed,
            $"The document is a verifiable credential (data model {(firstText == V2Context ? "2.0" : "1.1")}).");
    }

    private static Check Fail(string reason) => new(CheckNames.Structure, CheckStatus.Failed, reason);
}
