// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024,
// §4.2 Canonicalization State, §4.4.3 step 2 (blank node to quads map) and
// §4.6 Hash First Degree Quads.
// The hash is SHA-256 (32 bytes) or SHA-384 (48 bytes), written as lowercase hexadecimal over the
// UTF-8 bytes of the string. Deviation: the first-degree hash of a blank node never changes during a
// run, so it is computed once and remembered (the spec recomputes it in Hash Related Blank Node).

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

internal sealed class CanonicalizationState
{
    private readonly Rdfc10HashAlgorithm _algorithm;
    private readonly int _maxHashNDegreeQuadsCalls;
    private readonly Dictionary<string, string> _firstDegreeHashes = new(StringComparer.Ordinal);
    private readonly StringBuilder _scratch = new();
    private readonly StringBuilder _relatedScratch = new();
    private readonly Dictionary<RelatedKey, string> _relatedHashes = [];
    private int _hashNDegreeQuadsCalls;

    public CanonicalizationState(IReadOnlyList<Quad> dataset, Rdfc10Options options)
    {
        _algorithm = options.HashAlgorithm;
        _maxHashNDegreeQuadsCalls = options.Limits.MaxHashNDegreeQuadsCalls;
        foreach (var quad in dataset)
        {
            AddReference(quad.Subject, quad);
            AddReference(quad.Predicate, quad);
            AddReference(quad.Object, quad);
            AddReference(quad.Graph, quad);
        }
    }

    /// <summary>Blank node identifier → the quads that mention it, in dataset order; keys in order of first appearance.</summary>
    public OrderedDictionary<string, List<Quad>> BlankNodeToQuads { get; } = new(StringComparer.Ordinal);

    /// <summary>The issuer of canonical identifiers, prefix <c>c14n</c>.</summary>
    public IdentifierIssuer CanonicalIssuer { get; } = new("c14n");

    /// <summary>How many times Hash N-Degree Quads has run.</summary>
    public int HashNDegreeQuadsCalls => _hashNDegreeQuadsCalls;

    /// <summary>Counts one call of Hash N-Degree Quads and stops the run when the limit is passed.</summary>
    /// <exception cref="SigningException">The dataset needs more work than the limit allows.</exception>
    public void CountHashNDegreeQuadsCall()
    {
        if (++_hashNDegreeQuadsCalls > _maxHashNDegreeQuadsCalls)
        {
            throw new SigningException(SigningError.CanonicalizationLimit,
                $"Canonicalizing this dataset needs more than {_maxHashNDegreeQuadsCalls:N0} calls of the RDFC-1.0 Hash N-Degree Quads algorithm; " +
                "its blank nodes are too symmetric (a poisoned graph), so it was refused.");
        }
    }

    /// <summary>A cleared builder for one Hash Related Blank Node input, used and hashed before the next is asked for.</summary>
    public StringBuilder Scratch() => _relatedScratch.Clear();

    /// <summary>
    /// A Hash Related Blank Node input that stays the same for the rest of a run: the related node named by its
    /// canonical identifier (<paramref name="Canonical"/>) or, having no identifier yet, by its first-degree hash.
    /// </summary>
    internal readonly record struct RelatedKey(char Position, RdfTerm? Predicate, string Related, bool Canonical);

    /// <summary>The remembered Hash Related Blank Node result for <paramref name="key"/>.</summary>
    public bool TryGetRelatedHash(RelatedKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? hash) =>
        _relatedHashes.TryGetValue(key, out hash);

    /// <summary>Remembers the Hash Related Blank Node result for <paramref name="key"/>.</summary>
    public void RememberRelatedHash(RelatedKey key, string hash) => _relatedHashes.Add(key, hash);

    /// <summary>The lowercase hexadecimal hash of the UTF-8 bytes of <paramref name="input"/>'s text, without making a string of it.</summary>
    public string Hash(StringBuilder input)
    {
        var chars = ArrayPool<char>.Shared.Rent(input.Length);
        try
        {
            input.CopyTo(0, chars, input.Length);
            return Hash(chars.AsSpan(0, input.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Encodes as Encoding.UTF8.GetBytes(string) does (an unpaired surrogate becomes U+FFFD), into a pooled buffer.
    private string Hash(ReadOnlySpan<char> input)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(input.Length));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(input, bytes);
            Span<byte> digest = stackalloc byte[SHA384.HashSizeInBytes];
            var size = _algorithm == Rdfc10HashAlgorithm.Sha384
                ? SHA384.HashData(bytes.AsSpan(0, length), digest)
                : SHA256.HashData(bytes.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest[..size]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>§4.6 Hash First Degree Quads for the blank node <paramref name="reference"/>.</summary>
    /// <remarks>
    /// The masked quads are written once into one buffer and sorted as (start, length) ranges in code point
    /// order; the hash is taken over their concatenation, as the spec's joined string, without a string per quad.
    /// </remarks>
    public string HashFirstDegreeQuads(string reference)
    {
        if (!_firstDegreeHashes.TryGetValue(reference, out var hash))
        {
            hash = ComputeFirstDegreeHash(reference);
            _firstDegreeHashes.Add(reference, hash);
        }
        return hash;
    }

    // Apart from the cached path, so that the masking closure is made only when a hash is computed.
    private string ComputeFirstDegreeHash(string reference)
    {
        var quads = BlankNodeToQuads[reference];
        var text = _scratch.Clear();
        var ranges = new (int Start, int Length)[quads.Count];
        // §4.6 step 3.1: each quad as a canonical N-Quads line, the reference blank node written _:a, every other _:z.
        Action<StringBuilder, BlankNode> mask = (builder, blank) =>
            builder.Append(string.Equals(blank.Label, reference, StringComparison.Ordinal) ? "_:a" : "_:z");
        for (var i = 0; i < quads.Count; i++)
        {
            var start = text.Length;
            NQuads.AppendLine(text, quads[i], mask);
            ranges[i] = (start, text.Length - start);
        }
        var written = ArrayPool<char>.Shared.Rent(text.Length);
        var sorted = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, written, text.Length);
            Array.Sort(ranges, (x, y) => CodePointComparer.Compare(written.AsSpan(x.Start, x.Length), written.AsSpan(y.Start, y.Length)));
            var length = 0;
            foreach (var (start, count) in ranges)
            {
                written.AsSpan(start, count).CopyTo(sorted.AsSpan(length));
                length += count;
            }
            return Hash(sorted.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(written);
            ArrayPool<char>.Shared.Return(sorted);
        }
    }

    private void AddReference(RdfTerm? term, Quad quad)
    {
        if (term is not BlankNode blank)
        {
            return;
        }
        if (!BlankNodeToQuads.TryGetValue(blank.Label, out var quads))
        {
            quads = [];
            BlankNodeToQuads.Add(blank.Label, quads);
        }
        // A blank node may appear twice in one quad; the quad is still listed once.
        if (quads.Count == 0 || !ReferenceEquals(quads[^1], quad))
        {
            quads.Add(quad);
        }
    }
}
