using System.Globalization;
using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// Test-only N-Quads reader (enough of RDF 1.1 N-Quads for the suite's expected files) and a dataset
/// isomorphism check by backtracking over blank-node bijections (RDF 1.1 Concepts §3.10), pruned as it goes.
/// </summary>
internal static class TestNQuads
{
    public static List<Quad> Parse(string text)
    {
        var quads = new List<Quad>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var position = 0;
            var terms = new List<RdfTerm>();
            while (true)
            {
                while (position < line.Length && line[position] is ' ' or '\t')
                {
                    position++;
                }
                if (line[position] == '.')
                {
                    break;
                }
                terms.Add(ReadTerm(line, ref position));
            }
            quads.Add(new Quad(terms[0], terms[1], terms[2], terms.Count > 3 ? terms[3] : null));
        }
        return quads;
    }

    private static RdfTerm ReadTerm(string line, ref int position)
    {
        if (line[position] == '<')
        {
            var end = line.IndexOf('>', position);
            var iri = Unescape(line[(position + 1)..end]);
            position = end + 1;
            return new Iri(iri);
        }
        if (line[position] == '_')
        {
            var end = position + 2;
            while (end < line.Length && line[end] is not (' ' or '\t'))
            {
                end++;
            }
            var label = line[(position + 2)..end];
            position = end;
            return new BlankNode(label);
        }
        var builder = new StringBuilder();
        var i = position + 1;
        while (line[i] != '"')
        {
            if (line[i] == '\\')
            {
                i++;
                switch (line[i])
                {
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u': builder.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 4; break;
                    case 'U': builder.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 8; break;
                    default: builder.Append(line[i]); break;
                }
                i++;
            }
            else
            {
                builder.Append(line[i++]);
            }
        }
        i++;
        position = i;
        if (i < line.Length && line[i] == '@')
        {
            var end = i + 1;
            while (end < line.Length && line[end] is not (' ' or '\t'))
            {
                end++;
            }
            position = end;
            return new Literal(builder.ToString(), Literal.RdfLangString, line[(i + 1)..end]);
        }
        if (i + 1 < line.Length && line[i] == '^' && line[i + 1] == '^')
        {
            position = i + 2;
            var datatype = (Iri)ReadTerm(line, ref position);
            return new Literal(builder.ToString(), datatype.Value);
        }
        return new Literal(builder.ToString(), Literal.XsdString);
    }

    private static string Unescape(string iri) =>
        iri.Contains('\\') ? System.Text.RegularExpressions.Regex.Unescape(iri) : iri;

    /// <summary>Whether the two datasets are isomorphic (duplicates ignored, as datasets are sets).</summary>
    public static bool AreIsomorphic(IEnumerable<Quad> expected, IEnumerable<Quad> actual)
    {
        var e = expected.Select(Lower).ToHashSet();
        var a = actual.Select(Lower).Distinct().ToList();
        if (e.Count != a.Count)
        {
            return false;
        }
        var expectedBlanks = e.SelectMany(Blanks).Distinct().ToList();
        var actualBlanks = a.SelectMany(Blanks).Distinct().ToList();
        if (expectedBlanks.Count != actualBlanks.Count)
        {
            return false;
        }
        return Assign(0, actualBlanks, expectedBlanks, new Dictionary<string, string>(), new HashSet<string>(), a, e);
    }

    private static Quad Lower(Quad q) => q with
    {
        Object = q.Object is Literal { Language: not null } l ? l with { Language = l.Language.ToLowerInvariant() } : q.Object,
    };

    private static IEnumerable<string> Blanks(Quad q) =>
        new[] { q.Subject, q.Predicate, q.Object, q.Graph }.OfType<BlankNode>().Select(b => b.Label);

    private static bool Assign(int index, List<string> actualBlanks, List<string> expectedBlanks, Dictionary<string, string> map,
        HashSet<string> used, List<Quad> actual, HashSet<Quad> expected)
    {
        if (index == actualBlanks.Count)
        {
            return actual.All(q => expected.Contains(Rename(q, map)));
        }
        foreach (var candidate in expectedBlanks)
        {
            if (used.Contains(candidate))
            {
                continue;
            }
            map[actualBlanks[index]] = candidate;
            used.Add(candidate);
            var consistent = actual.Where(q => Blanks(q).All(map.ContainsKey)).All(q => expected.Contains(Rename(q, map)));
            if (consistent && Assign(index + 1, actualBlanks, expectedBlanks, map, used, actual, expected))
            {
                return true;
            }
            map.Remove(actualBlanks[index]);
            used.Remove(candidate);
        }
        return false;
    }

    private static Quad Rename(Quad q, Dictionary<string, string> map) => new(
        Rename(q.Subject, map), Rename(q.Predicate, map), Rename(q.Object, map), q.Graph is null ? null : Rename(q.Graph, map));

    private static RdfTerm Rename(RdfTerm term, Dictionary<string, string> map) =>
        term is BlankNode b ? new BlankNode(map[b.Label]) : term;
}
