using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Trust;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// The file an admissions office imports into the verifier (Signing's TrustBundle): the DID document with every key and its
/// state, the profile, the status list URLs, where to fetch it again, a did:key institution's former keys, the key links of
/// its rotations, the signed lists of credentials its revoked keys really signed, and a proof by its active key.
/// <c>statusRequired</c> says that every credential it issues carries status entries.
/// </summary>
internal static class GetTrustBundle
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/institutions/{id:guid}/trust-bundle", Handle).WithName(nameof(GetTrustBundle)).WithTags("SigningKeys").AllowAnonymous()
            .WithSummary("DID document, issuer profile and status list URLs of an institution, for a verifier's trust store")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db,
        IOptions<SigningOptions> options, SigningKeyService keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var bundle = await CreateAsync(db, id, options.Value, keys, clock.GetUtcNow(), cancellationToken);
        return bundle is null ? Problems.NotFound("trust bundle of institution", id) : TypedResults.Text(bundle.ToJsonString(), "application/json");
    }

    public static async Task<JsonObject?> CreateAsync(TranscriptsDb db, Guid institutionId, SigningOptions options, SigningKeyService? signing,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await DidDocuments.IdentityAsync(db, institutionId, options, cancellationToken) is not { } found)
        {
            return null;
        }
        var lists = await db.StatusLists.AsNoTracking().Where(l => l.InstitutionId == institutionId).Select(l => l.Id).ToListAsync(cancellationToken);
        var identity = found.Identity;
        var keys = found.Keys.OrderBy(k => k.CreatedAt).ToList();
        var bundle = new JsonObject
        {
            ["didDocument"] = identity.DidDocument(keys),
            ["profile"] = identity.Profile(),
            ["statusLists"] = new JsonArray(lists.Order().Select(l => (JsonNode?)identity.StatusListUrl(l)).ToArray()),
            ["url"] = new Uri(identity.PublicBase, $"institutions/{institutionId}/trust-bundle").ToString(),
            // Every credential this service issues carries status entries: a verifier treats one without as not valid.
            ["statusRequired"] = true,
        };
        if (identity.Settings.UsesDidKey)
        {
            bundle["formerKeys"] = new JsonArray([.. keys.Where(k => !k.IsActive)
                .Select(k => (JsonNode?)TrustedInstitution.WriteMethod(InstitutionTrust.KeyOf(identity, k)))]);
        }
        bundle["keyLinks"] = new JsonArray([.. keys.Select(k => k.PredecessorLink).OfType<string>().Select(l => JsonNode.Parse(l))]);
        bundle["issuedCredentials"] = new JsonArray([.. keys.Select(k => k.IssuedCredentialsList).OfType<string>().Select(l => JsonNode.Parse(l))]);
        var active = keys.Where(k => k.IsActive && k.HasPrivateKey).MaxBy(k => k.CreatedAt);
        if (signing is { CanSign: true } && active is not null)
        {
            using var pair = signing.Open(active);
            return TrustBundle.Sign(bundle, identity.VerificationMethod(active), pair, now);
        }
        return bundle;
    }
}
