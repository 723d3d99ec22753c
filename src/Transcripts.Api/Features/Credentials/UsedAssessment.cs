namespace Transcripts.Api.Features.Credentials;

/// <summary>An assessment an attainment was derived from, as far as an explanation may state it: its date and level (never its feedback).</summary>
internal sealed record UsedAssessment(DateOnly AssessedOn, Guid LevelId);
