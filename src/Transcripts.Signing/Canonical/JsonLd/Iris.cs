using System.Text;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Keyword and IRI tests used by the JSON-LD 1.1 algorithms, and relative reference resolution
/// (RFC 3986 §5.2, the basic algorithm only, as JSON-LD 1.1 API §5.2.2 step 8 requires).
/// </summary>
internal static class Iris
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@first", "@graph",
        "@id", "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@protected", "@propagate", "@requireAll", "@reverse", "@set", "@type", "@value",
        "@version", "@vocab",
    };

    public static bool IsKeyword(string? value) => value is { Length: > 1 } && value[0] == '@' && s_keywords.Contains(value);

    /// <summary>"@" followed by one or more ASCII letters: reserved for future keywords, ignored with a warning.</summary>
    public static bool HasKeywordForm(string value)
    {
        if (value.Length < 2 || value[0] != '@')
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiLetter(value[i]))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsBlankNode(string? value) => value is not null && value.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="value"/> begins with an RFC 3986 scheme and a colon.</summary>
    public static bool IsAbsolute(string? value)
    {
        if (string.IsNullOrEmpty(value) || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return true;
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>An absolute IRI without characters that RDF IRIs may not contain (space, <c>&lt;&gt;"{}|^`\</c>, controls).</summary>
    public static bool IsWellFormedAbsolute(string? value)
    {
        if (!IsAbsolute(value))
        {
            return false;
        }
        var hash = value!.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && value.IndexOf('#', hash + 1) >= 0)
        {
            return false;
        }
        return value.AsSpan().IndexOfAny(s_notInIri) < 0;
    }

    // Space and the controls below it, and <>"{}|^`\ : what an RDF IRI may not contain.
    private static readonly System.Buffers.SearchValues<char> s_notInIri = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F <>\"{}|^`\\");

    /// <summary>Ends in one of the RFC 3986 gen-delims, so the IRI can serve as a prefix (API §4.2.2 step 14.2.5).</summary>
    public static bool EndsWithGenDelim(string iri) =>
        iri.Length > 0 && iri[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@';

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null || IsAbsolute(reference))
        {
            return reference;
        }
        var b = Split(baseIri);
        var r = Split(reference);
        string? scheme = b.Scheme, authority, path, query;
        if (r.Authority is not null)
        {
            (authority, path, query) = (r.Authority, RemoveDotSegments(r.Path), r.Query);
        }
        else if (r.Path.Length == 0)
        {
            (authority, path, query) = (b.Authority, b.Path, r.Query ?? b.Query);
        }
        else
        {
            authority = b.Authority;
            query = r.Query;
            if (r.Path[0] == '/')
            {
                path = RemoveDotSegments(r.Path);
            }
            else
            {
                var merged = b.Authority is not null && b.Path.Length == 0
                    ? "/" + r.Path
                    : b.Path[..(b.Path.LastIndexOf('/') + 1)] + r.Path;
                path = RemoveDotSegments(merged);
            }
        }
        var builder = new StringBuilder();
        builder.Append(scheme).Append(':');
        if (authority is not null)
        {
            builder.Append("//").Append(authority);
        }
        builder.Append(path);
        if (query is not null)
        {
            builder.Append('?').Append(query);
        }
        if (r.Fragment is not null)
        {
            builder.Append('#').Append(r.Fragment);
        }
        return builder.ToString();
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    private static Parts Split(string iri)
    {
        string? fragment = null, query = null, scheme = null, authority = null;
        var hash = iri.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = iri[(hash + 1)..];
            iri = iri[..hash];
        }
        var question = iri.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = iri[(question + 1)..];
            iri = iri[..question];
        }
        if (IsAbsolute(iri))
        {
            var colon = iri.IndexOf(':', StringComparison.Ordinal);
            scheme = iri[..colon];
            iri = iri[(colon + 1)..];
        }
        if (iri.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = iri.IndexOf('/', 2);
            authority = slash < 0 ? iri[2..] : iri[2..slash];
            iri = slash < 0 ? "" : iri[slash..];
        }
        return new Parts(scheme, authority, iri, query, fragment);
    }

    private static string RemoveDotSegments(string path)
    {
        var input = path;
        var output = new List<string>();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal)) { input = input[3..]; }
            else if (input.StartsWith("./", StringComparison.Ordinal)) { input = input[2..]; }
            else if (input.StartsWith("/./", StringComparison.Ordinal)) { input = input[2..]; }
            else if (input == "/.") { input = "/"; }
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input.Length == 3 ? "/" : input[3..];
                if (output.Count > 0) { output.RemoveAt(output.Count - 1); }
            }
            else if (input is "." or "..") { input = ""; }
            else
            {
                var next = input.IndexOf('/', input[0] == '/' ? 1 : 0);
                var segment = next < 0 ? input : input[..next];
                output.Add(segment);
                input = next < 0 ? "" : input[next..];
            }
        }
        return string.Concat(output);
    }
}
