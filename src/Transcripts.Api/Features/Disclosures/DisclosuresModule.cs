using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Disclosures;

/// <summary>The record of who received a learner's records (FERPA's record of disclosures).</summary>
internal sealed class DisclosuresModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners/{learnerId:guid}/disclosures").WithTags("Disclosures").RequireAuthorization(Policies.Member);
        ListDisclosures.Map(group);

        var institution = app.MapGroup("/disclosures").WithTags("Disclosures").RequireAuthorization(Policies.Admin);
        ListInstitutionDisclosures.Map(institution);
    }
}
