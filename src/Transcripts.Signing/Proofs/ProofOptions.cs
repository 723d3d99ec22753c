using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Proofs;

/// <summary>
/// The options of a new Data Integrity proof (VC Data Integrity 1.0 §2.1). The proof <c>type</c> is
/// <c>DataIntegrityProof</c>; time is passed in, never read from a clock.
/// </summary>
public sealed record ProofOptions
{
    /// <summary>The cryptosuite, e.g. <c>eddsa-jcs-2022</c> or <c>ecdsa-jcs-2019</c>.</summary>
    public required string Cryptosuite { get; init; }

    /// <summary>The verification method that verifies the proof, e.g. <c>did:key:z6Mk…#z6Mk…</c>.</summary>
    public required string VerificationMethod { get; init; }

    /// <summary>When the proof was made; written as an XML Schema dateTime in UTC with whole seconds. Omitted when null.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The proof purpose (default <c>assertionMethod</c>, what an issuer uses).</summary>
    public string ProofPurpose { get; init; } = "assertionMethod";

    /// <summary>When the proof stops being valid, if ever.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>An optional domain restriction.</summary>
    public string? Domain { get; init; }

    /// <summary>An optional challenge, as in a presentation.</summary>
    public string? Challenge { get; init; }

    /// <summary>An optional identifier of this proof (needed when later proofs chain to it).</summary>
    public string? Id { get; init; }

    /// <summary>Ids of earlier proofs in the document that this proof chains to (a proof chain), if any.</summary>
    public IReadOnlyList<string>? PreviousProof { get; init; }

    /// <summary>Bounds on canonicalization work.</summary>
    public Limits Limits { get; init; } = Limits.Default;

    /// <summary>Loads JSON-LD contexts for the RDFC suites.</summary>
    internal IDocumentLoader? DocumentLoader { get; init; }
}
