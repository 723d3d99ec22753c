using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class ProofCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var proofOptions = context.Options.Proofs.Now is null
            ? context.Options.Proofs with { Now = context.Options.Now }
            : context.Options.Proofs;
        var result = DataIntegrityProof.Verify(context.Credential, proofOptions);
        context.Proofs = result;
        if (result.Proofs.Count == 0)
        {
            return new(CheckNames.Proof, CheckStatus.Failed, "The credential has no signature to check.");
        }
        if (result.IsVerified)
        {
            return new(CheckNames.Proof, CheckStatus.Passed, result.Proofs.Count == 1
                ? "The issuer's signature is valid: the credential has not been changed since it was signed."
                : $"All {result.Proofs.Count} signatures are valid: the credential has not been changed since it was signed.");
        }
        var failures = result.Proofs.Where(p => !p.IsVerified).Select(p =>
            result.Proofs.Count == 1 ? p.Reason : $"Signature {p.Index + 1}: {p.Reason}");
        return new(CheckNames.Proof, CheckStatus.Failed, string.Join(" ", failures));
    }
}
