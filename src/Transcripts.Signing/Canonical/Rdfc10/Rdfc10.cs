// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024,
// §4.4 Canonicalization Algorithm, with the serialization of §4.3 (canonical N-Quads, sorted by code point).
// Input is an RDF dataset: duplicate quads are merged, as a dataset is a set. Blank nodes are relabelled
// c14n0, c14n1, … first by unique first-degree hash (step 4), then by Hash N-Degree Quads (step 5).
// Bounds: at most Limits.MaxNodes quads and Limits.MaxHashNDegreeQuadsCalls calls of Hash N-Degree Quads.

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
        var (quads, state) = Label(dataset, options ?? Rdfc10Options.Default);
        using var lines = new SortedLines(quads, state);
        var relabelledNodes = new Dictionary<string, BlankNode>(StringComparer.Ordinal);
        var canonicalQuads = new List<Quad>(quads.Count);
        foreach (var index in lines.QuadOrder)
        {
            var quad = quads[index];
            canonicalQuads.Add(new Quad(
                Relabel(quad.Subject, state, relabelledNodes)!, Relabel(quad.Predicate, state, relabelledNodes)!,
                Relabel(quad.Object, state, relabelledNodes)!, Relabel(quad.Graph, state, relabelledNodes)));
        }
        return new Rdfc10Result(lines.ToText(), canonicalQuads, state.CanonicalIssuer.ToMap(), state.HashNDegreeQuadsCalls);
    }

    /// <summary>
    /// The UTF-8 bytes of the canonical N-Quads of <paramref name="dataset"/>, as <see cref="Canonicalize"/> gives them
    /// but without the intermediate text, line strings or relabelled quads: what a cryptosuite hashes.
    /// </summary>
    /// <param name="dataset">The quads.</param>
    /// <param name="options">The hash algorithm and limits.</param>
    /// <param name="isSet">Whether <paramref name="dataset"/> is known to hold no quad twice (JSON-LD toRdf's output),
    /// so that merging duplicates can be skipped.</param>
    /// <exception cref="SigningException">As for <see cref="Canonicalize"/>.</exception>
    public static byte[] CanonicalizeToUtf8(IReadOnlyList<Quad> dataset, Rdfc10Options? options = null, bool isSet = false)
    {
        var (quads, state) = Label(dataset, options ?? Rdfc10Options.Default, isSet);
        using var lines = new SortedLines(quads, state);
        return lines.ToUtf8();
    }

    /// <summary>The <paramref name="hash"/> of the UTF-8 canonical N-Quads of <paramref name="dataset"/>, taken as the lines are encoded.</summary>
    /// <exception cref="SigningException">As for <see cref="Canonicalize"/>.</exception>
    public static byte[] HashCanonical(IReadOnlyList<Quad> dataset, Rdfc10Options options, System.Security.Cryptography.HashAlgorithmName hash, bool isSet = false)
    {
        var (quads, state) = Label(dataset, options, isSet);
        using var lines = new SortedLines(quads, state);
        return lines.Hash(hash);
    }

    // Steps 1–5: every blank node of the (deduplicated) dataset gets its canonical identifier in the state's issuer.
    private static (List<Quad> Quads, CanonicalizationState State) Label(IReadOnlyList<Quad> dataset, Rdfc10Options options, bool isSet = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count > options.Limits.MaxNodes)
        {
            throw new SigningException(SigningError.DocumentTooComplex,
                $"The dataset has {dataset.Count:N0} quads; at most {options.Limits.MaxNodes:N0} are canonicalized.");
        }
        var quads = isSet ? dataset as List<Quad> ?? [.. dataset] : dataset.Distinct().ToList();

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
        return (quads, state);
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
