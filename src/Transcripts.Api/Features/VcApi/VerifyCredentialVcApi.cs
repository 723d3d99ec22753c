using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Api.Features.VcApi;

/// <summary>
/// VC API <c>POST /credentials/verify</c> and <c>POST /presentations/verify</c>. 200 with <c>{checks, warnings, errors}</c>
/// when valid; 422 (a problem carrying the same three members) when not; 400 when the body has no credential.
/// </summary>
internal static class VerifyCredentialVcApi
{
    public sealed record Request(JsonObject? VerifiableCredential, JsonObject? Options);

    public sealed record PresentationRequest(JsonObject? VerifiablePresentation, JsonObject? Options);

    public sealed record Response(IReadOnlyList<string> Checks, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/credentials/verify", Handle).WithName("VerifyCredential").WithTags("VcApi").AllowAnonymous()
            .WithSummary("VC API: verify a credential (proof, validity, status against this service's lists)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapPost("/presentations/verify", HandlePresentation).WithName("VerifyPresentation").WithTags("VcApi").AllowAnonymous()
            .WithSummary("VC API: verify a presentation's proof (challenge, domain) and every credential in it")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Request request, VerificationContext context, Infrastructure.ServiceMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (request.VerifiableCredential is not { } credential)
        {
            return Problems.Validation("verifiableCredential", "A verifiableCredential object is required.");
        }
        var response = await VerifyAsync(credential, context, cancellationToken);
        return Answer(response, metrics, "credential");
    }

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandlePresentation(PresentationRequest request,
        VerificationContext context, Infrastructure.ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        if (request.VerifiablePresentation is not { } presentation)
        {
            return Problems.Validation("verifiablePresentation", "A verifiablePresentation object is required.");
        }
        var checks = new List<string>();
        var warnings = new List<string>();
        var errors = new List<string>();
        // VC Data Model 2.0 §4.13 (type, holder, verifiableCredential objects, enveloped and self-asserted credentials).
        var violations = DataModelValidator.ValidatePresentation(presentation);
        if (violations.Count == 0)
        {
            checks.Add(CheckNames.Structure);
        }
        errors.AddRange(violations.Select(v => $"{CheckNames.Structure}: {v.Reason} [rule {v.Rule}{(v.Path.Length == 0 ? "" : $" at {v.Path}")}]"));
        if (presentation["proof"] is null)
        {
            warnings.Add("The presentation has no proof, so who presented it is not established.");
        }
        else
        {
            var options = await context.OptionsForAsync(presentation, cancellationToken);
            try
            {
                var result = DataIntegrityProof.Verify(presentation, options.Proofs with
                {
                    ExpectedProofPurpose = "authentication",
                    ExpectedChallenge = (string?)request.Options?["challenge"],
                    ExpectedDomain = (string?)request.Options?["domain"],
                });
                (result.IsVerified ? checks : errors).Add(result.IsVerified ? "proof" : "proof: " + string.Join(" ", result.Proofs.Select(p => p.Reason)));
            }
            catch (SigningException e)
            {
                errors.Add("proof: " + e.Message);
            }
        }
        var credentials = presentation["verifiableCredential"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject one => [one],
            _ => [],
        };
        foreach (var (credential, index) in credentials.Select((c, i) => (c, i)))
        {
            var inner = await VerifyAsync(credential, context, cancellationToken);
            checks.AddRange(inner.Checks.Select(c => $"verifiableCredential[{index}].{c}"));
            warnings.AddRange(inner.Warnings.Select(c => $"verifiableCredential[{index}]: {c}"));
            errors.AddRange(inner.Errors.Select(c => $"verifiableCredential[{index}]: {c}"));
        }
        return Answer(new Response(checks, warnings, errors), metrics, "presentation");
    }

    private static async Task<Response> VerifyAsync(JsonObject credential, VerificationContext context, CancellationToken cancellationToken)
    {
        var report = CredentialVerifier.Verify(credential, await context.OptionsForAsync(credential, cancellationToken));
        // The issuer step's "unknown" is an issuer that is not one of this service's institutions: said as a warning, since the
        // signature itself may be valid (a did:key issuer signing for itself), but never as "issuer trusted".
        return new Response(
            report.Checks.Where(c => c.Status == CheckStatus.Passed).Select(c => c.Name).ToList(),
            report.Checks.Where(c => c.Status == CheckStatus.Unknown).Select(c => c.Name == CheckNames.IssuerTrusted
                ? $"{c.Name}: the issuer is not one of this service's institutions, so who issued the credential is not confirmed here. {c.Reason}"
                : $"{c.Name}: {c.Reason}").ToList(),
            report.Checks.Where(c => c.Status == CheckStatus.Failed).Select(c => $"{c.Name}: {c.Reason}").ToList());
    }

    private static Results<Ok<Response>, ProblemHttpResult> Answer(Response response, Infrastructure.ServiceMetrics metrics, string what)
    {
        metrics.Verified(what, response.Errors.Count == 0 ? "verified" : "failed");
        if (response.Errors.Count == 0)
        {
            return TypedResults.Ok(response);
        }
        return Problems.VerificationFailed(response.Checks, response.Warnings, response.Errors);
    }
}
