// The first verification step: the credential follows every MUST of the VC Data Model 2.0 (or 1.1 for a credential
// with the 1.1 context), as DataModelValidator judges it in its Verifying purpose — issuer present, a proof present.
using Transcripts.Signing.Contexts;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class StructureCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var credential = context.Credential;
        var violations = DataModelValidator.ValidateCredential(credential, DataModelPurpose.Verifying,
            context.Options.Proofs.DocumentLoader ?? ContextStore.Default, context.Options.Proofs.Limits);
        if (violations.Count > 0)
        {
            return new(CheckNames.Structure, CheckStatus.Failed, Describe(violations));
        }
        var version = Violations.Text(Violations.Items(credential["@context"]) is { Count: > 0 } contexts ? contexts[0] : null) == CommonRules.V2Context ? "2.0" : "1.1";
        return new(CheckNames.Structure, CheckStatus.Passed, $"The document is a verifiable credential that follows the VC Data Model {version}.");
    }

    /// <summary>The reason of a failed structure step: every violation, each with its rule code.</summary>
    public static string Describe(IReadOnlyList<DataModelViolation> violations) =>
        (violations.Count == 1 ? "The document breaks a rule of the VC Data Model: " : $"The document breaks {violations.Count} rules of the VC Data Model: ")
        + string.Join(" ", violations.Select(v => $"{v.Reason} [rule {v.Rule}]"));
}
