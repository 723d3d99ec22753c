// The institution's signed list of the credentials a revoked key really signed: what lets verifiers keep accepting genuine
// credentials after a key compromise while refusing whatever the thief signs (TrustRule, revoked keys). The simplest sound
// form: a JSON document of SHA-256 digests, one per credential, signed with a Data Integrity proof (eddsa-jcs-2022 or
// ecdsa-jcs-2019) by a key of the same institution that is still in good standing (TrustRule with no credential digest:
// never a revoked key).
//   { "type": "IssuedCredentialsList", "issuer": DID, "revokedKey": verification method, "revoked": dateTime,
//     "digestAlgorithm": "sha-256-jcs", "credentials": [hex digest, …], "proof": {…} }
// A credential's digest is SHA-256 over the RFC 8785 (JCS) form of the whole signed credential, proof included, so it does
// not depend on how the JSON was spaced or ordered on its way to the verifier.
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Trust;

/// <summary>Creates and reads the signed list of the credentials a revoked key really signed.</summary>
public static class IssuedCredentialsList
{
    /// <summary>The document's <c>type</c>.</summary>
    public const string Type = "IssuedCredentialsList";

    /// <summary>How digests are computed: SHA-256 of the JCS form.</summary>
    public const string DigestAlgorithm = "sha-256-jcs";

    /// <summary>The digest of a signed credential: lower-case hex SHA-256 of its JCS form.</summary>
    /// <exception cref="SigningException">The credential cannot be put in JCS form (for example a number out of range).</exception>
    public static string Digest(JsonObject signedCredential)
    {
        ArgumentNullException.ThrowIfNull(signedCredential);
        return Convert.ToHexStringLower(SHA256.HashData(Jcs.Canonicalize(signedCredential)));
    }

    /// <summary>
    /// Signs the list of <paramref name="digests"/> for <paramref name="revokedKey"/> with <paramref name="signer"/>, whose
    /// verification method is <paramref name="signerMethod"/> (a current key of the same institution).
    /// </summary>
    public static JsonObject Create(string issuer, IssuerKey revokedKey, IEnumerable<string> digests, DateTimeOffset created,
                                    string signerMethod, KeyPair signer)
    {
        ArgumentNullException.ThrowIfNull(revokedKey);
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(signer);
        var document = new JsonObject
        {
            ["type"] = Type,
            ["issuer"] = issuer,
            ["revokedKey"] = revokedKey.VerificationMethod,
            ["revoked"] = DateTimeStamp.Format(revokedKey.RevokedAt ?? created),
            ["digestAlgorithm"] = DigestAlgorithm,
            ["credentials"] = new JsonArray([.. digests.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(d => (JsonNode?)d)]),
        };
        return DataIntegrityProof.Sign(document, new ProofOptions
        {
            Cryptosuite = signer.PublicKey.Type == KeyType.Ed25519 ? "eddsa-jcs-2022" : "ecdsa-jcs-2019",
            VerificationMethod = signerMethod,
            Created = created,
        }, signer);
    }

    /// <summary>
    /// Accepts <paramref name="list"/> into <paramref name="institution"/> when it is a list for one of its revoked keys, signed
    /// by one of its keys that <see cref="TrustRule"/> accepts for a document without a credential (so never a revoked key);
    /// otherwise returns the institution unchanged with the reason in <paramref name="problem"/>.
    /// </summary>
    public static TrustedInstitution Accept(TrustedInstitution institution, JsonObject list, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(list);
        var revokedMethod = TrustedInstitution.Text(list["revokedKey"]);
        var revoked = revokedMethod is null ? null : institution.Find(revokedMethod);
        if (TrustedInstitution.Text(list["type"]) != Type || TrustedInstitution.Text(list["digestAlgorithm"]) != DigestAlgorithm
            || list["credentials"] is not JsonArray credentials)
        {
            problem = "The document is not a list of issued credentials this verifier reads.";
            return institution;
        }
        if (revoked is not { State: KeyState.Revoked })
        {
            problem = $"The list of issued credentials is for the key {revokedMethod ?? "(none)"}, which {institution.Did} does not publish as revoked.";
            return institution;
        }
        if (list["proof"] is not JsonObject proof || TrustedInstitution.Text(proof["verificationMethod"]) is not { } signerMethod)
        {
            problem = "The list of issued credentials is not signed.";
            return institution;
        }
        var signer = institution.Find(signerMethod);
        var decision = TrustRule.Judge([institution], signer?.Controller ?? IssuerKey.ControllerOf(signerMethod), signerMethod,
                                       TrustedInstitution.Date(proof["created"]), credentialDigest: null);
        if (decision.Status != CheckStatus.Passed || signer is null)
        {
            problem = $"The list of issued credentials for {revokedMethod} cannot be accepted: {decision.Reason}";
            return institution;
        }
        var result = DataIntegrityProof.Verify(list, new ProofVerificationOptions
        {
            VerificationMethods = new Dictionary<string, PublicKey>(StringComparer.Ordinal) { [signerMethod] = signer.PublicKey },
        });
        if (!result.IsVerified)
        {
            problem = $"The list of issued credentials for {revokedMethod} does not carry a valid signature: {result.Proofs[0].Reason}";
            return institution;
        }
        var digests = credentials.Select(TrustedInstitution.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
        problem = null;
        return institution with
        {
            IssuedCredentials = new Dictionary<string, IReadOnlySet<string>>(institution.IssuedCredentials, StringComparer.Ordinal)
            {
                [revokedMethod!] = digests,
            },
        };
    }
}
