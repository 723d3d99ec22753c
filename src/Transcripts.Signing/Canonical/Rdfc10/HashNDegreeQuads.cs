// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024,
// §4.7 Hash Related Blank Node and §4.8 Hash N-Degree Quads.
// Every call of Hash N-Degree Quads is counted against Limits.MaxHashNDegreeQuadsCalls, because a dataset
// with many indistinguishable blank nodes (a clique) makes the permutations grow factorially (§6 Privacy
// and §7 Security Considerations: "poison graphs"). Each permutation of a group of related blank nodes
// that share a hash makes at least one recursive call, so the limit also bounds the permutations tried.

using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

internal static class HashNDegreeQuads
{
    /// <summary>The result of §4.8: a hash and the issuer holding the identifiers issued on the chosen path.</summary>
    internal readonly record struct Result(string Hash, IdentifierIssuer Issuer);

    /// <summary>§4.8 Hash N-Degree Quads for <paramref name="identifier"/>, using the temporary <paramref name="issuer"/>.</summary>
    /// <exception cref="SigningException">The work limit was reached.</exception>
    public static Result Run(CanonicalizationState state, string identifier, IdentifierIssuer issuer)
    {
        state.CountHashNDegreeQuadsCall();

        // Steps 1–3: group the related blank nodes by the hash of how they are related to this one.
        var relatedHashes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var quad in state.BlankNodeToQuads[identifier])
        {
            AddRelated(state, relatedHashes, identifier, quad, quad.Subject, 's', issuer);
            AddRelated(state, relatedHashes, identifier, quad, quad.Object, 'o', issuer);
            AddRelated(state, relatedHashes, identifier, quad, quad.Graph, 'g', issuer);
        }

        // Step 5: visit the groups in code point order of their hashes.
        var dataToHash = new StringBuilder();
        var sortedHashes = relatedHashes.Keys.ToList();
        sortedHashes.Sort(CodePointComparer.Instance);
        foreach (var relatedHash in sortedHashes)
        {
            dataToHash.Append(relatedHash);
            string? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;

            foreach (var permutation in Permutations.Of(relatedHashes[relatedHash]))
            {
                var issuerCopy = issuer.Copy();
                var path = new StringBuilder();
                var recursionList = new List<string>();
                var skip = false;

                // Step 5.4.4.2: related nodes already labelled come first by their labels.
                foreach (var related in permutation)
                {
                    if (state.CanonicalIssuer.TryGetIssued(related, out var canonical))
                    {
                        path.Append("_:").Append(canonical);
                    }
                    else
                    {
                        if (!issuerCopy.HasIssued(related))
                        {
                            recursionList.Add(related);
                        }
                        path.Append("_:").Append(issuerCopy.Issue(related));
                    }
                    if (IsWorse(path, chosenPath))
                    {
                        skip = true;
                        break;
                    }
                }
                if (skip)
                {
                    continue;
                }

                // Step 5.4.4.3: recurse into the related nodes that were not yet labelled.
                foreach (var related in recursionList)
                {
                    var result = Run(state, related, issuerCopy);
                    path.Append("_:").Append(issuerCopy.Issue(related));
                    path.Append('<').Append(result.Hash).Append('>');
                    issuerCopy = result.Issuer;
                    if (IsWorse(path, chosenPath))
                    {
                        skip = true;
                        break;
                    }
                }
                if (skip)
                {
                    continue;
                }

                // Step 5.4.4.4: keep the least path in code point order.
                var candidate = path.ToString();
                if (chosenPath is null || CodePointComparer.Instance.Compare(candidate, chosenPath) < 0)
                {
                    chosenPath = candidate;
                    chosenIssuer = issuerCopy;
                }
            }

            dataToHash.Append(chosenPath);
            issuer = chosenIssuer!;
        }

        return new Result(state.Hash(dataToHash), issuer);
    }

    // Steps 5.4.4.2.3 and 5.4.4.3.5: a path at least as long as the chosen one and greater than it cannot win.
    private static bool IsWorse(StringBuilder path, string? chosenPath) =>
        chosenPath is not null
        && path.Length >= chosenPath.Length
        && CodePointComparer.Instance.Compare(path.ToString(), chosenPath) > 0;

    private static void AddRelated(
        CanonicalizationState state, Dictionary<string, List<string>> relatedHashes,
        string identifier, Quad quad, RdfTerm? component, char position, IdentifierIssuer issuer)
    {
        if (component is not BlankNode blank || string.Equals(blank.Label, identifier, StringComparison.Ordinal))
        {
            return;
        }
        var hash = HashRelatedBlankNode(state, blank.Label, quad, issuer, position);
        if (!relatedHashes.TryGetValue(hash, out var list))
        {
            list = [];
            relatedHashes.Add(hash, list);
        }
        list.Add(blank.Label);
    }

    /// <summary>§4.7 Hash Related Blank Node.</summary>
    /// <remarks>
    /// When <paramref name="related"/> has a canonical identifier, or has none and no temporary one either, the hash
    /// depends only on the position, the predicate and that identifier or first-degree hash, none of which can change
    /// later in the run (canonical identifiers are never taken back); those hashes are remembered in the state.
    /// </remarks>
    private static string HashRelatedBlankNode(
        CanonicalizationState state, string related, Quad quad, IdentifierIssuer issuer, char position)
    {
        var predicate = position == 'g' ? null : quad.Predicate;
        if (state.CanonicalIssuer.TryGetIssued(related, out var canonical))
        {
            var key = new CanonicalizationState.RelatedKey(position, predicate, related, Canonical: true);
            if (!state.TryGetRelatedHash(key, out var known))
            {
                known = Compute("_:" + canonical);
                state.RememberRelatedHash(key, known);
            }
            return known;
        }
        if (issuer.TryGetIssued(related, out var temporary))
        {
            return Compute("_:" + temporary);
        }
        var firstDegreeKey = new CanonicalizationState.RelatedKey(position, predicate, related, Canonical: false);
        if (!state.TryGetRelatedHash(firstDegreeKey, out var hash))
        {
            hash = Compute(state.HashFirstDegreeQuads(related));
            state.RememberRelatedHash(firstDegreeKey, hash);
        }
        return hash;

        string Compute(string identifierOrHash)
        {
            var input = state.Scratch();
            input.Append(position);
            if (predicate is not null)
            {
                NQuads.Append(input, predicate);
            }
            input.Append(identifierOrHash);
            return state.Hash(input);
        }
    }
}
