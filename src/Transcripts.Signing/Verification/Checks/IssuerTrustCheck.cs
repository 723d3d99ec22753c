// The issuer must be on the caller's trust list, and a verified proof must be by a key the issuer controls:
// otherwise anyone could sign a credential that names a trusted school as its issuer. A trust-list entry may
// also name a key directly (a verification method id or a Multikey value): a proof by that key is trusted.
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class IssuerTrustCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var trusted = context.Options.TrustedIssuers;
        if (trusted is null)
        {
            return null;
        }
        var issuer = context.IssuerId;
        if (issuer is null)
        {
            return Fail("The credential does not name its issuer, so it cannot be matched against the trusted issuers.");
        }
        var verified = context.Proofs?.Proofs.Where(p => p.IsVerified && p.VerificationMethod is not null).ToList() ?? [];
        if (verified.Count == 0)
        {
            return Fail($"No valid signature shows that {issuer} issued the credential.");
        }
        if (verified.Any(p => trusted.Contains(p.VerificationMethod!) || (p.Key is not null && trusted.Contains(Multikey.Encode(p.Key)))))
        {
            return new(CheckNames.IssuerTrusted, CheckStatus.Passed, $"The credential was signed with a key on your list of trusted issuers ({issuer}).");
        }
        if (!trusted.Contains(issuer))
        {
            return Fail($"The issuer {issuer} is not on your list of trusted issuers.");
        }
        return verified.Any(p => Controller(p.VerificationMethod!) == issuer)
            ? new(CheckNames.IssuerTrusted, CheckStatus.Passed, $"The issuer {issuer} is on your list of trusted issuers.")
            : Fail($"The credential names {issuer} as its issuer, but it was signed by another party's key.");
    }

    private static string Controller(string verificationMethod)
    {
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? verificationMethod : verificationMethod[..hash];
    }

    private static Check Fail(string reason) => new(CheckNames.IssuerTrusted, CheckStatus.Failed, reason);
}
