namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>A transcript template that cannot be used; <see cref="Field"/> names the offending field, e.g. <c>colours.accent</c>.</summary>
public sealed class TranscriptTemplateException : Exception
{
    public TranscriptTemplateException(string field, string problem)
        : base($"{field}: {problem}") => Field = field;

    public TranscriptTemplateException() : this("(template)", "the template is not valid.")
    {
    }

    public TranscriptTemplateException(string message, Exception innerException)
        : base(message, innerException) => Field = "(template)";

    /// <summary>The JSON path of the field, dotted, with indexes in brackets: <c>fonts.fallbacks[1]</c>.</summary>
    public string Field { get; }
}
