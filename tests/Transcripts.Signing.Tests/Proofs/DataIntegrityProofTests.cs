using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Tests.Proofs;

public sealed class DataIntegrityProofTests
{
    [Theory]
    [InlineData("eddsa-jcs-2022", KeyType.Ed25519)]
    [InlineData("ecdsa-jcs-2019", KeyType.P256)]
    [InlineData("ecdsa-jcs-2019", KeyType.P384)]
    public void Sign_then_verify_round_trips(string cryptosuite, KeyType keyType)
    {
        using var pair = NewKey(keyType);

        var signed = TestDocuments.Signed(pair, cryptosuite);
        var result = DataIntegrityProof.Verify(signed);

        Assert.True(result.IsVerified, result.Proofs[0].Reason);
        Assert.Equal(pair.PublicKey, result.Proofs[0].Key);
        Assert.Equal("2026-01-15T09:30:00Z", (string)signed["proof"]!["created"]!);
        Assert.True(JsonNode.DeepEquals(signed["@context"], signed["proof"]!["@context"]));
    }

    [Fact]
    public void Sign_does_not_change_its_input()
    {
        using var pair = Ed25519KeyPair.Generate();
        var credential = TestDocuments.Credential();
        var before = credential.ToJsonString();

        DataIntegrityProof.Sign(credential, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);

        Assert.Equal(before, credential.ToJsonString());
    }

    [Fact]
    public void Sign_twice_makes_a_proof_set_whose_proofs_verify_independently()
    {
        using var first = Ed25519KeyPair.Generate();
        using var second = P256KeyPair.Generate();

        var once = TestDocuments.Signed(first);
        var twice = DataIntegrityProof.Sign(once, TestDocuments.Options(second, "ecdsa-jcs-2019"), second);
        var result = DataIntegrityProof.Verify(twice);

        Assert.Equal(2, twice["proof"]!.AsArray().Count);
        Assert.True(result.IsVerified, string.Join(" ", result.Proofs.Select(p => p.Reason)));

        twice["proof"]![0]!["proofValue"] = (string)twice["proof"]![1]!["proofValue"]!;
        var tampered = DataIntegrityProof.Verify(twice);
        Assert.False(tampered.Proofs[0].IsVerified);
        Assert.True(tampered.Proofs[1].IsVerified);
        Assert.False(tampered.IsVerified);
    }

    [Fact]
    public void Proof_chain_verifies_and_fails_when_the_previous_proof_is_removed()
    {
        using var first = Ed25519KeyPair.Generate();
        using var second = Ed25519KeyPair.Generate();
        var once = DataIntegrityProof.Sign(TestDocuments.Credential(),
            TestDocuments.Options(first, "eddsa-jcs-2022") with { Id = "urn:uuid:first" }, first);

        var chained = DataIntegrityProof.Sign(once,
            TestDocuments.Options(second, "eddsa-jcs-2022") with { PreviousProof = ["urn:uuid:first"] }, second);

        Assert.True(DataIntegrityProof.Verify(chained).IsVerified);
        Assert.Equal("urn:uuid:first", (string)chained["proof"]![1]!["previousProof"]!);

        var broken = (JsonObject)chained.DeepClone();
        broken["proof"] = new JsonArray(chained["proof"]![1]!.DeepClone());
        var result = DataIntegrityProof.Verify(broken);
        Assert.False(result.IsVerified);
        Assert.Contains("urn:uuid:first", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_fails_when_previous_proof_is_missing()
    {
        using var pair = Ed25519KeyPair.Generate();

        var e = Assert.Throws<SigningException>(() => DataIntegrityProof.Sign(TestDocuments.Credential(),
            TestDocuments.Options(pair, "eddsa-jcs-2022") with { PreviousProof = ["urn:uuid:nope"] }, pair));

        Assert.Equal(SigningError.InvalidProof, e.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("eddsa-2022")]
    [InlineData("bbs-2023")]
    public void Sign_rejects_missing_or_unknown_cryptosuite(string cryptosuite)
    {
        using var pair = Ed25519KeyPair.Generate();

        var e = Assert.Throws<SigningException>(() =>
            DataIntegrityProof.Sign(TestDocuments.Credential(), TestDocuments.Options(pair, cryptosuite), pair));

        Assert.Equal(SigningError.UnsupportedCryptosuite, e.Error);
        Assert.Contains("eddsa-jcs-2022", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_rejects_a_key_of_the_wrong_type_for_the_suite()
    {
        using var pair = P256KeyPair.Generate();

        var e = Assert.Throws<SigningException>(() =>
            DataIntegrityProof.Sign(TestDocuments.Credential(), TestDocuments.Options(pair, "eddsa-jcs-2022"), pair));

        Assert.Equal(SigningError.KeyTypeMismatch, e.Error);
    }

    [Fact]
    public void Verify_fails_with_a_reason_when_cryptosuite_is_missing()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed["proof"]!.AsObject().Remove("cryptosuite");

        var result = DataIntegrityProof.Verify(signed);

        Assert.False(result.IsVerified);
        Assert.Contains("no cryptosuite", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_with_a_reason_when_cryptosuite_is_unknown()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed["proof"]!["cryptosuite"] = "eddsa-fancy-2099";

        var result = DataIntegrityProof.Verify(signed);

        Assert.False(result.IsVerified);
        Assert.Contains("'eddsa-fancy-2099'", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_when_the_key_type_does_not_match_the_suite()
    {
        using var ed = Ed25519KeyPair.Generate();
        using var p256 = P256KeyPair.Generate();
        var signed = TestDocuments.Signed(p256, "ecdsa-jcs-2019");
        signed["proof"]!["verificationMethod"] = DidKey.VerificationMethodId(ed.PublicKey);

        var result = DataIntegrityProof.Verify(signed);

        Assert.False(result.IsVerified);
        Assert.Contains("Ed25519 key", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_for_the_wrong_proof_purpose()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = DataIntegrityProof.Sign(TestDocuments.Credential(),
            TestDocuments.Options(pair, "eddsa-jcs-2022") with { ProofPurpose = "authentication" }, pair);

        Assert.False(DataIntegrityProof.Verify(signed).IsVerified);
        Assert.True(DataIntegrityProof.Verify(signed, new() { ExpectedProofPurpose = "authentication" }).IsVerified);
    }

    [Fact]
    public void Verify_fails_for_malformed_multibase_proof_value()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed["proof"]!["proofValue"] = "m" + ((string)signed["proof"]!["proofValue"]!)[1..];

        var result = DataIntegrityProof.Verify(signed);

        Assert.False(result.IsVerified);
        Assert.Contains("multibase", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_for_wrong_signature_length()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed["proof"]!["proofValue"] = Transcripts.Signing.Encoding.Multibase.EncodeBase58Btc(new byte[63]);

        var result = DataIntegrityProof.Verify(signed);

        Assert.False(result.IsVerified);
        Assert.Contains("63 bytes", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_for_an_expired_proof_domain_or_challenge_mismatch()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = DataIntegrityProof.Sign(TestDocuments.Credential(), TestDocuments.Options(pair, "eddsa-jcs-2022") with
        {
            Expires = TestDocuments.Created.AddDays(1),
            Domain = "example.edu",
            Challenge = "abc",
        }, pair);

        Assert.True(DataIntegrityProof.Verify(signed, new() { Now = TestDocuments.Created, ExpectedDomain = "example.edu", ExpectedChallenge = "abc" }).IsVerified);
        Assert.Contains("expired", DataIntegrityProof.Verify(signed, new() { Now = TestDocuments.Created.AddDays(2) }).Proofs[0].Reason, StringComparison.Ordinal);
        Assert.False(DataIntegrityProof.Verify(signed, new() { ExpectedDomain = "other.edu" }).IsVerified);
        Assert.False(DataIntegrityProof.Verify(signed, new() { ExpectedChallenge = "xyz" }).IsVerified);
    }

    [Fact]
    public void Verify_reports_no_proofs_as_not_verified()
    {
        var result = DataIntegrityProof.Verify(TestDocuments.Credential());

        Assert.Empty(result.Proofs);
        Assert.False(result.IsVerified);
    }

    [Fact]
    public void Verify_refuses_more_proofs_than_the_limit()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed = DataIntegrityProof.Sign(signed, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);

        var result = DataIntegrityProof.Verify(signed, new() { Limits = Limits.Default with { MaxProofs = 1 } });

        Assert.False(result.IsVerified);
        Assert.Contains("at most 1", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_resolves_did_web_keys_from_a_supplied_DID_document_for_the_right_purpose_only()
    {
        using var pair = Ed25519KeyPair.Generate();
        const string did = "did:web:school.example";
        var document = new JsonObject
        {
            ["id"] = did,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = did + "#key-1",
                ["type"] = "Multikey",
                ["controller"] = did,
                ["publicKeyMultibase"] = Multikey.Encode(pair.PublicKey),
            }),
            ["assertionMethod"] = new JsonArray("#key-1"),
        };
        var signed = DataIntegrityProof.Sign(TestDocuments.Credential(did),
            TestDocuments.Options(pair, "eddsa-jcs-2022") with { VerificationMethod = did + "#key-1" }, pair);

        Assert.True(DataIntegrityProof.Verify(signed, new() { DidDocuments = [document] }).IsVerified);
        Assert.Contains("not known", DataIntegrityProof.Verify(signed).Proofs[0].Reason, StringComparison.Ordinal);
        document.Remove("assertionMethod");
        Assert.Contains("does not authorise", DataIntegrityProof.Verify(signed, new() { DidDocuments = [document] }).Proofs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_accepts_a_retired_did_web_key_only_for_proofs_made_before_it_was_retired()
    {
        var (pair, method, document, earlier, later, now) = RetiredOrRevoked();
        using (pair)
        {
            method["expires"] = "2026-06-01T00:00:00Z";

            // Signed before the key was retired: still valid afterwards, which is what keeps rotation safe.
            Assert.True(DataIntegrityProof.Verify(earlier, new() { DidDocuments = [document], Now = now }).IsVerified);
            // Signed after: refused, whatever the verifier's clock says (the key was destroyed at retirement).
            var refused = DataIntegrityProof.Verify(later, new() { DidDocuments = [document], Now = now });
            Assert.False(refused.IsVerified);
            Assert.Contains("retired", refused.Proofs[0].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_never_accepts_a_revoked_did_web_key_on_its_backdatable_created()
    {
        var (pair, method, document, earlier, later, now) = RetiredOrRevoked();
        using (pair)
        {
            method["revoked"] = "2026-06-01T00:00:00Z";

            // A thief writes any "created": a proof dated before the compromise proves nothing on its own.
            foreach (var proof in new[] { earlier, later })
            {
                var refused = DataIntegrityProof.Verify(proof, new() { DidDocuments = [document], Now = now });
                Assert.False(refused.IsVerified);
                Assert.Contains("revoked", refused.Proofs[0].Reason, StringComparison.Ordinal);
            }
        }
    }

    private static (Ed25519KeyPair Pair, JsonObject Method, JsonObject Document, JsonObject Earlier, JsonObject Later, DateTimeOffset Now) RetiredOrRevoked()
    {
        var pair = Ed25519KeyPair.Generate();
        const string did = "did:web:school.example";
        var method = new JsonObject
        {
            ["id"] = did + "#key-1",
            ["type"] = "Multikey",
            ["controller"] = did,
            ["publicKeyMultibase"] = Multikey.Encode(pair.PublicKey),
        };
        var document = new JsonObject { ["id"] = did, ["verificationMethod"] = new JsonArray(method), ["assertionMethod"] = new JsonArray("#key-1") };
        var options = TestDocuments.Options(pair, "eddsa-jcs-2022") with { VerificationMethod = did + "#key-1" };
        var earlier = DataIntegrityProof.Sign(TestDocuments.Credential(did), options, pair);
        var later = DataIntegrityProof.Sign(TestDocuments.Credential(did), options with { Created = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero) }, pair);
        return (pair, method, document, earlier, later, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Verify_uses_keys_the_caller_vouches_for()
    {
        using var pair = P256KeyPair.Generate();
        const string method = "https://school.example/keys/1";
        var signed = DataIntegrityProof.Sign(TestDocuments.Credential(),
            TestDocuments.Options(pair, "ecdsa-jcs-2019") with { VerificationMethod = method }, pair);

        var result = DataIntegrityProof.Verify(signed, new()
        {
            VerificationMethods = new Dictionary<string, PublicKey> { [method] = pair.PublicKey },
        });

        Assert.True(result.IsVerified, result.Proofs[0].Reason);
    }

    [Fact]
    public void Verify_fails_when_proof_context_is_not_a_prefix_of_the_document_context()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed["@context"] = new JsonArray("https://www.w3.org/ns/credentials/examples/v2");

        var result = DataIntegrityProof.Verify(signed);

        Assert.Contains("@context", result.Proofs[0].Reason, StringComparison.Ordinal);
    }

    private static KeyPair NewKey(KeyType type) => type switch
    {
        KeyType.Ed25519 => Ed25519KeyPair.Generate(),
        KeyType.P256 => P256KeyPair.Generate(),
        _ => P384KeyPair.Generate(),
    };
}
