using System.ComponentModel.DataAnnotations;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Learners;

internal sealed record IdentifierDto
{
    [Required, StringLength(100, MinimumLength = 1), RegularExpression("^[A-Za-z0-9._-]+$")]
    public required string Scheme { get; init; }
    [Required, StringLength(200, MinimumLength = 1)]
    public required string Value { get; init; }
}

internal sealed record LearnerResponse(Guid Id, string Name, string? Email, DateOnly? DateOfBirth,
    IReadOnlyList<IdentifierDto> Identifiers, bool IsArchived, int Version)
{
    public static LearnerResponse From(Learner l) => new(l.Id, l.Name, l.Email, l.DateOfBirth,
        l.Identifiers.OrderBy(i => i.Scheme).Select(i => new IdentifierDto { Scheme = i.Scheme, Value = i.Value }).ToList(),
        l.IsArchived, l.RowVersion);
}

internal sealed class LearnerImportOptions
{
    public const string Section = "LearnerImport";

    /// <summary>Room for a multipart form's boundaries and headers around the file: the edge limit is MaxBytes plus this.</summary>
    public const long MultipartOverhead = 64 * 1024;

    [Range(1024, 200 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 50_000;
}
