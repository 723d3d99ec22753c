using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// An assessment is its author's judgement: only the key that made it may change or remove it, or a registrar (or admin)
/// who says why. The last change is stamped with who, when and the reason, and the explanation shows it.
/// </summary>
internal static class AssessmentAuthorship
{
    public static ProblemHttpResult? Check(Assessment assessment, CurrentCaller caller, string? reason)
    {
        if (assessment.AssessorKeyId == caller.ApiKeyId)
        {
            return null;
        }
        if (caller.Role is not (Roles.Registrar or Roles.Admin))
        {
            return Problems.NotYourAssessment(assessment.Id);
        }
        return string.IsNullOrWhiteSpace(reason)
            ? Problems.Validation("reason", "A registrar changing or removing another assessor's assessment gives the reason; it is kept with the assessment.")
            : null;
    }

    /// <summary>An assessment records what was seen: it cannot be dated after today (UTC).</summary>
    public static ProblemHttpResult? CheckDate(DateOnly assessedOn, TimeProvider clock) =>
        assessedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)
            ? Problems.Validation("assessedOn", "An assessment cannot be dated in the future.")
            : null;

    public static void Stamp(Assessment assessment, CurrentCaller caller, string? reason, DateTimeOffset now)
    {
        assessment.UpdatedByKeyId = caller.ApiKeyId;
        assessment.UpdatedAt = now;
        assessment.UpdateReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}
