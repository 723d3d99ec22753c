using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>
/// How printable transcripts are laid out and how many a batch may render. <see cref="TemplatePath"/> is the template
/// every institution uses unless <see cref="InstitutionTemplates"/> names its own (institution id → template path).
/// Relative paths are resolved against the application's folder, where <c>templates/*.json</c> are copied.
/// </summary>
public sealed class TranscriptPdfOptions
{
    public const string Section = "TranscriptPdf";

    [Required]
    public string TemplatePath { get; set; } = "templates/transcript.default.json";

    public Dictionary<Guid, string> InstitutionTemplates { get; set; } = [];

    /// <summary>The most credentials or learners one batch request may name.</summary>
    [Range(1, 1000)]
    public int MaxBatchItems { get; set; } = 50;

    public string TemplateFor(Guid institutionId) =>
        Path.GetFullPath(InstitutionTemplates.TryGetValue(institutionId, out var own) && !string.IsNullOrWhiteSpace(own) ? own : TemplatePath,
            AppContext.BaseDirectory);
}
