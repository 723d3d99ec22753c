// The QR token is signed outside any JSON-LD proof, but its key is judged by the same TrustRule as a credential's proof:
// the signing key must be one the trusted institution publishes for issuing, and its state decides. The token carries no
// signing time, only the transcript's issue date; a retired key's private key was destroyed at retirement, so a genuine
// token by it was made before then, and the issue date (at 00:00 UTC) is the earliest time it could have been signed.
// A token by a revoked key counts only together with the credential it names (a PDF), when that credential is on the
// institution's list of what the key really signed: alone, its name and date could have been written by the thief.
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Tokens;

/// <summary>Checks a transcript QR token's signature and key against the trusted institutions.</summary>
public static class TranscriptTokenCheck
{
    /// <summary>
    /// Judges <paramref name="token"/>: <see cref="CheckStatus.Passed"/> when a key the trusted institution may sign with then
    /// made its signature; <see cref="CheckStatus.Failed"/> for a changed token or a key that may not sign;
    /// <see cref="CheckStatus.Unknown"/> for a key of an institution outside the trust set.
    /// </summary>
    /// <param name="token">The parsed token.</param>
    /// <param name="trusted">The trusted institutions.</param>
    /// <param name="credential">The signed credential the token was issued for (from the PDF), when the caller has it.</param>
    public static KeyDecision Check(TranscriptToken token, IReadOnlyList<TrustedInstitution> trusted, JsonObject? credential)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(trusted);
        var method = token.VerificationMethod;
        var controller = IssuerKey.ControllerOf(method);
        string? digest = null;
        if (credential is not null)
        {
            try
            {
                digest = IssuedCredentialsList.Digest(credential);
            }
            catch (SigningException)
            {
                digest = null;
            }
        }
        var created = new DateTimeOffset(token.IssueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var decision = TrustRule.Judge(trusted, controller, method, created, digest);
        var key = decision.Key?.PublicKey ?? (DidKey.TryResolve(method, out var didKey) ? didKey : null);
        if (key is not null && !token.IsSignedBy(key))
        {
            return decision with
            {
                Status = CheckStatus.Failed,
                Reason = $"The QR token does not carry a valid signature by the key {method}: it was changed after it was issued.",
            };
        }
        if (key is null && decision.Status == CheckStatus.Passed)
        {
            return decision with { Status = CheckStatus.Failed, Reason = $"The key {method} cannot be read." };
        }
        return decision;
    }
}
