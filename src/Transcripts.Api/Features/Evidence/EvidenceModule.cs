using Carter;
using Microsoft.Extensions.Options;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

/// <summary>Evidence: attached and listed per learner, read and downloaded by its own id.</summary>
internal sealed class EvidenceModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var learnerEvidence = app.MapGroup("/learners/{learnerId:guid}/evidence").WithTags("Evidence").RequireAuthorization(Policies.Member);
        AttachEvidence.Map(learnerEvidence);
        UploadEvidence.Map(learnerEvidence, options.MaxFileBytes + EvidenceOptions.MultipartOverhead);
        ListEvidence.Map(learnerEvidence);

        var evidence = app.MapGroup("/evidence").WithTags("Evidence").RequireAuthorization(Policies.Member);
        GetEvidence.Map(evidence);
        DownloadEvidence.Map(evidence);
    }
}
