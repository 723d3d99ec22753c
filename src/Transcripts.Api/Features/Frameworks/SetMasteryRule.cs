using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class SetMasteryRule
{
    /// <summary>The rule, and the version of the rule it replaces.</summary>
    public sealed record Request : MasteryRuleRequest
    {
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/{id:guid}/mastery-rule", Handle).WithName(nameof(SetMasteryRule))
            .WithSummary("Choose how assessments become attainments in this framework (registrar). The framework's rule-derived attainments are "
                + "recomputed at once; those it lowers revoke the credentials and transcripts stating the higher level (see …/mastery-rule/preview)")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Task<Results<Ok<MasteryRuleResponse>, ProblemHttpResult>> Handle(Guid id, Request request,
        TranscriptsDb db, CurrentCaller caller, SigningKeyService keys, StatusListService lists, TimeProvider clock,
        ILogger<Credentials.CredentialIssuer> logger, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync<Results<Ok<MasteryRuleResponse>, ProblemHttpResult>>(db, async () =>
        {
            if (request.Invalid() is { } invalid)
            {
                return (Results<Ok<MasteryRuleResponse>, ProblemHttpResult>)invalid;
            }
            var rule = await db.MasteryRules.SingleOrDefaultAsync(r => r.FrameworkId == id
                && db.Frameworks.Any(f => f.Id == id && f.InstitutionId == caller.InstitutionId), cancellationToken);
            if (rule is null)
            {
                return Problems.NotFound("framework", id);
            }
            if (rule.RowVersion != request.Version)
            {
                return Problems.StaleUpdate("mastery rule of framework", id, rule.RowVersion);
            }
            request.ApplyTo(rule);
            var lowered = await MasteryRuleChange.RecomputeAsync(db, caller.InstitutionId, id, rule, clock.GetUtcNow(), cancellationToken);
            if (await MasteryRuleChange.RevokeAsync(db, caller.InstitutionId, lowered, AttainmentDowngrade.RuleChanged, keys, lists, clock, logger,
                cancellationToken) is { } refused)
            {
                return refused;
            }
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(MasteryRuleResponse.From(rule));
        }, cancellationToken);
}
