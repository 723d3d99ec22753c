namespace Transcripts.Signing;

/// <summary>
/// Bounds on untrusted input. Every parser and canonicalizer takes one; the defaults are safe for
/// credentials and transcripts a school issues (a CLR with hundreds of embedded credentials fits).
/// </summary>
public sealed record Limits
{
    /// <summary>The defaults.</summary>
    public static Limits Default { get; } = new();

    /// <summary>Largest JSON document accepted, in bytes (default 8 MiB).</summary>
    public int MaxDocumentBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most JSON values (objects, arrays, scalars) or RDF quads processed for one document (default 200,000).</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>
    /// Most calls of RDFC-1.0's Hash N-Degree Quads algorithm for one dataset (default 4,000). The hardest legitimate
    /// W3C test (test044c–046c) needs 468; the 10-node poison clique (test074c) reaches 4,000 within a fraction of a second.
    /// </summary>
    public int MaxHashNDegreeQuadsCalls { get; init; } = 4_000;

    /// <summary>Largest decompressed Bitstring Status List, in bytes (default 16 MiB, 134 million entries).</summary>
    public int MaxStatusListBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most proofs in one proof set (default 8).</summary>
    public int MaxProofs { get; init; } = 8;

    /// <summary>Most nested context documents loaded while expanding one document (default 32).</summary>
    public int MaxContextLoads { get; init; } = 32;
}
