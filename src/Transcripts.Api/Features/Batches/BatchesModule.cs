using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Batches;

/// <summary>Batch issuance, for registrars.</summary>
internal sealed class BatchesModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/batches").WithTags("Batches").RequireAuthorization(Policies.Registrar);
        CreateBatch.Map(group);
        GetBatch.Map(group);
    }
}
