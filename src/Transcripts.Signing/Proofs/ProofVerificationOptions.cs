using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs;

/// <summary>
/// What a proof is verified against. did:key verification methods resolve offline without help; keys of
/// other DIDs (did:web) come from <see cref="VerificationMethods"/> or <see cref="DidDocuments"/>.
/// </summary>
public sealed record ProofVerificationOptions
{
    /// <summary>The defaults: assertionMethod, did:key only.</summary>
    public static ProofVerificationOptions Default { get; } = new();

    /// <summary>The proof purpose a proof must have (default <c>assertionMethod</c>).</summary>
    public string ExpectedProofPurpose { get; init; } = "assertionMethod";

    /// <summary>Keys the caller vouches for, by verification method id (for example from a trust list).</summary>
    public IReadOnlyDictionary<string, PublicKey>? VerificationMethods { get; init; }

    /// <summary>DID documents the caller has (for example a cached did:web document); their Multikey methods are used.</summary>
    public IReadOnlyList<JsonObject>? DidDocuments { get; init; }

    /// <summary>When set, a proof whose <c>expires</c> is earlier fails.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>When set, a proof must carry this <c>domain</c>.</summary>
    public string? ExpectedDomain { get; init; }

    /// <summary>When set, a proof must carry this <c>challenge</c>.</summary>
    public string? ExpectedChallenge { get; init; }

    /// <summary>Bounds on canonicalization work and on the number of proofs.</summary>
    public Limits Limits { get; init; } = Limits.Default;

    /// <summary>Loads JSON-LD contexts for the RDFC suites.</summary>
    internal IDocumentLoader? DocumentLoader { get; init; }
}
