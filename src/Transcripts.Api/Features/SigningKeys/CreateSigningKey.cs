using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// Creates a key and makes it the active one (a rotation): the previous key names it in a key link, is retired and its private
/// key destroyed; its public key stays published. Lists of credentials owed for revoked keys are signed with the new key.
/// </summary>
internal static class CreateSigningKey
{
    public sealed record Request
    {
        /// <summary><c>Ed25519</c> (default) or <c>P-256</c> as the README writes it (<c>P256</c> is accepted too).</summary>
        [RegularExpression("^(Ed25519|P-256|P256)$", ErrorMessage = "The key type is Ed25519 or P-256.")]
        public string KeyType { get; init; } = SigningKeyService.Ed25519Type;
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateSigningKey))
            .WithSummary("Generate a new signing key and make it active; the previous key is retired and stays published")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static async Task<Results<Created<SigningKeyResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, SigningKeyService keys, [FromServices] IEnumerable<ISignedWithActiveKey> signed, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!keys.CanSign)
        {
            return Problems.SigningUnavailable();
        }
        var key = await keys.RotateAsync(caller.InstitutionId, SigningKeyService.KeyTypeNamed(request.KeyType), cancellationToken);
        var (signer, problem) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
        if (signer is not null)
        {
            using (signer)
            {
                await keys.PublishIssuedCredentialsAsync(signer, cancellationToken);
                foreach (var documents in signed)
                {
                    await documents.ResignAllAsync(signer, cancellationToken);
                }
            }
        }
        else if (problem is { } why && why != SignerUnavailable.NoIssuerIdentifier)
        {
            return why.ToProblem();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/signing-keys/{key.Id}", SigningKeyResponse.From(key));
    }
}
