using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class ProofCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var proofOptions = context.Options.Proofs.Now is null
            ? context.Options.Proofs with { Now = context.Options.Now }
            : context.Options.Proofs;
        // The trusted institutions' keys verify signatures whatever their state: whether a key may sign for the issuer then
        // is the issuer step's rule (TrustRule), applied once.
        if (context.Options.Institutions() is { Count: > 0 } trusted)
        {
            var keys = new Dictionary<string, Keys.PublicKey>(proofOptions.VerificationMethods ?? new Dictionary<string, Keys.PublicKey>(), StringComparer.Ordinal);
            foreach (var key in trusted.SelectMany(t => t.Keys))
            {
                keys.TryAdd(key.VerificationMethod, key.PublicKey);
            }
            proofOptions = proofOptions with { VerificationMethods = keys };
        }
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
        var failed = result.Proofs.Where(p => !p.IsVerified).ToList();
        var reasons = string.Join(" ", failed.Select(p => result.Proofs.Count == 1 ? p.Reason : $"Signature {p.Index + 1}: {p.Reason}"));
        // Contexts are pinned and never fetched: a credential written with another context is not shown to be forged,
        // it simply cannot be checked here.
        return failed.All(p => p.Error == SigningError.UnknownContext)
            ? new(CheckNames.Proof, CheckStatus.Unknown, reasons + " The credential may be genuine, but this software cannot check it.")
            : new(CheckNames.Proof, CheckStatus.Failed, reasons);
    }
}
