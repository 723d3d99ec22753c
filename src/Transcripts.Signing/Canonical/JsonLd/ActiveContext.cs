using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>The active context of JSON-LD 1.1 API §4.1 (the inverse context is not needed: no compaction).</summary>
internal sealed class ActiveContext
{
    public Dictionary<string, TermDefinition> Terms { get; private init; } = new(StringComparer.Ordinal);
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
