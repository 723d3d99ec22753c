// RDF 1.1 N-Quads (W3C Recommendation 25 February 2014), §4 grammar, productions statement, subject, predicate,
// object, graphLabel, literal, LANGTAG, IRIREF, STRING_LITERAL_QUOTE, BLANK_NODE_LABEL, UCHAR and ECHAR.
// Reads one line; NQuadsParser splits the document into lines and enforces the limits.

using System.Globalization;
using System.Text;

namespace Transcripts.Signing.Canonical.Rdf;

/// <summary>Reads the statement on one N-Quads line; errors name the 1-based line number.</summary>
internal ref struct NQuadsLineReader(ReadOnlySpan<char> line, int number)
{
    private readonly ReadOnlySpan<char> _line = line;
    private int _position;

    public Quad? ReadStatement()
    {
        SkipWhitespace();
        if (AtEndOrComment())
        {
            return null;
        }
        RdfTerm subject = Peek() == '<' ? ReadIri("subject") : ReadBlankNode("subject");
        SkipWhitespace();
        var predicate = ReadIri("predicate");
        SkipWhitespace();
        RdfTerm @object = Peek() switch
        {
            '<' => ReadIri("object"),
            '_' => ReadBlankNode("object"),
            '"' => ReadLiteral(),
            _ => throw Error("the object must be an IRI, a blank node or a literal"),
        };
        SkipWhitespace();
        RdfTerm? graph = Peek() switch
        {
            '<' => ReadIri("graph name"),
            '_' => ReadBlankNode("graph name"),
            _ => null,
        };
        SkipWhitespace();
        if (Peek() != '.')
        {
            throw Error("a statement must end with '.'");
        }
        _position++;
        SkipWhitespace();
        if (!AtEndOrComment())
        {
            throw Error("only a comment may follow the '.' of a statement");
        }
        return new Quad(subject, predicate, @object, graph);
    }

    private readonly char Peek() => _position < _line.Length ? _line[_position] : '\0';

    private readonly bool AtEndOrComment() => _position >= _line.Length || _line[_position] == '#';

    private void SkipWhitespace()
    {
        while (_position < _line.Length && _line[_position] is ' ' or '\t')
        {
            _position++;
        }
    }

    private Iri ReadIri(string role)
    {
        if (Peek() != '<')
        {
            throw Error($"the {role} must be an IRI in angle brackets");
        }
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _line.Length)
            {
                throw Error($"the {role} IRI has no closing '>'");
            }
            var c = _line[_position++];
            if (c == '>')
            {
                break;
            }
            if (c == '\\')
            {
                var escaped = ReadUnicodeEscape();
                if (escaped is <= 0x20 or '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                {
                    throw Error($"the {role} IRI escapes a character that an IRI may not contain");
                }
                value.Append(char.ConvertFromUtf32(escaped));
            }
            else if (c is <= ' ' or '<' or '"' or '{' or '}' or '|' or '^' or '`')
            {
                throw Error($"the {role} IRI contains the character U+{(int)c:X4}, which an IRI may not contain");
            }
            else
            {
                value.Append(c);
            }
        }
        var iri = value.ToString();
        if (!HasScheme(iri))
        {
            throw Error($"the {role} IRI <{iri}> is not absolute");
        }
        return new Iri(iri);
    }

    private BlankNode ReadBlankNode(string role)
    {
        if (!_line[_position..].StartsWith("_:", StringComparison.Ordinal))
        {
            throw Error($"the {role} must be an IRI or a blank node");
        }
        _position += 2;
        var start = _position;
        if (_position >= _line.Length || !(IsLabelStart(_line[_position]) || char.IsAsciiDigit(_line[_position])))
        {
            throw Error("a blank node label must start with a letter, a digit or '_'");
        }
        _position++;
        while (_position < _line.Length && (IsLabelChar(_line[_position]) || _line[_position] == '.'))
        {
            _position++;
        }
        // A label may contain '.' but not end with one; the final '.' belongs to the statement.
        while (_line[_position - 1] == '.')
        {
            _position--;
        }
        return new BlankNode(_line[start.._position].ToString());
    }

    private Literal ReadLiteral()
    {
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _line.Length)
            {
                throw Error("a literal has no closing '\"'");
            }
            var c = _line[_position++];
            if (c == '"')
            {
                break;
            }
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            switch (Peek())
            {
                case 't': value.Append('\t'); _position++; break;
                case 'b': value.Append('\b'); _position++; break;
                case 'n': value.Append('\n'); _position++; break;
                case 'r': value.Append('\r'); _position++; break;
                case 'f': value.Append('\f'); _position++; break;
                case '"': value.Append('"'); _position++; break;
                case '\'': value.Append('\''); _position++; break;
                case '\\': value.Append('\\'); _position++; break;
                default: value.Append(char.ConvertFromUtf32(ReadUnicodeEscape())); break;
            }
        }
        if (Peek() == '@')
        {
            return new Literal(value.ToString(), Literal.RdfLangString, ReadLanguageTag());
        }
        if (Peek() == '^')
        {
            if (_position + 1 >= _line.Length || _line[_position + 1] != '^')
            {
                throw Error("a datatype must follow '^^'");
            }
            _position += 2;
            var datatype = ReadIri("datatype");
            if (datatype.Value == Literal.RdfLangString)
            {
                throw Error("a literal with datatype rdf:langString needs a language tag instead");
            }
            return new Literal(value.ToString(), datatype.Value);
        }
        return new Literal(value.ToString(), Literal.XsdString);
    }

    private string ReadLanguageTag()
    {
        var start = ++_position;
        while (_position < _line.Length && char.IsAsciiLetter(_line[_position]))
        {
            _position++;
        }
        if (_position == start)
        {
            throw Error("a language tag must start with a letter");
        }
        while (_position < _line.Length && _line[_position] == '-')
        {
            var subtag = ++_position;
            while (_position < _line.Length && char.IsAsciiLetterOrDigit(_line[_position]))
            {
                _position++;
            }
            if (_position == subtag)
            {
                throw Error("a language subtag must not be empty");
            }
        }
        return _line[start.._position].ToString();
    }

    // After the backslash: \uXXXX or \UXXXXXXXX, a Unicode scalar value.
    private int ReadUnicodeEscape()
    {
        var digits = Peek() switch { 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0)
        {
            throw Error("a backslash must start a valid escape sequence");
        }
        _position++;
        if (_position + digits > _line.Length
            || !int.TryParse(_line.Slice(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var scalar)
            || scalar is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw Error($"\\{(digits == 4 ? 'u' : 'U')} must be followed by {digits} hexadecimal digits naming a Unicode scalar value");
        }
        _position += digits;
        return scalar;
    }

    private static bool HasScheme(string iri)
    {
        var colon = iri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(iri[0]))
        {
            return false;
        }
        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(iri[i]) || iri[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    // PN_CHARS_U and PN_CHARS of the N-Quads grammar, with non-ASCII letters taken as PN_CHARS_BASE.
    private static bool IsLabelStart(char c) => c == '_' || char.IsAsciiLetter(c) || (c > 0x7F && (char.IsLetter(c) || char.IsSurrogate(c)));

    private static bool IsLabelChar(char c) =>
        IsLabelStart(c) || char.IsAsciiDigit(c) || c is '-' or '\u00B7' or (>= '\u0300' and <= '\u036F') or '\u203F' or '\u2040';

    private readonly SigningException Error(string problem) =>
        new(SigningError.InvalidNQuads, $"N-Quads line {number.ToString(CultureInfo.InvariantCulture)}: {problem}.");
}
