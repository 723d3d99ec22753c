// The file an institution gives admissions offices, and how a newer one is accepted.
//   { "didDocument": {…}, "profile": {"name": …}, "statusLists": [url…], "url": where to fetch a newer bundle,
//     "formerKeys": [Multikey methods of earlier did:keys, with expires / revoked],
//     "keyLinks": [documents by which a key, before it was retired, named its successor],
//     "issuedCredentials": [IssuedCredentialsList…], "proof": {by the institution's current key} }
// Key continuity: a newer bundle replaces the office's copy only if its proof is by a key the office already trusts, or by
// a key reached from one through key links each signed by a trusted key in good standing (TrustRule without a credential:
// never a revoked key, a retired key only before it was retired). Without continuity nothing is replaced, but the newer
// bundle's revocations of keys the office already has are still applied: a revocation only takes trust away, so believing
// it is always safe, and it is what lets a compromise reach every office.
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Trust;

/// <summary>A trust bundle read and checked: the institution it describes, and what could not be accepted from it.</summary>
/// <param name="Institution">The institution with its keys (did:key institutions: former keys too) and accepted issued-credential lists.</param>
/// <param name="StatusLists">The status list URLs it names.</param>
/// <param name="Url">Where a newer bundle is published, when it says.</param>
/// <param name="Problems">Parts that were not accepted (for example a list signed by a revoked key), each in a sentence.</param>
public sealed record TrustBundle(TrustedInstitution Institution, IReadOnlyList<string> StatusLists, string? Url, IReadOnlyList<string> Problems)
{
    /// <summary>The <c>type</c> of a key link.</summary>
    public const string KeyLinkType = "KeySuccession";

    /// <summary>Reads a trust bundle, or a bare DID document (which has no name, lists or links).</summary>
    /// <exception cref="SigningException"><see cref="SigningError.InvalidJson"/> when neither has a DID in <c>id</c>.</exception>
    public static TrustBundle Read(JsonObject bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var didDocument = bundle["didDocument"] as JsonObject ?? bundle;
        var name = bundle["profile"] is JsonObject profile ? TrustedInstitution.Text(profile["name"]) : null;
        var institution = TrustedInstitution.FromDidDocument(didDocument, name);
        institution = institution.WithKeys(TrustedInstitution.Items(bundle["formerKeys"]).OfType<JsonObject>()
            .Select(m => TrustedInstitution.ReadMethod(m, institution.Did))
            .OfType<IssuerKey>().Where(IsOwnDidKey));
        var problems = new List<string>();
        foreach (var list in TrustedInstitution.Items(bundle["issuedCredentials"]).OfType<JsonObject>())
        {
            institution = IssuedCredentialsList.Accept(institution, list, out var problem);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }
        var lists = TrustedInstitution.Items(bundle["statusLists"]).Select(TrustedInstitution.Text).OfType<string>().ToList();
        return new TrustBundle(institution, lists, TrustedInstitution.Text(bundle["url"]), problems);
    }

    /// <summary>Signs a bundle with the institution's current key (eddsa-jcs-2022 or ecdsa-jcs-2019).</summary>
    public static JsonObject Sign(JsonObject unsignedBundle, string verificationMethod, KeyPair key, DateTimeOffset created) =>
        DataIntegrityProof.Sign(unsignedBundle, Options(verificationMethod, key, created), key);

    /// <summary>A key link: <paramref name="current"/>, before it is retired and destroyed, names <paramref name="successor"/>.</summary>
    public static JsonObject CreateKeyLink(string currentMethod, KeyPair current, IssuerKey successor, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(successor);
        var link = new JsonObject
        {
            ["type"] = KeyLinkType,
            ["successor"] = TrustedInstitution.WriteMethod(successor with { State = KeyState.Active, RetiredAt = null, RevokedAt = null }),
        };
        return DataIntegrityProof.Sign(link, Options(currentMethod, current, created), current);
    }

    /// <summary>
    /// Whether this (newer) bundle may replace the office's <paramref name="trusted"/> copy of the institution, by key continuity.
    /// </summary>
    /// <param name="trusted">The institution as the office trusts it now.</param>
    /// <param name="bundle">This bundle's document, for its proof and key links.</param>
    /// <param name="reason">Why, in a sentence.</param>
    public bool Continues(TrustedInstitution trusted, JsonObject bundle, out string reason)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        ArgumentNullException.ThrowIfNull(bundle);
        // What the office trusts, less what the newer bundle says is revoked.
        var known = new TrustedInstitution(trusted.Did, trusted.Name, trusted.Keys.Select(k =>
            Institution.Find(k.VerificationMethod) is { State: KeyState.Revoked } r && r.PublicKey.Equals(k.PublicKey) ? k.Revoke(r.RevokedAt)
            : Institution.Find(k.VerificationMethod) is { State: KeyState.Retired } t && t.PublicKey.Equals(k.PublicKey) && k.State == KeyState.Active
                ? k with { State = KeyState.Retired, RetiredAt = t.RetiredAt } : k));
        var links = TrustedInstitution.Items(bundle["keyLinks"]).OfType<JsonObject>().ToList();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var link in links)
            {
                if (TrustedInstitution.Text(link["type"]) == KeyLinkType && link["successor"] is JsonObject next
                    && TrustedInstitution.ReadMethod(next, IssuerKey.ControllerOf(TrustedInstitution.Text(next["id"]) ?? "")) is { } successor
                    && known.Find(successor.VerificationMethod) is null && IsSignedByTrusted(known, link, out _))
                {
                    known = known.WithKeys([Institution.Find(successor.VerificationMethod) ?? successor]);
                    grew = true;
                }
            }
        }
        if (!IsSignedByTrusted(known, bundle, out var why))
        {
            reason = $"The newer trust bundle of {trusted.Name ?? trusted.Did} is not signed by a key you already trust, nor linked from one: {why}";
            return false;
        }
        reason = $"The newer trust bundle of {trusted.Name ?? trusted.Did} is signed by a key you already trust (or one it named as its successor).";
        return true;
    }

    /// <summary>The office's copy with only the newer bundle's revocations applied (safe without continuity).</summary>
    public TrustedInstitution RevocationsFor(TrustedInstitution trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        return trusted with
        {
            Keys = [.. trusted.Keys.Select(k => Institution.Find(k.VerificationMethod) is { State: KeyState.Revoked } r && r.PublicKey.Equals(k.PublicKey)
                ? k.Revoke(r.RevokedAt) : k)],
        };
    }

    private static bool IsSignedByTrusted(TrustedInstitution known, JsonObject document, out string reason)
    {
        if (document["proof"] is not JsonObject proof || TrustedInstitution.Text(proof["verificationMethod"]) is not { } method)
        {
            reason = "it is not signed.";
            return false;
        }
        var key = known.Find(method);
        var decision = TrustRule.Judge([known], key?.Controller ?? IssuerKey.ControllerOf(method), method, TrustedInstitution.Date(proof["created"]), null);
        if (decision.Status != CheckStatus.Passed || key is null)
        {
            reason = decision.Reason;
            return false;
        }
        var verified = DataIntegrityProof.Verify(document, new ProofVerificationOptions
        {
            VerificationMethods = new Dictionary<string, PublicKey>(StringComparer.Ordinal) { [method] = key.PublicKey },
        });
        reason = verified.IsVerified ? "" : verified.Proofs[0].Reason;
        return verified.IsVerified;
    }

    // A former did:key names exactly one key, and its method id says which: did:key:X#X.
    private static bool IsOwnDidKey(IssuerKey key) =>
        key.Controller.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && key.VerificationMethod == DidKey.VerificationMethodId(key.PublicKey)
        && key.Controller == DidKey.Create(key.PublicKey);

    private static ProofOptions Options(string method, KeyPair key, DateTimeOffset created) => new()
    {
        Cryptosuite = key.PublicKey.Type == KeyType.Ed25519 ? "eddsa-jcs-2022" : "ecdsa-jcs-2019",
        VerificationMethod = method,
        Created = created,
    };
}
