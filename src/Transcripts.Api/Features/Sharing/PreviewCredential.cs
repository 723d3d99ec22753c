using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>Before sharing a credential: exactly which fields a college receives (the learner; registrars, as a disclosure).</summary>
internal static class PreviewCredential
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/credentials/{id:guid}/preview", Handle).WithName(nameof(PreviewCredential))
            .WithSummary("What a college receives in this credential, field by field, with the learner's identifiers, evidence and explanations summarised (the learner; registrars)")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CredentialPreview.Response>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, HttpResponse http, CancellationToken cancellationToken)
    {
        http.Headers.CacheControl = "no-store";
        var credential = await db.Credentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == caller.InstitutionId && c.LearnerId != null, cancellationToken);
        if (credential is null || (caller.IsLearner && credential.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("credential", id);
        }
        caller.Disclose(db, credential.LearnerId!.Value, $"credential preview {id}", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CredentialPreview.Describe(credential));
    }
}
