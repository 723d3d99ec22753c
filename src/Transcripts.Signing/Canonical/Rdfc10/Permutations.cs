// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024, §4.8 step 5.4
// ("for each permutation p of blank node list"). The spec leaves the order of permutations open because
// the least path wins regardless; this yields them in lexicographic order of positions (Narayana Pandita's
// next-permutation), so a list of n nodes yields n! arrays, each a fresh copy.

namespace Transcripts.Signing.Canonical.Rdfc10;

internal static class Permutations
{
    public static IEnumerable<string[]> Of(IReadOnlyList<string> items)
    {
        var indexes = Enumerable.Range(0, items.Count).ToArray();
        while (true)
        {
            var permutation = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                permutation[i] = items[indexes[i]];
            }
            yield return permutation;

            // The rightmost position whose successor is larger; none means the last permutation was yielded.
            var pivot = indexes.Length - 2;
            while (pivot >= 0 && indexes[pivot] >= indexes[pivot + 1])
            {
                pivot--;
            }
            if (pivot < 0)
            {
                yield break;
            }
            var swap = indexes.Length - 1;
            while (indexes[swap] <= indexes[pivot])
            {
                swap--;
            }
            (indexes[pivot], indexes[swap]) = (indexes[swap], indexes[pivot]);
            Array.Reverse(indexes, pivot + 1, indexes.Length - pivot - 1);
        }
    }
}
