// The issuer must be on the caller's trust list, and a verified proof must be by a key the issuer controls:
// otherwise anyone could sign a credential that names a trusted school as its issuer.
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
        var byIssuer = verified.Where(p => Controller(p.VerificationMethod!) == issuer).ToList();
        if (byIssuer.Count == 0)
        {
            return Fail(verified.Count == 0
                ? $"No valid signature shows that {issuer} issued the credential."
                : $"The credential names {issuer} as its issuer, but it was signed by another party's key.");
        }
        var trustedBy = byIssuer.Any(p => trusted.Contains(issuer) || trusted.Contains(p.VerificationMethod!)
            || (p.Key is not null && trusted.Contains(Multikey.Encode(p.Key))));
        return trustedBy
            ? new(CheckNames.IssuerTrusted, CheckStatus.Passed, $"The issuer {issuer} is on your list of trusted issuers.")
            : Fail($"The issuer {issuer} is not on your list of trusted issuers.");
    }

    private static string Controller(string verificationMethod)
    {
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? verificationMethod : verificationMethod[..hash];
    }

    private static Check Fail(string reason) => new(CheckNames.IssuerTrusted, CheckStatus.Failed, reason);
}
