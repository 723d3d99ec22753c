// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 21 May 2024,
// §4.5 Issue Identifier Algorithm and the "identifier issuer" of §4.2.
// An issuer hands out prefix + counter (c14n0, c14n1, … for the canonical issuer; b0, b1, … for the
// temporary issuers of Hash N-Degree Quads) and remembers the order in which identifiers were issued.

namespace Transcripts.Signing.Canonical.Rdfc10;

internal sealed class IdentifierIssuer
{
    private readonly string _prefix;
    private readonly Dictionary<string, string> _issued;
    private readonly List<string> _order;
    private int _counter;

    public IdentifierIssuer(string prefix)
    {
        _prefix = prefix;
        _issued = new Dictionary<string, string>(StringComparer.Ordinal);
        _order = [];
    }

    private IdentifierIssuer(IdentifierIssuer other)
    {
        _prefix = other._prefix;
        _counter = other._counter;
        _issued = new Dictionary<string, string>(other._issued, StringComparer.Ordinal);
        _order = [.. other._order];
    }

    /// <summary>The existing identifiers, in the order they were issued.</summary>
    public IReadOnlyList<string> IssuedOrder => _order;

    /// <summary>§4.5: returns the identifier already issued for <paramref name="existing"/>, or issues the next one.</summary>
    public string Issue(string existing)
    {
        if (_issued.TryGetValue(existing, out var issued))
        {
            return issued;
        }
        issued = _prefix + _counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _counter++;
        _issued.Add(existing, issued);
        _order.Add(existing);
        return issued;
    }

    public bool TryGetIssued(string existing, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? issued) =>
        _issued.TryGetValue(existing, out issued);

    public bool HasIssued(string existing) => _issued.ContainsKey(existing);

    /// <summary>An independent copy (Hash N-Degree Quads step 5.4.4.1).</summary>
    public IdentifierIssuer Copy() => new(this);

    /// <summary>Existing identifier → issued identifier, in order of issue.</summary>
    public IReadOnlyDictionary<string, string> ToMap()
    {
        var map = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var existing in _order)
        {
            map.Add(existing, _issued[existing]);
        }
        return map;
    }
}
