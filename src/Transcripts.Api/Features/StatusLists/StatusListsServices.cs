namespace Transcripts.Api.Features.StatusLists;

internal static class StatusListsServices
{
    public static IServiceCollection AddStatusLists(this IServiceCollection services) => services.AddScoped<StatusListService>();
}
