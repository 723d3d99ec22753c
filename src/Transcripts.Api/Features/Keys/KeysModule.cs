using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Keys;

internal static class KeysModule
{
    public static IServiceCollection AddKeys(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/keys").WithTags("Keys").RequireAuthorization(Policies.Admin);
        CreateKey.Map(group);
        ListKeys.Map(group);
        RevokeKey.Map(group);
        return app;
    }
}
