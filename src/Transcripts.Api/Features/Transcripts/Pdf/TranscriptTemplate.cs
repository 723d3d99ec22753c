using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// A validated transcript template: page, fonts, colours, logo, labels and section order. Load one with
/// <see cref="TranscriptTemplateLoader"/>; every value here has already been checked.
/// </summary>
internal sealed record TranscriptTemplate
{
    public required string Name { get; init; }
    public required PageFormat PageSize { get; init; }

    /// <summary>Page width and height in points (1/72 inch).</summary>
    public XSize PageDimensions => PageSize == PageFormat.A4 ? new XSize(595.28, 841.89) : new XSize(612, 792);

    public required Margins Margins { get; init; }
    public required TemplateFonts Fonts { get; init; }
    public required TemplateColours Colours { get; init; }

    /// <summary>PNG or JPEG bytes of the school's logo, or null for none.</summary>
    public byte[]? Logo { get; init; }

    public required TranscriptLabels Labels { get; init; }
    public required IReadOnlyList<TranscriptSection> Sections { get; init; }
    public required bool ShowEvidenceTitles { get; init; }
    /// <summary>Whether the learner's date of birth is printed (a template's choice; false by default).</summary>
    public bool ShowDateOfBirth { get; init; }
    /// <summary>
    /// The scheme of the one learner identifier printed (a student number a school's registrar looks up), or null to print
    /// none; the learner's system identifier is never printed, since the credential policy decides how a credential carries it.
    /// </summary>
    public string? LearnerIdentifierScheme { get; init; }
    public required bool ShowSignatureLine { get; init; }

    /// <summary>A .NET date format such as <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c>.</summary>
    public required string DateFormat { get; init; }
}

internal enum PageFormat { A4, Letter }

internal enum TranscriptSection { Header, Learner, AtAGlance, Competencies, LevelKey, Verification }

internal sealed record Margins(double Top, double Right, double Bottom, double Left);

/// <summary>Absolute paths of TrueType files: the regular and bold faces, then fallbacks tried in order.</summary>
internal sealed record TemplateFonts(string Regular, string Bold, IReadOnlyList<string> Fallbacks);

internal sealed record TemplateColours(
    XColor Text, XColor Muted, XColor Accent, XColor Rule, XColor HeaderFill, IReadOnlyList<XColor> Levels);

/// <summary>Every word the transcript prints, so a school can print in its own language.</summary>
internal sealed record TranscriptLabels
{
    public required string Title { get; init; }
    public required string AtAGlance { get; init; }

    /// <summary>Under the chart; <c>{count}</c> is the number of competencies.</summary>
    public required string AtAGlanceCaption { get; init; }
    public required string Learner { get; init; }
    public required string LearnerName { get; init; }
    public required string LearnerIdentifier { get; init; }
    public required string DateOfBirth { get; init; }
    public required string IssueDate { get; init; }
    public required string TranscriptId { get; init; }
    public required string Competencies { get; init; }
    public required string Code { get; init; }
    public required string Statement { get; init; }
    public required string Level { get; init; }
    public required string DateAttained { get; init; }
    public required string Evidence { get; init; }
    public required string Continued { get; init; }

    /// <summary>The per-domain summary line; <c>{count}</c> is the number of competencies in the domain.</summary>
    public required string DomainSummary { get; init; }
    public required string LevelKey { get; init; }
    public required string Rank { get; init; }
    public required string Mastery { get; init; }
    public required string Verification { get; init; }
    public required string ScanToVerify { get; init; }

    /// <summary>The footer's page number; <c>{page}</c> and <c>{pages}</c> are replaced.</summary>
    public required string PageNumber { get; init; }
    public required string Signature { get; init; }
    public required string SignatureDate { get; init; }
}
