using Carter;

namespace Transcripts.Api.Features.StatusLists;

/// <summary>Status lists are public: any verifier fetches them without a key.</summary>
internal sealed class StatusListsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/status").WithTags("StatusLists").AllowAnonymous();
        GetStatusList.Map(group);
    }
}
