// The issuer step: every verified proof is judged by the one TrustRule (which key may sign for which issuer, and when, given
// the key's state and, for a revoked key, the institution's list of what it really signed). One proof the rule accepts is
// enough; otherwise the first failure is reported, and a proof by an issuer outside the trust set is "unknown".
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Trust;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class IssuerTrustCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var trusted = context.Options.Institutions();
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
        var proofs = ProofSet.Proofs(context.Credential);
        string? digest = null;
        var decisions = new List<KeyDecision>(verified.Count);
        foreach (var proof in verified)
        {
            var created = proofs[proof.Index] is System.Text.Json.Nodes.JsonObject node ? TrustedInstitution.Date(node["created"]) : null;
            digest ??= DigestOf(context);
            decisions.Add(TrustRule.Judge(trusted, issuer, proof.VerificationMethod!, created, digest));
        }
        var decision = decisions.FirstOrDefault(d => d.Status == CheckStatus.Passed)
            ?? decisions.FirstOrDefault(d => d.Status == CheckStatus.Failed) ?? decisions[0];
        context.Institution = decision.Institution;
        return new(CheckNames.IssuerTrusted, decision.Status, decision.Reason);
    }

    private static string? DigestOf(CredentialContext context)
    {
        try
        {
            return IssuedCredentialsList.Digest(context.Credential);
        }
        catch (SigningException)
        {
            return null;
        }
    }

    private static Check Fail(string reason) => new(CheckNames.IssuerTrusted, CheckStatus.Failed, reason);
}
