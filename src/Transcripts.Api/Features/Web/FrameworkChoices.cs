using Transcripts.Api.Data;
using Transcripts.Api.Features.Frameworks;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// What a form may offer to assess or award: the competencies of the institution's frameworks and the levels of their scales,
/// read through the frameworks' own handlers (<see cref="ListFrameworks"/>, <see cref="GetFramework"/>, <see cref="GetScale"/>).
/// </summary>
internal sealed record FrameworkChoices(IReadOnlyList<CompetencyResponse> Competencies, IReadOnlyList<ScaleResponse> Scales)
{
    public static async Task<FrameworkChoices> LoadAsync(TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var frameworks = FeatureResults.ValueOf<Page<FrameworkSummary>>(
            (await ListFrameworks.Handle(db, caller, null, 1, Paging.MaxPageSize, cancellationToken)).Result)?.Items ?? [];
        var competencies = new List<CompetencyResponse>();
        var scales = new List<ScaleResponse>();
        foreach (var summary in frameworks)
        {
            if (FeatureResults.ValueOf<FrameworkResponse>((await GetFramework.Handle(summary.Id, db, caller, cancellationToken)).Result) is { } framework)
            {
                competencies.AddRange(framework.Competencies);
            }
            if (summary.ScaleId is { } scaleId && scales.All(s => s.Id != scaleId)
                && FeatureResults.ValueOf<ScaleResponse>((await GetScale.Handle(scaleId, db, caller, cancellationToken)).Result) is { } scale)
            {
                scales.Add(scale);
            }
        }
        return new FrameworkChoices(competencies, scales);
    }
}
