using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.StatusLists;

/// <summary>
/// How long a signed status list stays usable, and how often lists are re-signed. A verifier treats a list past its
/// <c>validUntil</c> as "cannot tell", so a holder cannot keep showing a copy from before a revocation for long; the
/// service re-signs every list well before that (<see cref="ResignAfter"/>), whether or not a bit changed.
/// </summary>
public sealed class StatusListOptions : IValidatableObject
{
    public const string Section = "StatusLists";

    /// <summary>The <c>validUntil</c> of a list is its signing time plus this (default 48 hours).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromHours(48);

    /// <summary>A list signed longer ago than this is re-signed by the background re-signer (default 12 hours).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ResignAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the re-signer looks for lists to re-sign (default 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the re-signer runs on its timer (default true). Off, lists expire unless something re-signs them.</summary>
    public bool ResignInBackground { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ResignAfter + CheckEvery >= ValidFor)
        {
            yield return new ValidationResult(
                $"{nameof(ResignAfter)} plus {nameof(CheckEvery)} must be shorter than {nameof(ValidFor)}, or lists would expire before they are re-signed.",
                [nameof(ResignAfter), nameof(ValidFor)]);
        }
    }
}
