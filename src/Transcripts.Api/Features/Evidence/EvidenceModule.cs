using Microsoft.Extensions.Options;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

internal static class EvidenceModule
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var learnerEvidence = app.MapGroup("/learners/{learnerId:guid}/evidence").WithTags("Evidence").RequireAuthorization(Policies.Member);
        AttachEvidence.Map(learnerEvidence);
        UploadEvidence.Map(learnerEvidence, options.MaxFileBytes + EvidenceOptions.MultipartOverhead);
        ListEvidence.Map(learnerEvidence);

        var evidence = app.MapGroup("/evidence").WithTags("Evidence").RequireAuthorization(Policies.Member);
        GetEvidence.Map(evidence);
        DownloadEvidence.Map(evidence);
        return app;
    }
}
