using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// The active context of JSON-LD 1.1 API §4.1 (the inverse context is not needed: no compaction).
/// A context is built by the <see cref="ContextProcessor"/> and then <em>shared</em>: from then on it is never
/// changed, so the <see cref="ProcessedContextCache"/> can hand the same instance to every run and thread, and
/// the IRI expansions of terms against it can be remembered.
/// </summary>
internal sealed class ActiveContext
{
    // Per shared context; vocabulary-relative expansions only (property names and types, a small set per
    // context), so that @id values, which are unbounded, never fill it.
    private const int MaxRememberedIris = 1024;
    // Keyed by the value alone, one map per documentRelative flag: a tuple key would hash the string with the
    // randomized comparer on every lookup.
    private ConcurrentDictionary<string, string?>? _iris;
    private ConcurrentDictionary<string, string?>? _documentRelativeIris;
    private int _irisCount;

    /// <summary>The initial context of a run without a base IRI; shared, as it never changes.</summary>
    public static ActiveContext InitialWithoutBase { get; } = Initial(null);

    /// <summary>A new, shared, initial context (API §4.1.2, "an active context … with base IRI set to …").</summary>
    public static ActiveContext Initial(string? baseIri)
    {
        var initial = new ActiveContext { BaseIri = baseIri, OriginalBaseUrl = baseIri };
        initial.Share();
        return initial;
    }

    /// <summary>Whether this context is complete and may be used by many runs at once; it must not be changed.</summary>
    public bool IsShared { get; private set; }

    /// <summary>Marks the context complete. Call only once nothing will change it.</summary>
    public void Share() => IsShared = true;

    public Dictionary<string, TermDefinition> Terms { get; private init; } = new(StringComparer.Ordinal);

    private string[]? _valueAliases;

    /// <summary>The terms whose IRI mapping is <c>@value</c> (almost always none); remembered once the context is shared.</summary>
    public string[] ValueAliases
    {
        get
        {
            if (_valueAliases is { } known)
            {
                return known;
            }
            var aliases = Terms.Where(t => t.Value.IriMapping == "@value").Select(t => t.Key).ToArray();
            if (IsShared)
            {
                _valueAliases = aliases;
            }
            return aliases;
        }
    }
    public string? BaseIri { get; set; }
    public string? OriginalBaseUrl { get; set; }
    public string? VocabularyMapping { get; set; }
    public string? DefaultLanguage { get; set; }
    public string? DefaultBaseDirection { get; set; }
    public ActiveContext? PreviousContext { get; set; }

    public ActiveContext Clone() => new()
    {
        Terms = new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal),
        BaseIri = BaseIri,
        OriginalBaseUrl = OriginalBaseUrl,
        VocabularyMapping = VocabularyMapping,
        DefaultLanguage = DefaultLanguage,
        DefaultBaseDirection = DefaultBaseDirection,
        PreviousContext = PreviousContext,
    };

    public TermDefinition? Term(string? key) =>
        key is not null && Terms.TryGetValue(key, out var definition) ? definition : null;

    /// <summary>A vocabulary-relative IRI expansion of <paramref name="value"/> remembered by <see cref="RememberIri"/>.</summary>
    public bool TryGetRememberedIri(string value, bool documentRelative, out string? iri)
    {
        iri = null;
        return (documentRelative ? _documentRelativeIris : _iris) is { } iris && iris.TryGetValue(value, out iri);
    }

    /// <summary>
    /// Remembers the vocabulary-relative expansion of <paramref name="value"/>; only for a shared context (a context
    /// being built still changes), and only up to a bound. Expansion against a shared context depends on nothing else.
    /// </summary>
    public void RememberIri(string value, bool documentRelative, string? iri)
    {
        if (!IsShared)
        {
            return;
        }
        ref var field = ref documentRelative ? ref _documentRelativeIris : ref _iris;
        var iris = field;
        if (iris is null)
        {
            iris = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
            iris = Interlocked.CompareExchange(ref field, iris, null) ?? iris;
        }
        if (Volatile.Read(ref _irisCount) < MaxRememberedIris && iris.TryAdd(value, iri))
        {
            Interlocked.Increment(ref _irisCount);
        }
    }
}

/// <summary>A term definition (API §4.1, "term definition"); built by the Create Term Definition algorithm.</summary>
internal sealed class TermDefinition
{
    public string? IriMapping { get; set; }
    public bool IsPrefix { get; set; }
    public bool IsProtected { get; set; }
    public bool IsReverse { get; set; }
    public string? BaseUrl { get; set; }
    public JsonNode? LocalContext { get; set; }
    public bool HasLocalContext { get; set; }
    public List<string>? Container { get; set; }
    public bool HasDirection { get; set; }
    public string? DirectionMapping { get; set; }
    public string? IndexMapping { get; set; }
    public bool HasLanguage { get; set; }
    public string? LanguageMapping { get; set; }
    public string? NestValue { get; set; }
    public string? TypeMapping { get; set; }

    public bool HasContainer(string kind) => Container?.Contains(kind) == true;

    /// <summary>Equality of everything but the protected flag (API §4.2.2 step 27).</summary>
    public bool SameAs(TermDefinition other) =>
        IriMapping == other.IriMapping && IsPrefix == other.IsPrefix && IsReverse == other.IsReverse
        && HasLocalContext == other.HasLocalContext && JsonNode.DeepEquals(LocalContext, other.LocalContext)
        && (Container ?? []).Order(StringComparer.Ordinal).SequenceEqual((other.Container ?? []).Order(StringComparer.Ordinal))
        && HasDirection == other.HasDirection && DirectionMapping == other.DirectionMapping
        && IndexMapping == other.IndexMapping && HasLanguage == other.HasLanguage
        && LanguageMapping == other.LanguageMapping && NestValue == other.NestValue && TypeMapping == other.TypeMapping;
}
