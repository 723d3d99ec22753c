using System.Text;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// The state of one call of the processor: options, loader, limits and the counters that bound the work
/// (values produced, depth, context documents loaded), plus the JSON path used in safe-mode messages.
/// </summary>
internal sealed class JsonLdRun(JsonLdOptions options, IDocumentLoader loader, Limits limits)
{
    // Segments are kept as parts and joined only when a message needs the path: entering every member of a
    // document must not build a string for each.
    private readonly List<PathSegment> _path = [];
    private int _nodes;

    public JsonLdOptions Options { get; } = options;
    public IDocumentLoader Loader { get; } = loader;
    public Limits Limits { get; } = limits;
    public HashSet<string> LoadedUrls { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, the top-level object is read as this view of it (a secured document without its proof).</summary>
    public UnsecuredDocument? Root { get; init; }
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

    /// <summary>How many values or quads have been counted.</summary>
    public int Nodes => _nodes;

    /// <summary>Counts <paramref name="count"/> values at once (a cached context's); the caller has checked the limit.</summary>
    public void CountNodes(int count)
    {
        _nodes += count;
        if (_nodes > Limits.MaxNodes)
        {
            throw new SigningException(SigningError.DocumentTooComplex,
                $"The JSON-LD document produces more than {Limits.MaxNodes:N0} values or quads.");
        }
    }

    /// <summary>Enters a nested value; throws when deeper than <see cref="Limits.MaxDepth"/>.</summary>
    public void Enter(PathSegment segment)
    {
        if (++Depth > Limits.MaxDepth)
        {
            throw new SigningException(SigningError.DocumentTooDeep,
                $"The JSON-LD document nests deeper than {Limits.MaxDepth} levels at {JsonPath}.");
        }
        _path.Add(segment);
    }

    /// <summary>
    /// Checks a value taken over whole (a <c>@json</c> literal) against the depth and value limits, without
    /// recursion, so that copying and canonicalizing it later cannot overflow the stack.
    /// </summary>
    public void CheckOpaque(System.Text.Json.Nodes.JsonNode? value)
    {
        var pending = new Stack<(System.Text.Json.Nodes.JsonNode Node, int Depth)>();
        if (value is not null)
        {
            pending.Push((value, Depth));
        }
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            CountNode();
            if (depth > Limits.MaxDepth)
            {
                throw new SigningException(SigningError.DocumentTooDeep,
                    $"The JSON literal at {JsonPath} nests deeper than {Limits.MaxDepth} levels.");
            }
            var children = node switch
            {
                System.Text.Json.Nodes.JsonObject o => o.Select(p => p.Value),
                System.Text.Json.Nodes.JsonArray a => a,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is not null)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }
    }

    /// <summary>Enters a nested context or term definition; throws when deeper than <see cref="Limits.MaxDepth"/>.</summary>
    public void EnterContext()
    {
        if (++ContextDepth > Limits.MaxDepth)
        {
            throw new SigningException(SigningError.DocumentTooDeep,
                $"The JSON-LD contexts nest (through scoped contexts, imports or term references) deeper than {Limits.MaxDepth} levels.");
        }
    }

    public void LeaveContext() => ContextDepth--;

    public int ContextDepth { get; private set; }

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
                if (segment.Member is { } member)
                {
                    builder.Append('.').Append(member);
                }
                else
                {
                    builder.Append('[').Append(segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                }
            }
            return builder.ToString();
        }
    }

    public static PathSegment Member(string key) => new(key, 0);

    public static PathSegment Index(int index) => new(null, index);

    /// <summary>One step of <see cref="JsonPath"/>: a member name, or an array index when there is no name.</summary>
    public readonly record struct PathSegment(string? Member, int Index);
}
