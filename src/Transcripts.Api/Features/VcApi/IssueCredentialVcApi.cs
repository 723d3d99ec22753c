using System.Net.Mime;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Api.Features.VcApi;

/// <summary>
/// VC API <c>POST /credentials/issue</c>: signs a caller's VC 1.1 or 2.0 credential with the institution's active key.
/// Reserved types are refused, and the issuer and status entries are the institution's own (<see cref="SubmittedCredentialPolicy"/>).
/// </summary>
internal static class IssueCredentialVcApi
{
    private const string DataIntegrityV2 = "https://w3id.org/security/data-integrity/v2";

    public sealed record Request(JsonObject? Credential, JsonObject? Options);

    public sealed record Response(JsonObject VerifiableCredential);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/credentials/issue", Handle).WithName("IssueCredential").WithTags("VcApi").RequireAuthorization(Policies.Registrar)
            .WithSummary("VC API: sign a credential with the institution's active key")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db, CurrentCaller caller,
        SigningKeyService keys, CredentialIssuer issuer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Credential is not { } credential)
        {
            return Problems.Validation("credential", "A credential object is required.");
        }
        // A reserved type is refused whatever else the credential says (its terms may well be undefined in the caller's contexts).
        if (SubmittedCredentialPolicy.Check(credential) is { } reserved)
        {
            return reserved;
        }
        // The VC Data Model MUSTs (context first, type, ids, issuer, subjects, dates, typed objects, related resources).
        if (DataModelValidator.ValidateCredential(credential, DataModelPurpose.Issuing) is { Count: > 0 } violations)
        {
            return Problems.DataModelViolation(violations);
        }
        if (credential["@context"] is JsonValue single)
        {
            credential["@context"] = new JsonArray(single.DeepClone()); // the same ordered set, in the form the signer extends
        }
        var contexts = credential["@context"]!.AsArray();
        var base1 = (string)contexts[0]!;
        if (CredentialContexts.FirstUnknown(contexts) is { } unknown)
        {
            return Problems.UnknownContext(unknown);
        }
        if (credential["proof"] is not null)
        {
            return Problems.Validation("credential.proof", "Send the credential without a proof; this endpoint adds one.");
        }
        return await ConflictRetry.RunAsync(db, async () =>
        {
            var (signer, problem) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
            if (signer is null)
            {
                return (Results<Created<Response>, ProblemHttpResult>)problem!.Value.ToProblem();
            }
            using (signer)
            {
                var copy = credential.DeepClone().AsObject();
                // VC 1.1 does not define the DataIntegrityProof terms; VC Data Integrity §2.1 adds its own context for them.
                var copyContexts = copy["@context"]!.AsArray();
                if (base1 == CredentialContexts.Vc1 && !copyContexts.Any(c => c is JsonValue v && v.TryGetValue<string>(out var u) && u == DataIntegrityV2))
                {
                    copyContexts.Add(DataIntegrityV2);
                }
                SubmittedCredentialPolicy.SetIssuer(copy, signer.Identity, base1 == CredentialContexts.Vc2);
                var stored = await issuer.IssueSubmittedAsync(signer, copy, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/credentials/{stored.Id}", new Response(JsonNode.Parse(stored.Bytes)!.AsObject()));
            }
        }, cancellationToken);
    }
}
