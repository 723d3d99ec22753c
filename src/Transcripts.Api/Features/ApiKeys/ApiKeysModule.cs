using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.ApiKeys;

/// <summary>API keys, for admins.</summary>
internal sealed class ApiKeysModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/keys").WithTags("Keys").RequireAuthorization(Policies.Admin);
        CreateApiKey.Map(group);
        ListApiKeys.Map(group);
        RevokeApiKey.Map(group);
    }
}
