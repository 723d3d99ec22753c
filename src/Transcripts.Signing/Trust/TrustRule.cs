// The one rule for which key may sign for which issuer, and when. Used by the credential pipeline (CredentialVerifier's
// issuer step), the QR token check, the institution's own lists and bundles, in the service and in the verifier alike:
//   1. The proof's verification method must be controlled by the issuer: its DID part is the issuer's DID (for a did:key
//      issuer, that same did:key), and the issuer's institution lists it under assertionMethod.
//   2. Active key: valid. Retired key (rotation; its private key was destroyed then): valid for a proof created before it
//      was retired, and for nothing else — no one can make a new proof with it, so its `created` can be believed.
//   3. Revoked key (compromised from RevokedAt): a thief writes any `created`, so the proof's date proves nothing. The proof
//      counts only for a credential whose digest is on the institution's signed list of what that key really signed.
// An issuer the trust set does not know is "unknown", never "valid": whose keys it may use is not known here.
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Trust;

/// <summary>Decides whether a proof's key may speak for an issuer (see the rule in the file header and docs/signing.md).</summary>
public static class TrustRule
{
    /// <summary>
    /// Judges a proof made with <paramref name="verificationMethod"/> at <paramref name="created"/> (as the proof claims) for a
    /// credential naming <paramref name="issuer"/>, whose digest (<see cref="IssuedCredentialsList.Digest"/>) is
    /// <paramref name="credentialDigest"/> (null when there is no credential, e.g. for a list or a QR token alone).
    /// </summary>
    public static KeyDecision Judge(IReadOnlyList<TrustedInstitution> trusted, string issuer, string verificationMethod,
                                    DateTimeOffset? created, string? credentialDigest)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(verificationMethod);
        var controller = IssuerKey.ControllerOf(verificationMethod);
        var issuerInstitution = trusted.FirstOrDefault(t => t.Dids.Contains(issuer, StringComparer.Ordinal));
        var owner = trusted.FirstOrDefault(t => t.Find(verificationMethod)?.Controller == issuer)
            ?? trusted.FirstOrDefault(t => t.Find(verificationMethod) is not null);
        var key = owner?.Find(verificationMethod);
        if (issuerInstitution is null && (key is null || key.Controller != issuer))
        {
            // Whose key may sign for an issuer outside the trust set is not known here: its own document could name any key.
            return new(CheckStatus.Unknown, $"The issuer {issuer} is not among the trusted institutions, so who issued the credential cannot be confirmed.", owner, key);
        }
        if (controller != issuer || (key is not null && key.Controller != issuer))
        {
            return new(CheckStatus.Failed, $"The credential names {Who(issuerInstitution, issuer)} as its issuer, but it was signed with another party's key "
                + $"({verificationMethod}, controlled by {Who(owner, key?.Controller ?? controller)}): only a key the issuer controls may sign for it.", owner, key);
        }
        if (key is null)
        {
            return new(CheckStatus.Failed, $"The key {verificationMethod} is not one of the keys {Who(issuerInstitution, issuer)} publishes for issuing "
                + "credentials, so the signature does not show that it issued this.", issuerInstitution, null);
        }
        var who = Who(owner, issuer);
        switch (key.State)
        {
            case KeyState.Active:
                return new(CheckStatus.Passed, $"Signed with a current key of {who}.", owner, key);
            case KeyState.Retired when key.RetiredAt is not { } retired:
                return new(CheckStatus.Failed, $"The key {verificationMethod} of {who} is retired without a date, so nothing it signed can be dated.", owner, key);
            case KeyState.Retired when created is { } at && at <= key.RetiredAt:
                return new(CheckStatus.Passed, $"Signed on {Show(at)} with a key of {who} that was retired on {Show(key.RetiredAt.Value)}, "
                    + "after this signature: a routine key rotation does not affect it.", owner, key);
            case KeyState.Retired:
                return new(CheckStatus.Failed, created is null
                    ? $"The signature has no date, and the key {verificationMethod} of {who} was retired on {Show(key.RetiredAt.Value)}."
                    : $"The signature claims {Show(created.Value)}, after {who} retired the key {verificationMethod} on {Show(key.RetiredAt.Value)} "
                        + "and destroyed it: it cannot be genuine.", owner, key);
            default:
                return Revoked(owner!, key, who, credentialDigest);
        }
    }

    private static KeyDecision Revoked(TrustedInstitution owner, IssuerKey key, string who, string? digest)
    {
        var since = key.RevokedAt is { } at ? $" (compromised since {Show(at)})" : "";
        var prefix = $"{who} revoked the key {key.VerificationMethod}{since}, so its signature dates prove nothing";
        if (!owner.IssuedCredentials.TryGetValue(key.VerificationMethod, out var issued))
        {
            return new(CheckStatus.Failed, $"{prefix}, and no list signed by {who} of the credentials that key really signed is available here: "
                + "treat this as a possible forgery (refresh the institution's trust bundle to get its list).", owner, key);
        }
        if (digest is null)
        {
            return new(CheckStatus.Unknown, $"{prefix}; only the whole credential can be checked against the institution's list of what that key really signed.", owner, key);
        }
        return issued.Contains(digest)
            ? new(CheckStatus.Passed, $"{prefix}, but this credential is on the list, signed by {who}, of the credentials that key really signed.", owner, key)
            : new(CheckStatus.Failed, $"{prefix}, and this credential is not on {who}'s signed list of the credentials that key really signed: it is a forgery "
                + "or was altered.", owner, key);
    }

    private static string Who(TrustedInstitution? institution, string did) =>
        institution?.Name is { Length: > 0 } name ? $"{name} ({did})" : did;

    private static string Show(DateTimeOffset value) =>
        value.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
