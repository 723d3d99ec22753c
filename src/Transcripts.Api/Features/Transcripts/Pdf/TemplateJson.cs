namespace Transcripts.Api.Features.Transcripts.Pdf;

// The template file as written by a school. Every property is nullable so that a missing field is reported by
// name in TranscriptTemplateLoader rather than as a deserializer error; unknown fields are rejected (typos).

internal sealed record TemplateJson(
    string? PageSize, MarginsJson? Margins, FontsJson? Fonts, ColoursJson? Colours, string? Logo,
    LabelsJson? Labels, List<string>? Sections, bool? ShowEvidenceTitles, SignatureJson? Signature, string? DateFormat)
{
    /// <summary>Lets a template say what it is for; ignored by the renderer.</summary>
    public string? Description { get; init; }

    /// <summary>Prints the learner's date of birth under their name; off unless a template asks (it is never in a credential).</summary>
    public bool? ShowDateOfBirth { get; init; }

    /// <summary>The scheme of the learner identifier printed under the name (e.g. <c>studentNumber</c>); none unless a template names one.</summary>
    public string? LearnerIdentifierScheme { get; init; }
}

internal sealed record MarginsJson(double? Top, double? Right, double? Bottom, double? Left);

internal sealed record FontsJson(string? Directory, string? Regular, string? Bold, List<string>? Fallbacks);

internal sealed record ColoursJson(
    string? Text, string? Muted, string? Accent, string? Rule, string? HeaderFill, List<string>? Levels);

internal sealed record SignatureJson(bool? Show, string? Label);

internal sealed record LabelsJson(
    string? Title, string? AtAGlance, string? AtAGlanceCaption, string? Learner, string? LearnerName,
    string? LearnerIdentifier, string? DateOfBirth, string? IssueDate, string? TranscriptId, string? Competencies,
    string? Code, string? Statement, string? Level, string? DateAttained, string? Evidence, string? Continued,
    string? DomainSummary, string? LevelKey, string? Rank, string? Mastery, string? Verification, string? ScanToVerify,
    string? PageNumber, string? SignatureDate);
