// RDF Dataset Canonicalization (RDFC-1.0) §4.3 "canonical N-Quads": RDF 1.1 N-Quads written in the canonical form of
// RDF 1.2 N-Triples §4. IRIs and blank node labels are written as they are; in literals only " \ LF CR are escaped
// with ECHAR, BS HT FF use \b \t \f, and the other controls U+0000–U+001F and U+007F use \uXXXX with uppercase hex.
// xsd:string literals omit their datatype. One quad a line, each ending in a line feed.

using System.Globalization;
using System.Text;

namespace Transcripts.Signing.Canonical.Rdf;

/// <summary>
/// N-Quads serialization in the canonical form RDFC-1.0 §4.3 requires (RDF 1.1 N-Quads, with the
/// canonical escaping of RDF 1.2 N-Triples §4: only <c>"</c>, <c>\</c>, line feed and carriage return
/// and the other control characters are escaped; nothing else is).
/// </summary>
internal static class NQuads
{
    /// <summary>Serializes one quad as one line, including the terminating line feed.</summary>
    public static string Serialize(Quad quad) => Serialize(quad, new StringBuilder(128));

    /// <summary>As <see cref="Serialize(Quad)"/>, writing through <paramref name="scratch"/>, which is cleared first.</summary>
    public static string Serialize(Quad quad, StringBuilder scratch)
    {
        AppendLine(scratch.Clear(), quad, s_blankNodeAsIs);
        return scratch.ToString();
    }

    private static readonly Action<StringBuilder, BlankNode> s_blankNodeAsIs = static (builder, blank) => builder.Append("_:").Append(blank.Label);

    /// <summary>
    /// Appends <paramref name="quad"/> as one line with its line feed, each blank node written by
    /// <paramref name="writeBlankNode"/> (as it is, relabelled or masked, as the caller needs).
    /// </summary>
    internal static void AppendLine(StringBuilder builder, Quad quad, Action<StringBuilder, BlankNode> writeBlankNode)
    {
        AppendTerm(builder, quad.Subject, writeBlankNode);
        builder.Append(' ');
        AppendTerm(builder, quad.Predicate, writeBlankNode);
        builder.Append(' ');
        AppendTerm(builder, quad.Object, writeBlankNode);
        if (quad.Graph is not null)
        {
            builder.Append(' ');
            AppendTerm(builder, quad.Graph, writeBlankNode);
        }
        builder.Append(" .\n");
    }

    private static void AppendTerm(StringBuilder builder, RdfTerm term, Action<StringBuilder, BlankNode> writeBlankNode)
    {
        if (term is BlankNode blank)
        {
            writeBlankNode(builder, blank);
        }
        else
        {
            Append(builder, term);
        }
    }

    /// <summary>Serializes a dataset, one quad a line, in the order given.</summary>
    public static string Serialize(IEnumerable<Quad> quads)
    {
        var builder = new StringBuilder();
        foreach (var quad in quads)
        {
            builder.Append(Serialize(quad));
        }
        return builder.ToString();
    }

    internal static void Append(StringBuilder builder, RdfTerm term)
    {
        switch (term)
        {
            case Iri iri:
                builder.Append('<').Append(iri.Value).Append('>');
                break;
            case BlankNode blank:
                builder.Append("_:").Append(blank.Label);
                break;
            case Literal literal:
                builder.Append('"');
                AppendEscaped(builder, literal.LexicalForm);
                builder.Append('"');
                if (literal.Language is not null)
                {
                    builder.Append('@').Append(literal.Language);
                }
                else if (literal.Datatype != Literal.XsdString)
                {
                    builder.Append("^^<").Append(literal.Datatype).Append('>');
                }
                break;
            default:
                throw new ArgumentException($"Unknown RDF term {term.GetType().Name}.", nameof(term));
        }
    }

    // The characters a canonical literal escapes: " \ and the controls U+0000–U+001F and U+007F.
    private static readonly System.Buffers.SearchValues<char> s_escaped = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        // Runs without escapes, most literals whole, are copied at once.
        var rest = value.AsSpan();
        while (true)
        {
            var next = rest.IndexOfAny(s_escaped);
            if (next < 0)
            {
                builder.Append(rest);
                return;
            }
            builder.Append(rest[..next]);
            var c = rest[next];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
            rest = rest[(next + 1)..];
        }
    }
}
