using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

/// <summary>The hash algorithms RDFC-1.0 §4.2 allows: SHA-256 by default, SHA-384 when a cryptosuite asks for it.</summary>
internal enum Rdfc10HashAlgorithm
{
    /// <summary>SHA-256 (the default).</summary>
    Sha256 = 0,
    /// <summary>SHA-384 (for example ecdsa-rdfc-2019 with P-384).</summary>
    Sha384 = 1,
}

/// <summary>Options of one canonicalization run.</summary>
internal sealed record Rdfc10Options
{
    /// <summary>SHA-256 and the default <see cref="Signing.Limits"/>.</summary>
    public static Rdfc10Options Default { get; } = new();

    /// <summary>The hash algorithm used by Hash First Degree Quads, Hash Related Blank Node and Hash N-Degree Quads.</summary>
    public Rdfc10HashAlgorithm HashAlgorithm { get; init; } = Rdfc10HashAlgorithm.Sha256;

    /// <summary>
    /// The bounds; <see cref="Limits.MaxHashNDegreeQuadsCalls"/> stops poisoned datasets and
    /// <see cref="Limits.MaxNodes"/> bounds the number of quads.
    /// </summary>
    public Limits Limits { get; init; } = Limits.Default;
}

/// <summary>The outcome of RDFC-1.0 (§4.4.3 step 6): the canonical N-Quads and the issued identifiers map.</summary>
/// <param name="CanonicalNQuads">The canonical N-Quads document: one line per quad, sorted by Unicode code point, each ending in a line feed.</param>
/// <param name="CanonicalQuads">The relabelled quads, in the same order as the lines of <paramref name="CanonicalNQuads"/>.</param>
/// <param name="IssuedIdentifiers">Input blank node label (without <c>_:</c>) → canonical label (<c>c14n0</c>, …), in order of issue.</param>
/// <param name="HashNDegreeQuadsCalls">How many times Hash N-Degree Quads ran: the work measured against the limit.</param>
internal sealed record Rdfc10Result(
    string CanonicalNQuads,
    IReadOnlyList<Quad> CanonicalQuads,
    IReadOnlyDictionary<string, string> IssuedIdentifiers,
    int HashNDegreeQuadsCalls);
