using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;

namespace Transcripts.Api.Infrastructure;

internal static class Health
{
    public sealed record Response(string Status);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Handle).WithName("Health").WithTags("Health").AllowAnonymous()
            .WithSummary("200 when the service can reach its database, else 503")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(TranscriptsDb db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? TypedResults.Ok(new Response("healthy"))
            : Problems.Unavailable("The database cannot be reached.");
}
