// The rule for which key may sign a PDF transcript as a document (PAdES B-B) for an institution: one the institution lists
// in its DID document under `documentSigning`, never one of its credential keys (assertionMethod) and never the
// certificate's own word. A document signature carries no date a verifier can believe, so the key's state decides alone:
//   - active or retired: counts. A retired key's private part was destroyed when it was retired, so whatever it signed was
//     signed before; rotation never invalidates a printed transcript.
//   - revoked: never counts. Whoever stole it can sign any file, and no list says which files the school really signed.
using Transcripts.Signing.Keys;
using Transcripts.Signing.Verification;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Trust;

/// <summary>Decides whether a PDF's document signature key speaks for an institution (see the rule in the file header).</summary>
public static class DocumentKeyRule
{
    /// <summary>The DID document relationship that lists an institution's document-signing keys.</summary>
    public const string Relationship = "documentSigning";

    /// <summary>
    /// Judges a document signature made with <paramref name="signer"/> for <paramref name="institution"/>, read from its DID
    /// document with <c>TrustedInstitution.FromDidDocument(document, name, DocumentKeyRule.Relationship)</c>.
    /// </summary>
    public static KeyDecision Judge(TrustedInstitution institution, PublicKey? signer)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var who = institution.Name is { Length: > 0 } name ? $"{name} ({institution.Did})" : institution.Did;
        if (institution.Keys.Count == 0)
        {
            return new(CheckStatus.Unknown, $"The PDF is signed as a document, but your trust store lists no document-signing key for {who}: "
                + "import its current trust bundle to check it.", institution, null);
        }
        var key = signer is null ? null : institution.Keys.FirstOrDefault(k => k.PublicKey.Equals(signer));
        if (key is null)
        {
            return new(CheckStatus.Failed, $"The PDF is signed, but not with a document-signing key your trust store lists for {who}: "
                + "someone else made or re-signed this file.", institution, null);
        }
        if (key.State == KeyState.Revoked)
        {
            var on = key.RevokedAt is { } at ? DateTimeStamp.Format(at) : "an unknown date";
            return new(CheckStatus.Failed, $"The PDF is signed with the key {key.VerificationMethod}, which {who} revoked on {on}: "
                + "the signature cannot vouch for the file. Ask the school for a new copy.", institution, key);
        }
        return new(CheckStatus.Passed, $"The whole PDF is signed by {who} with its document-signing key {key.VerificationMethod}: "
            + "not one byte has changed since it was signed.", institution, key);
    }
}
