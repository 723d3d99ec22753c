using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Institutions;

namespace Transcripts.Api.Features.Operator;

/// <summary>What an operator sees of an institution: its profile and state, never its learners or records.</summary>
internal sealed record OperatorInstitutionResponse(Guid Id, string Name, string? PublicBaseUrl, string? Did, DateTimeOffset CreatedAt,
    DateTimeOffset? SuspendedAt, string? SuspensionReason, DateTimeOffset? ReinstatedAt, string? ReinstatementReason, int Version)
{
    public static OperatorInstitutionResponse From(Institution i) => new(i.Id, i.Name, i.PublicBaseUrl,
        DidWeb.TryFromBaseUrl(i.PublicBaseUrl, out var did) ? did : null, i.CreatedAt, i.SuspendedAt, i.SuspensionReason,
        i.ReinstatedAt, i.ReinstatementReason, i.RowVersion);
}
