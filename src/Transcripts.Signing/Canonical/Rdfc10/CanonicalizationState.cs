// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024,
// §4.2 Canonicalization State, §4.4.3 step 2 (blank node to quads map) and
// §4.6 Hash First Degree Quads.
// The hash is SHA-256 (32 bytes) or SHA-384 (48 bytes), written as lowercase hexadecimal over the
// UTF-8 bytes of the string. Deviation: the first-degree hash of a blank node never changes during a
// run, so it is computed once and remembered (the spec recomputes it in Hash Related Blank Node).

using System.Security.Cryptography;
using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

internal sealed class CanonicalizationState
{
    private readonly Rdfc10HashAlgorithm _algorithm;
    private readonly int _maxHashNDegreeQuadsCalls;
    private readonly Dictionary<string, string> _firstDegreeHashes = new(StringComparer.Ordinal);
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

    /// <summary>The lowercase hexadecimal hash of <paramref name="input"/>'s UTF-8 bytes.</summary>
    public string Hash(string input)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(input);
        return _algorithm == Rdfc10HashAlgorithm.Sha384
            ? Convert.ToHexStringLower(SHA384.HashData(bytes))
            : Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>§4.6 Hash First Degree Quads for the blank node <paramref name="reference"/>.</summary>
    public string HashFirstDegreeQuads(string reference)
    {
        if (_firstDegreeHashes.TryGetValue(reference, out var cached))
        {
            return cached;
        }
        var quads = BlankNodeToQuads[reference];
        var nquads = new List<string>(quads.Count);
        foreach (var quad in quads)
        {
            nquads.Add(NQuads.Serialize(new Quad(
                Mask(quad.Subject, reference)!, Mask(quad.Predicate, reference)!,
                Mask(quad.Object, reference)!, Mask(quad.Graph, reference))));
        }
        nquads.Sort(CodePointComparer.Instance);
        var hash = Hash(string.Concat(nquads));
        _firstDegreeHashes.Add(reference, hash);
        return hash;
    }

    private static readonly BlankNode s_a = new("a");
    private static readonly BlankNode s_z = new("z");

    // §4.6 step 3.1: the reference blank node is written _:a, every other blank node _:z.
    private static RdfTerm? Mask(RdfTerm? term, string reference) => term is BlankNode blank
        ? (string.Equals(blank.Label, reference, StringComparison.Ordinal) ? s_a : s_z)
        : term;

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
