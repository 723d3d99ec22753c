using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Evidence;

internal sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Room for the multipart boundaries and headers around the file itself.</summary>
    public const long MultipartOverhead = 64 * 1024;

    [Range(1, 2L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    [Required, MinLength(1)]
    public string[] AllowedMediaTypes { get; set; } =
    [
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "audio/mpeg", "video/mp4",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
    ];
}
