using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Keys;

/// <summary>API keys, for admins.</summary>
internal sealed class KeysModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/keys").WithTags("Keys").RequireAuthorization(Policies.Admin);
        CreateKey.Map(group);
        ListKeys.Map(group);
        RevokeKey.Map(group);
    }
}
