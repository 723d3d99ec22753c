// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024,
// §4.4 Canonicalization Algorithm, with the serialization of §4.3 (canonical N-Quads, sorted by code point).
// Input is an RDF dataset: duplicate quads are merged, as a dataset is a set. Blank nodes are relabelled
// c14n0, c14n1, … first by unique first-degree hash (step 4), then by Hash N-Degree Quads (step 5).
// Bounds: at most Limits.MaxNodes quads and Limits.MaxHashNDegreeQuadsCalls calls of Hash N-Degree Quads.

using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

/// <summary>The W3C RDF Dataset Canonicalization algorithm RDFC-1.0.</summary>
internal static class Rdfc10
{
    /// <summary>Canonicalizes <paramref name="dataset"/>.</summary>
    /// <returns>The canonical N-Quads, the relabelled quads and the issued identifiers map.</returns>
    /// <exception cref="SigningException">
    /// <see cref="SigningError.CanonicalizationLimit"/> when the dataset needs more Hash N-Degree Quads calls than allowed;
    /// <see cref="SigningError.DocumentTooComplex"/> when it has more quads than <see cref="Limits.MaxNodes"/>.
    /// </exception>
    public static Rdfc10Result Canonicalize(IReadOnlyList<Quad> dataset, Rdfc10Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= Rdfc10Options.Default;
        if (dataset.Count > options.Limits.MaxNodes)
        {
            throw new SigningException(SigningError.DocumentTooComplex,
                $"The dataset has {dataset.Count:N0} quads; at most {options.Limits.MaxNodes:N0} are canonicalized.");
        }
        var quads = dataset.Distinct().ToList();

        // Steps 1–2: the state and the blank node to quads map.
        var state = new CanonicalizationState(quads, options);

        // Step 3: the first-degree hash of every blank node.
        var hashToBlankNodes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var identifier in state.BlankNodeToQuads.Keys)
        {
            var hash = state.HashFirstDegreeQuads(identifier);
            if (!hashToBlankNodes.TryGetValue(hash, out var list))
            {
                list = [];
                hashToBlankNodes.Add(hash, list);
            }
            list.Add(identifier);
        }
        var sortedHashes = hashToBlankNodes.Keys.ToList();
        sortedHashes.Sort(CodePointComparer.Instance);

        // Step 4: a blank node whose hash is unique gets the next canonical identifier.
        foreach (var hash in sortedHashes)
        {
            if (hashToBlankNodes[hash] is [var only])
            {
                state.CanonicalIssuer.Issue(only);
                hashToBlankNodes.Remove(hash);
            }
        }

        // Step 5: the rest are told apart by their n-degree neighbourhoods.
        foreach (var hash in sortedHashes)
        {
            if (!hashToBlankNodes.TryGetValue(hash, out var identifiers))
            {
                continue;
            }
            var hashPathList = new List<HashNDegreeQuads.Result>();
            foreach (var identifier in identifiers)
            {
                if (state.CanonicalIssuer.HasIssued(identifier))
                {
                    continue;
                }
                var temporaryIssuer = new IdentifierIssuer("b");
                temporaryIssuer.Issue(identifier);
                hashPathList.Add(HashNDegreeQuads.Run(state, identifier, temporaryIssuer));
            }
            // A stable sort: equal hashes (automorphic nodes) keep their order, and either order gives the same output.
            foreach (var result in hashPathList.OrderBy(r => r.Hash, CodePointComparer.Instance))
            {
                foreach (var existing in result.Issuer.IssuedOrder)
                {
                    state.CanonicalIssuer.Issue(existing);
                }
            }
        }

        // Step 6: relabel, serialize, sort by code point.
        // One canonical blank node object per label, and one scratch builder for every line.
        var lines = new List<(string Line, Quad Quad)>(quads.Count);
        var relabelledNodes = new Dictionary<string, BlankNode>(StringComparer.Ordinal);
        var scratch = new StringBuilder(256);
        var length = 0;
        foreach (var quad in quads)
        {
            var relabelled = new Quad(
                Relabel(quad.Subject, state, relabelledNodes)!, Relabel(quad.Predicate, state, relabelledNodes)!,
                Relabel(quad.Object, state, relabelledNodes)!, Relabel(quad.Graph, state, relabelledNodes));
            var line = NQuads.Serialize(relabelled, scratch);
            length += line.Length;
            lines.Add((line, relabelled));
        }
        lines.Sort((x, y) => CodePointComparer.Instance.Compare(x.Line, y.Line));

        var output = new StringBuilder(length);
        foreach (var (line, _) in lines)
        {
            output.Append(line);
        }
        return new Rdfc10Result(output.ToString(), lines.ConvertAll(l => l.Quad), state.CanonicalIssuer.ToMap(), state.HashNDegreeQuadsCalls);
    }

    private static RdfTerm? Relabel(RdfTerm? term, CanonicalizationState state, Dictionary<string, BlankNode> relabelled)
    {
        if (term is not BlankNode blank)
        {
            return term;
        }
        if (!relabelled.TryGetValue(blank.Label, out var canonical))
        {
            canonical = new BlankNode(state.CanonicalIssuer.Issue(blank.Label));
            relabelled.Add(blank.Label, canonical);
        }
        return canonical;
    }
}
