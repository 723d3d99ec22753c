namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Everything the printable transcript shows, independent of the database: the records service maps its
/// entities to this model, and the renderer needs nothing else.
/// </summary>
internal sealed record TranscriptDocument
{
    public required TranscriptInstitution Institution { get; init; }
    public required TranscriptLearner Learner { get; init; }
    public required string TranscriptId { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required IReadOnlyList<TranscriptDomain> Domains { get; init; }

    /// <summary>The levels of the proficiency scale, in any order; <see cref="ProficiencyLevel.Rank"/> orders them.</summary>
    public required IReadOnlyList<ProficiencyLevel> Scale { get; init; }

    /// <summary>The exact text of the QR code, e.g. <c>{public base}/v/{credential id}#{token}</c>.</summary>
    public required string QrText { get; init; }

    /// <summary>The signed credential carried inside the PDF as a file attachment.</summary>
    public required EmbeddedCredential Credential { get; init; }

    /// <summary>How a reader checks this transcript; printed in the verification section and repeated in the footer.</summary>
    public required string VerificationInstructions { get; init; }
}

internal sealed record TranscriptInstitution
{
    public required string Name { get; init; }
    public IReadOnlyList<string> AddressLines { get; init; } = [];

    /// <summary>A PNG or JPEG logo; when absent the template's logo (if any) is used.</summary>
    public ReadOnlyMemory<byte>? Logo { get; init; }

    public required Uri PublicBaseUrl { get; init; }
}

internal sealed record TranscriptLearner
{
    public required string Name { get; init; }
    /// <summary>The identifier printed under the name, or null for none (what the template's <c>learnerIdentifierScheme</c> chose).</summary>
    public string? Identifier { get; init; }
    public DateOnly? DateOfBirth { get; init; }
}

internal sealed record TranscriptDomain(string Name, IReadOnlyList<TranscriptCompetency> Competencies);

internal sealed record TranscriptCompetency
{
    /// <summary>The framework's human code, e.g. <c>MATH.2.3</c>.</summary>
    public required string Code { get; init; }
    public required string Statement { get; init; }
    public required AchievedLevel Level { get; init; }
    public required DateOnly DateAttained { get; init; }
    public string? EvidenceReference { get; init; }
    public string? EvidenceTitle { get; init; }
}

internal sealed record AchievedLevel(string Name, int Rank);

internal sealed record ProficiencyLevel(string Name, int Rank, string Description, bool IsMastery);

internal sealed record EmbeddedCredential(string FileName, string MediaType, ReadOnlyMemory<byte> Content)
{
    public const string DefaultFileName = "transcript.clr.json";
    public const string JsonLdMediaType = "application/ld+json";
}
