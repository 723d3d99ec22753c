using System.Text;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// The state of one call of the processor: options, loader, limits and the counters that bound the work
/// (values produced, depth, context documents loaded), plus the JSON path used in safe-mode messages.
/// </summary>
internal sealed class JsonLdRun(JsonLdOptions options, IDocumentLoader loader, Limits limits)
{
    private readonly List<string> _path = [];
    private int _nodes;

    public JsonLdOptions Options { get; } = options;
    public IDocumentLoader Loader { get; } = loader;
    public Limits Limits { get; } = limits;
    public HashSet<string> LoadedUrls { get; } = new(StringComparer.Ordinal);
    public int Depth { get; private set; }

    /// <summary>Counts one produced value or quad against <see cref="Limits.MaxNodes"/>.</summary>
    public void CountNode()
    {
        if (++_nodes > Limits.MaxNodes)
        {
            throw new SigningException(SigningError.DocumentTooComplex,
                $"The JSON-LD document produces more than {Limits.MaxNodes:N0} values or quads.");
        }
    }

    /// <summary>Enters a nested value; throws when deeper than <see cref="Limits.MaxDepth"/>.</summary>
    public void Enter(string segment)
    {
        if (++Depth > Limits.MaxDepth)
        {
            throw new SigningException(SigningError.DocumentTooDeep,
                $"The JSON-LD document nests deeper than {Limits.MaxDepth} levels at {JsonPath}.");
        }
        _path.Add(segment);
    }

    public void Leave()
    {
        Depth--;
        _path.RemoveAt(_path.Count - 1);
    }

    /// <summary>The JSON path of the value being expanded, such as <c>$.credentialSubject[0].name</c>.</summary>
    public string JsonPath
    {
        get
        {
            var builder = new StringBuilder("$");
            foreach (var segment in _path)
            {
                builder.Append(segment);
            }
            return builder.ToString();
        }
    }

    public static string Member(string key) => "." + key;

    public static string Index(int index) => "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
