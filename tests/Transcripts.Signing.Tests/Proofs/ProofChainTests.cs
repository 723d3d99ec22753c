using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Tests.Proofs;

/// <summary>
/// Proof chains as VC Data Integrity 1.0 §4.3 (Add Proof Set/Chain) and §4.5 (Verify Proof Sets and Chains) specify: a
/// proof with <c>previousProof</c> (a string or a list) is made over the document plus the proofs it names, and counts
/// only when those proofs verify too.
/// </summary>
public sealed class ProofChainTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject SignFirst(KeyPair pair, string id, DateTimeOffset? expires = null) =>
        DataIntegrityProof.Sign(TestDocuments.Credential(),
            TestDocuments.Options(pair, "eddsa-jcs-2022") with { Id = id, Expires = expires }, pair);

    private static JsonObject Chain(JsonObject document, KeyPair pair, string? id, params string[] previous) =>
        DataIntegrityProof.Sign(document, TestDocuments.Options(pair, "eddsa-jcs-2022") with { Id = id, PreviousProof = previous }, pair);

    [Fact]
    public void Chain_naming_two_earlier_proofs_as_a_list_verifies()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        using var c = Ed25519KeyPair.Generate();
        var set = DataIntegrityProof.Sign(SignFirst(a, "urn:proof:a"), TestDocuments.Options(b, "eddsa-jcs-2022") with { Id = "urn:proof:b" }, b);

        var chained = Chain(set, c, "urn:proof:c", "urn:proof:a", "urn:proof:b");

        Assert.Equal(["urn:proof:a", "urn:proof:b"], chained["proof"]![2]!["previousProof"]!.AsArray().Select(n => (string)n!));
        var result = DataIntegrityProof.Verify(chained);
        Assert.True(result.IsVerified, string.Join(" ", result.Proofs.Select(p => p.Reason)));
        Assert.Equal(3, result.Proofs.Count);
    }

    [Fact]
    public void Chain_fails_when_the_referenced_proof_is_altered()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        var chained = Chain(SignFirst(a, "urn:proof:a"), b, null, "urn:proof:a");

        chained["proof"]![0]!["created"] = "2026-01-16T09:30:00Z";

        var result = DataIntegrityProof.Verify(chained);
        Assert.False(result.Proofs[0].IsVerified);
        Assert.False(result.Proofs[1].IsVerified);
        Assert.False(result.IsVerified);
    }

    [Fact]
    public void Chain_fails_when_the_referenced_proof_is_swapped_for_another_valid_proof_with_the_same_id()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        using var attacker = Ed25519KeyPair.Generate();
        var chained = Chain(SignFirst(a, "urn:proof:a"), b, null, "urn:proof:a");
        var forgedFirst = SignFirst(attacker, "urn:proof:a")["proof"]!.DeepClone();

        chained["proof"]![0] = forgedFirst;

        var result = DataIntegrityProof.Verify(chained);
        Assert.True(result.Proofs[0].IsVerified, result.Proofs[0].Reason);
        Assert.False(result.Proofs[1].IsVerified);
        Assert.Contains("does not match", result.Proofs[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chained_proof_does_not_count_when_the_proof_it_names_fails_for_a_reason_outside_the_signed_bytes()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        var chained = Chain(SignFirst(a, "urn:proof:a", expires: s_now.AddDays(-1)), b, null, "urn:proof:a");

        var result = DataIntegrityProof.Verify(chained, ProofVerificationOptions.Default with { Now = s_now });

        Assert.Contains("expired", result.Proofs[0].Reason, StringComparison.Ordinal);
        Assert.False(result.Proofs[1].IsVerified);
        Assert.Contains("'urn:proof:a', which is not valid", result.Proofs[1].Reason, StringComparison.Ordinal);
        Assert.True(DataIntegrityProof.Verify(chained).IsVerified, "without a clock nothing has expired, so the same chain verifies");
    }

    [Fact]
    public void Chain_of_three_fails_from_the_end_when_its_first_proof_fails()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        using var c = Ed25519KeyPair.Generate();
        var chained = Chain(Chain(SignFirst(a, "urn:proof:a", expires: s_now.AddDays(-1)), b, "urn:proof:b", "urn:proof:a"), c, null, "urn:proof:b");

        var result = DataIntegrityProof.Verify(chained, ProofVerificationOptions.Default with { Now = s_now });

        Assert.All(result.Proofs, p => Assert.False(p.IsVerified));
        Assert.Contains("'urn:proof:b', which is not valid", result.Proofs[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_fails_when_previousProof_names_an_id_the_document_does_not_have()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        var chained = Chain(SignFirst(a, "urn:proof:a"), b, null, "urn:proof:a");

        chained["proof"]![0]!["id"] = "urn:proof:renamed";

        var result = DataIntegrityProof.Verify(chained);
        Assert.False(result.Proofs[1].IsVerified);
        Assert.Contains("'urn:proof:a', which the document does not have", result.Proofs[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_fails_when_two_proofs_carry_the_id_it_names()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        var chained = Chain(SignFirst(a, "urn:proof:a"), b, null, "urn:proof:a");

        chained["proof"]!.AsArray().Add(chained["proof"]![0]!.DeepClone());

        var result = DataIntegrityProof.Verify(chained);
        Assert.False(result.Proofs[1].IsVerified);
        Assert.Contains("more than one proof with that id", result.Proofs[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[\"urn:proof:a\", 7]")]
    [InlineData("{\"id\": \"urn:proof:a\"}")]
    public void Chain_fails_when_previousProof_is_neither_a_string_nor_a_list_of_strings(string value)
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        var chained = Chain(SignFirst(a, "urn:proof:a"), b, null, "urn:proof:a");

        chained["proof"]![1]!["previousProof"] = JsonNode.Parse(value);

        var result = DataIntegrityProof.Verify(chained);
        Assert.False(result.Proofs[1].IsVerified);
        Assert.Contains("neither a string nor a list of strings", result.Proofs[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_refuses_a_proof_id_the_document_already_has()
    {
        using var a = Ed25519KeyPair.Generate();

        var e = Assert.Throws<SigningException>(() => Chain(SignFirst(a, "urn:proof:a"), a, "urn:proof:a", "urn:proof:a"));

        Assert.Equal(SigningError.InvalidProof, e.Error);
    }

    [Fact]
    public void Rdfc_chain_verifies_and_fails_when_the_earlier_proof_is_removed()
    {
        using var a = Ed25519KeyPair.Generate();
        using var b = Ed25519KeyPair.Generate();
        // Parsed, as a received document is (an in-memory integer node is not what the RDF literal writer reads).
        var credential = JsonInput.ParseObject(System.Text.Encoding.UTF8.GetBytes(TestDocuments.Credential().ToJsonString()));
        var first = DataIntegrityProof.Sign(credential, TestDocuments.Options(a, "eddsa-rdfc-2022") with { Id = "urn:proof:a" }, a);
        var chained = DataIntegrityProof.Sign(first, TestDocuments.Options(b, "eddsa-rdfc-2022") with { PreviousProof = ["urn:proof:a"] }, b);

        Assert.True(DataIntegrityProof.Verify(chained).IsVerified);

        chained["proof"] = chained["proof"]![1]!.DeepClone();
        var result = DataIntegrityProof.Verify(chained);
        Assert.False(result.IsVerified);
        Assert.Contains("'urn:proof:a', which the document does not have", result.Proofs[0].Reason, StringComparison.Ordinal);
    }
}
