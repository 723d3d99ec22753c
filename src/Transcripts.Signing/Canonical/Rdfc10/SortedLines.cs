// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024, §4.4.3 step 6: every quad written as a
// canonical N-Quads line with its blank nodes relabelled, and the lines sorted by Unicode code point.
// The lines are written once into one pooled buffer and sorted as (start, length) ranges, so a large dataset makes
// neither a string per line nor a large intermediate text when only its UTF-8 bytes are wanted.

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.Rdfc10;

internal sealed class SortedLines : IDisposable
{
    private char[] _text;
    private int _length;
    private readonly Line[] _lines;

    private readonly record struct Line(int Start, int Length, int Quad);

    /// <summary>Writes <paramref name="quads"/> relabelled with the canonical identifiers of <paramref name="state"/>, and sorts the lines.</summary>
    public SortedLines(List<Quad> quads, CanonicalizationState state)
    {
        // Each line is written into one small reused builder and copied into a pooled buffer that doubles when full.
        var line = new StringBuilder(256);
        void Relabel(StringBuilder builder, BlankNode blank) => builder.Append("_:").Append(state.CanonicalIssuer.Issue(blank.Label));
        Action<StringBuilder, BlankNode> relabel = Relabel;
        _text = ArrayPool<char>.Shared.Rent(Math.Max(quads.Count * 128, 256));
        _lines = new Line[quads.Count];
        for (var i = 0; i < quads.Count; i++)
        {
            NQuads.AppendLine(line.Clear(), quads[i], relabel);
            if (_length + line.Length > _text.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(_text.Length * 2, _length + line.Length));
                _text.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(_text);
                _text = larger;
            }
            line.CopyTo(0, _text.AsSpan(_length), line.Length);
            _lines[i] = new Line(_length, line.Length, i);
            _length += line.Length;
        }
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

    /// <summary>The <paramref name="algorithm"/> hash of the bytes <see cref="ToUtf8"/> gives, encoded into one pooled buffer and hashed a buffer at a time.</summary>
    public byte[] Hash(HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        var utf8 = System.Text.Encoding.UTF8;
        var longest = _lines.Length == 0 ? 0 : _lines.Max(l => l.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16 * 1024, utf8.GetMaxByteCount(longest)));
        try
        {
            var used = 0;
            foreach (var line in _lines)
            {
                if (used + utf8.GetMaxByteCount(line.Length) > buffer.Length)
                {
                    hash.AppendData(buffer, 0, used);
                    used = 0;
                }
                used += utf8.GetBytes(_text.AsSpan(line.Start, line.Length), buffer.AsSpan(used));
            }
            hash.AppendData(buffer, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return hash.GetHashAndReset();
    }

    public void Dispose() => ArrayPool<char>.Shared.Return(_text);
}
