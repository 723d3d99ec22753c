using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;

namespace Transcripts.Signing.Tests.Trust;

/// <summary>Key continuity between an office's copy of a trust bundle and a newer one.</summary>
public sealed class TrustBundleTests
{
    private const string Did = "did:web:school.example";
    private static readonly DateTimeOffset s_added = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_rotated = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static string MethodOf(KeyPair key) => $"{Did}#{Multikey.Encode(key.PublicKey)}";

    private static IssuerKey KeyOf(KeyPair key, KeyState state = KeyState.Active, DateTimeOffset? retired = null, DateTimeOffset? revoked = null) =>
        new(MethodOf(key), Did, key.PublicKey, state, retired, revoked);

    private static JsonObject Bundle(KeyPair signer, IEnumerable<IssuerKey> keys, DateTimeOffset at, params JsonObject[] links)
    {
        var methods = new JsonArray([.. keys.Select(k => (JsonNode?)TrustedInstitution.WriteMethod(k))]);
        var bundle = new JsonObject
        {
            ["didDocument"] = new JsonObject
            {
                ["id"] = Did, ["verificationMethod"] = methods,
                ["assertionMethod"] = new JsonArray([.. keys.Select(k => (JsonNode?)k.VerificationMethod)]),
            },
            ["profile"] = new JsonObject { ["name"] = "Riverside" },
            ["keyLinks"] = new JsonArray([.. links.Select(l => (JsonNode?)l.DeepClone())]),
        };
        return TrustBundle.Sign(bundle, MethodOf(signer), signer, at);
    }

    [Fact]
    public void A_rotated_bundle_continues_through_the_link_the_old_key_made_before_it_was_retired()
    {
        using var first = Ed25519KeyPair.Generate();
        using var second = Ed25519KeyPair.Generate();
        var office = TrustBundle.Read(Bundle(first, [KeyOf(first)], s_added)).Institution;
        var link = TrustBundle.CreateKeyLink(MethodOf(first), first, KeyOf(second), s_rotated);
        var newer = Bundle(second, [KeyOf(first, KeyState.Retired, retired: s_rotated), KeyOf(second)], s_rotated, link);

        Assert.True(TrustBundle.Read(newer).Continues(office, newer, out var reason), reason);
    }

    [Fact]
    public void A_bundle_signed_by_a_key_the_office_never_trusted_is_refused_without_continuity()
    {
        using var first = Ed25519KeyPair.Generate();
        using var attacker = Ed25519KeyPair.Generate();
        var office = TrustBundle.Read(Bundle(first, [KeyOf(first)], s_added)).Institution;
        var takeover = Bundle(attacker, [KeyOf(attacker)], s_rotated);

        Assert.False(TrustBundle.Read(takeover).Continues(office, takeover, out var reason));
        Assert.Contains("not signed by a key you already trust", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_made_by_a_revoked_key_gives_no_continuity_but_the_revocation_is_applied()
    {
        using var stolen = Ed25519KeyPair.Generate();
        using var attacker = Ed25519KeyPair.Generate();
        var office = TrustBundle.Read(Bundle(stolen, [KeyOf(stolen)], s_added)).Institution;
        // The thief links the stolen key to a key of their own, dated before the compromise; the school has revoked it.
        var link = TrustBundle.CreateKeyLink(MethodOf(stolen), stolen, KeyOf(attacker), s_added.AddDays(1));
        var newer = Bundle(attacker, [KeyOf(stolen, KeyState.Revoked, revoked: s_added), KeyOf(attacker)], s_rotated, link);
        var read = TrustBundle.Read(newer);

        Assert.False(read.Continues(office, newer, out _));
        var revoked = read.RevocationsFor(office);
        Assert.Equal(KeyState.Revoked, revoked.Find(MethodOf(stolen))!.State);
        Assert.Null(revoked.Find(MethodOf(attacker)));
    }

    [Fact]
    public void A_former_did_key_in_a_bundle_counts_only_as_its_own_did_key()
    {
        using var old = Ed25519KeyPair.Generate();
        using var current = Ed25519KeyPair.Generate();
        var bundle = new JsonObject
        {
            ["didDocument"] = DidKey.CreateDocument(DidKey.Create(current.PublicKey)),
            ["formerKeys"] = new JsonArray(
                TrustedInstitution.WriteMethod(new IssuerKey(DidKey.VerificationMethodId(old.PublicKey), DidKey.Create(old.PublicKey), old.PublicKey,
                    KeyState.Revoked, RevokedAt: s_rotated)),
                // Someone else's key, claimed as a former key under another DID: ignored.
                TrustedInstitution.WriteMethod(new IssuerKey("did:web:victim.example#k", "did:web:victim.example", old.PublicKey, KeyState.Active))),
        };

        var read = TrustBundle.Read(bundle).Institution;

        Assert.Equal(KeyState.Revoked, read.Find(DidKey.VerificationMethodId(old.PublicKey))!.State);
        Assert.Null(read.Find("did:web:victim.example#k"));
        Assert.Contains(DidKey.Create(old.PublicKey), read.Dids);
    }
}
