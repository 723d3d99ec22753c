using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// The file an admissions office imports into the verifier:
/// <c>{"didDocument": …, "profile": …, "statusLists": [urls], "statusRequired": true}</c>.
/// </summary>
internal static class GetTrustBundle
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/institutions/{id:guid}/trust-bundle", Handle).WithName(nameof(GetTrustBundle)).WithTags("SigningKeys").AllowAnonymous()
            .WithSummary("DID document, issuer profile and status list URLs of an institution, for a verifier's trust store")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db,
        IOptions<SigningOptions> options, CancellationToken cancellationToken)
    {
        var bundle = await CreateAsync(db, id, options.Value, cancellationToken);
        return bundle is null ? Problems.NotFound("trust bundle of institution", id) : TypedResults.Text(bundle.ToJsonString(), "application/json");
    }

    public static async Task<JsonObject?> CreateAsync(TranscriptsDb db, Guid institutionId, SigningOptions options, CancellationToken cancellationToken)
    {
        if (await DidDocuments.IdentityAsync(db, institutionId, options, cancellationToken) is not { } found)
        {
            return null;
        }
        var lists = await db.StatusLists.AsNoTracking().Where(l => l.InstitutionId == institutionId).Select(l => l.Id).ToListAsync(cancellationToken);
        return new JsonObject
        {
            ["didDocument"] = found.Identity.DidDocument(found.Keys),
            ["profile"] = found.Identity.Profile(),
            ["statusLists"] = new JsonArray(lists.Order().Select(l => (JsonNode?)found.Identity.StatusListUrl(l)).ToArray()),
            // Every credential this service issues carries status entries: a verifier treats one without as not valid.
            ["statusRequired"] = true,
        };
    }
}
