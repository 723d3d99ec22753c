using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// The service's operator: creates, lists, suspends and reinstates institutions, and manages the operator keys themselves. An
/// operator key belongs to no institution and reaches nothing else: no learner, record, key or setting of any institution.
/// </summary>
internal sealed class OperatorModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/operator/institutions").WithTags("Operator").RequireAuthorization(Policies.Operator);
        CreateInstitution.Map(group);
        ListInstitutions.Map(group);
        SuspendInstitution.Map(group);
        ReinstateInstitution.Map(group);

        var keys = app.MapGroup("/operator/keys").WithTags("Operator").RequireAuthorization(Policies.Operator);
        ListOperatorKeys.Map(keys);
        CreateOperatorKey.Map(keys);
        RevokeOperatorKey.Map(keys);
    }
}
