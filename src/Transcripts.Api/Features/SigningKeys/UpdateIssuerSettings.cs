using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>Chooses the cryptosuite (matching the active key's type) and did:web or did:key.</summary>
internal static class UpdateIssuerSettings
{
    public sealed record Request
    {
        [Required, RegularExpression("^(eddsa-rdfc-2022|eddsa-jcs-2022|ecdsa-rdfc-2019|ecdsa-jcs-2019)$")]
        public required string Cryptosuite { get; init; }

        public bool UsesDidKey { get; init; }
    }

    public sealed record Response(string Cryptosuite, bool UsesDidKey, string? Did);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/settings", Handle).WithName(nameof(UpdateIssuerSettings))
            .WithSummary("Set the cryptosuite and whether the institution is identified by did:key instead of did:web")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db, CurrentCaller caller,
        SigningKeyService keys, CancellationToken cancellationToken)
    {
        var active = await keys.ActiveKeyAsync(caller.InstitutionId, cancellationToken);
        var needs = request.Cryptosuite.StartsWith("eddsa", StringComparison.Ordinal) ? SigningKeyService.Ed25519Type : SigningKeyService.P256Type;
        if (active is not null && active.KeyType != needs)
        {
            return Problems.Validation(nameof(Request.Cryptosuite),
                $"{request.Cryptosuite} signs with {needs} keys but the active key is {active.KeyType}; create a {needs} key first.");
        }
        var settings = await keys.SettingsAsync(caller.InstitutionId, cancellationToken);
        settings.Cryptosuite = request.Cryptosuite;
        settings.UsesDidKey = request.UsesDidKey;
        await db.SaveChangesAsync(cancellationToken);
        var identity = await keys.IdentityAsync(caller.InstitutionId, cancellationToken);
        return TypedResults.Ok(new Response(settings.Cryptosuite, settings.UsesDidKey, identity?.Did));
    }
}
