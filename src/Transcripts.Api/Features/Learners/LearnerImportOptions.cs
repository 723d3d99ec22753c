using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Learners;

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
