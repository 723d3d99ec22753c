// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024, §4.4.3 step 6: every quad written as a
// canonical N-Quads line with its blank nodes relabelled, and the lines sorted by Unicode code point.
// The lines are written once into one pooled buffer and sorted as (start, length) ranges, so a large dataset makes
// neither a string per line nor a large intermediate text when only its UTF-8 bytes are wanted.

using System.Buffers;
using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

internal sealed class SortedLines : IDisposable
{
    private readonly char[] _text;
    private readonly int _length;
    private readonly Line[] _lines;

    private readonly record struct Line(int Start, int Length, int Quad);

    /// <summary>Writes <paramref name="quads"/> relabelled with the canonical identifiers of <paramref name="state"/>, and sorts the lines.</summary>
    public SortedLines(List<Quad> quads, CanonicalizationState state)
    {
        // Without a capacity a StringBuilder grows in chunks of at most 8,000 characters, none on the large object heap.
        var builder = new StringBuilder();
        _lines = new Line[quads.Count];
        for (var i = 0; i < quads.Count; i++)
        {
            var start = builder.Length;
            var quad = quads[i];
            Append(builder, quad.Subject, state);
            builder.Append(' ');
            Append(builder, quad.Predicate, state);
            builder.Append(' ');
            Append(builder, quad.Object, state);
            if (quad.Graph is not null)
            {
                builder.Append(' ');
                Append(builder, quad.Graph, state);
            }
            builder.Append(" .\n");
            _lines[i] = new Line(start, builder.Length - start, i);
        }
        _length = builder.Length;
        _text = ArrayPool<char>.Shared.Rent(Math.Max(_length, 1));
        builder.CopyTo(0, _text, _length);
        var text = _text;
        Array.Sort(_lines, (x, y) => CodePointComparer.Compare(text.AsSpan(x.Start, x.Length), text.AsSpan(y.Start, y.Length)));
    }

    /// <summary>The index in the input list of the quad of each line, in canonical order.</summary>
    public IEnumerable<int> QuadOrder => _lines.Select(l => l.Quad);

    /// <summary>The canonical N-Quads document.</summary>
    public string ToText() => string.Create(_length, this, static (span, self) =>
    {
        var written = 0;
        foreach (var line in self._lines)
        {
            self._text.AsSpan(line.Start, line.Length).CopyTo(span[written..]);
            written += line.Length;
        }
    });

    /// <summary>
    /// The UTF-8 bytes of the canonical N-Quads document, as <c>Encoding.UTF8.GetBytes(ToText())</c> gives them (an
    /// unpaired surrogate becomes U+FFFD; no pair can straddle two lines, which each end in a line feed).
    /// </summary>
    public byte[] ToUtf8()
    {
        var utf8 = System.Text.Encoding.UTF8;
        var size = 0;
        foreach (var line in _lines)
        {
            size += utf8.GetByteCount(_text.AsSpan(line.Start, line.Length));
        }
        var bytes = new byte[size];
        var written = 0;
        foreach (var line in _lines)
        {
            written += utf8.GetBytes(_text.AsSpan(line.Start, line.Length), bytes.AsSpan(written));
        }
        return bytes;
    }

    public void Dispose() => ArrayPool<char>.Shared.Return(_text);

    private static void Append(StringBuilder builder, RdfTerm term, CanonicalizationState state)
    {
        if (term is BlankNode blank)
        {
            builder.Append("_:").Append(state.CanonicalIssuer.Issue(blank.Label));
        }
        else
        {
            NQuads.Append(builder, term);
        }
    }
}
