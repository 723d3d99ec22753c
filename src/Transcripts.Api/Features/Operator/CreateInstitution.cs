using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// A new institution with its own data, issuer settings, signing key (when the service has a key-encryption key) and first
/// admin key. Without a public base URL of its own it is published on the service's host under
/// <c>{Signing:PublicBaseUrl}institutions/{id}/</c>: its DID is <c>did:web:host:institutions:{id}</c>, whose document did:web
/// resolves at <c>/institutions/{id}/did.json</c>.
/// </summary>
internal static partial class CreateInstitution
{
    public sealed record Request
    {
        [Required, StringLength(200, MinimumLength = 1)]
        public required string Name { get; init; }
        /// <summary>The institution's own origin (its did:web); absent for a path on the service's host.</summary>
        [StringLength(500)]
        public string? PublicBaseUrl { get; init; }
    }

    /// <summary>The one response that carries the first admin key's secret; it is not stored and cannot be shown again.</summary>
    public sealed record Response(OperatorInstitutionResponse Institution, Guid AdminKeyId, string AdminKeyPrefix, string AdminKeySecret);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateInstitution))
            .WithSummary("Create an institution with its signing key and first admin key; the key's secret is in this response only (operator)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        SigningKeyService keys, IOptions<SigningOptions> options, TimeProvider clock, CurrentCaller caller, ILogger<Request> logger,
        CancellationToken cancellationToken)
    {
        var (created, problem) = await CreateAsync(request, withAdminKey: true, db, keys, options, clock, caller, logger, cancellationToken);
        if (created is null)
        {
            return problem!;
        }
        return TypedResults.Created($"/operator/institutions/{created.Institution.Id}", new Response(OperatorInstitutionResponse.From(created.Institution),
            created.AdminKey.Id, created.AdminKey.Prefix, created.AdminKeySecret));
    }

    /// <summary>
    /// The institution, its issuer settings, its signing key and (<paramref name="withAdminKey"/>) its first admin key, saved in
    /// one transaction with whatever <paramref name="inTransaction"/> adds; or the problem, with nothing saved. The API answers
    /// with the admin key's secret; the operator's page makes no key and invites a person to be the first admin instead.
    /// </summary>
    internal static async Task<(NewInstitution.Created? Created, ProblemHttpResult? Problem)> CreateAsync(Request request, bool withAdminKey,
        TranscriptsDb db, SigningKeyService keys, IOptions<SigningOptions> options, TimeProvider clock, CurrentCaller caller, ILogger logger,
        CancellationToken cancellationToken, Func<NewInstitution.Created, Task>? inTransaction = null)
    {
        var institution = new Institution { Name = request.Name };
        var requested = request.PublicBaseUrl ?? PathOnServiceHost(options.Value, institution.Id);
        if (!PublicBaseUrl.TryNormalize(requested, out var publicBaseUrl, out var error))
        {
            return request.PublicBaseUrl is null ? throw new InvalidOperationException("Signing:PublicBaseUrl is not a usable base URL.")
                : (null, Problems.Validation("publicBaseUrl", error));
        }
        if (await UpdateInstitution.ClaimedElsewhereAsync(db, institution.Id, publicBaseUrl, cancellationToken))
        {
            return (null, Problems.PublicBaseUrlTaken(publicBaseUrl));
        }
        institution.PublicBaseUrl = publicBaseUrl;
        // The institution is saved before its first key is made (the key's link names it), in one transaction with it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = NewInstitution.Add(db, institution, "first admin key", clock);
        if (!withAdminKey)
        {
            db.Entry(created.AdminKey).State = EntityState.Detached;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (keys.CanSign)
        {
            await keys.RotateAsync(institution.Id, SigningKeyService.Ed25519Type, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (inTransaction is not null)
        {
            await inTransaction(created);
        }
        await transaction.CommitAsync(cancellationToken);
        LogCreated(logger, institution.Id, caller.ApiKeyId);
        return (created, null);
    }

    /// <summary><c>{service base}institutions/{id}/</c>: the did:web path form for an institution sharing the service's host.</summary>
    public static string PathOnServiceHost(SigningOptions options, Guid institutionId) =>
        new Uri(new Uri(options.PublicBaseUrl.TrimEnd('/') + "/"), $"institutions/{institutionId}/").ToString();

    [LoggerMessage(LogEvents.InstitutionCreated, LogLevel.Information, "Institution {InstitutionId} created by operator key {OperatorKeyId}")]
    private static partial void LogCreated(ILogger logger, Guid institutionId, Guid operatorKeyId);
}
