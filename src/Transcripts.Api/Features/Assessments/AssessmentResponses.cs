using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Assessments;

internal sealed record AssessmentResponse(Guid Id, Guid LearnerId, Guid CompetencyId, Guid LevelId, Guid? EvidenceId,
    Guid AssessorKeyId, string? Feedback, DateOnly AssessedOn, int Version, Guid? UpdatedByKeyId, DateTimeOffset? UpdatedAt, string? UpdateReason)
{
    public static AssessmentResponse From(Assessment a) =>
        new(a.Id, a.LearnerId, a.CompetencyId, a.LevelId, a.EvidenceId, a.AssessorKeyId, a.Feedback, a.AssessedOn, a.RowVersion,
            a.UpdatedByKeyId, a.UpdatedAt, a.UpdateReason);
}

internal sealed record AttainmentResponse(Guid Id, Guid LearnerId, Guid CompetencyId, Guid? LevelId, double? Score,
    AttainmentStatus Status, AttainmentSource Source, MasteryMethod Method, string? Reason, DateTimeOffset UpdatedAt, int Version)
{
    public static AttainmentResponse From(Attainment a) =>
        new(a.Id, a.LearnerId, a.CompetencyId, a.LevelId, a.Score, a.Status, a.Source, a.Method, a.Reason, a.UpdatedAt, a.RowVersion);
}

internal sealed record RecordedAssessment(AssessmentResponse Assessment, AttainmentResponse? Attainment);
