using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcripts.Api.Infrastructure;

/// <summary>The base of every problem <c>type</c> URI; the codes are listed in docs/problems.md.</summary>
internal static class ProblemTypes
{
    public const string Base = "urn:transcripts:problem:";
}

/// <summary>The single catalogue of problem types the API answers with (RFC 9457).</summary>
internal static partial class Problems
{
    private const string ValidationTitle = "The request is not valid";

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        Create(StatusCodes.Status404NotFound, Codes.NotFound, "Not found", $"No {what} {id} is visible to you.");

    public static ProblemHttpResult StaleUpdate(string what, Guid id, int current) =>
        Create(StatusCodes.Status409Conflict, Codes.StaleUpdate, "Changed by someone else",
            $"The {what} {id} was changed since you read it (it is now at version {current}); read it again and reapply your change.");

    public static ProblemHttpResult StaleUpdate() =>
        Create(StatusCodes.Status409Conflict, Codes.StaleUpdate, "Changed by someone else",
            "The record was changed by another request while this one ran; read it again and reapply your change.");

    public static ProblemHttpResult IdentifierTaken(string scheme) =>
        Create(StatusCodes.Status409Conflict, Codes.IdentifierTaken, "Identifier already in use",
            $"Another learner already has the {scheme} identifier given; nothing was changed.");

    public static ProblemHttpResult AlreadyArchived(Guid learnerId) =>
        Create(StatusCodes.Status409Conflict, Codes.AlreadyArchived, "Learner already archived", $"Learner {learnerId} is already archived; nothing was changed.");

    public static ProblemHttpResult ApiKeyAlreadyRevoked(Guid id, DateTimeOffset at) =>
        Create(StatusCodes.Status409Conflict, Codes.AlreadyRevoked, "Key already revoked", $"API key {id} was revoked on {at:yyyy-MM-dd}; nothing was changed.");

    public static ProblemHttpResult AlreadyWithdrawn(Guid attainmentId) =>
        Create(StatusCodes.Status409Conflict, Codes.AlreadyWithdrawn, "Attainment already withdrawn", $"Attainment {attainmentId} is already withdrawn; nothing was changed.");

    public static ProblemHttpResult NotYourAssessment(Guid assessmentId) =>
        Create(StatusCodes.Status403Forbidden, Codes.NotYourAssessment, "Not your assessment",
            $"Assessment {assessmentId} was made by another assessor; only they, or a registrar giving a reason, may change or remove it.");

    public static ProblemHttpResult MalformedJson(string title, string detail, string field, string message) =>
        Create(StatusCodes.Status400BadRequest, Codes.MalformedJson, title, detail, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A request the framework could not read (a route or query value), with the framework's status.</summary>
    public static ProblemHttpResult Unreadable(int status, string detail) =>
        Create(status, CodeFor(status), "The request could not be read", detail);

    public static ProblemHttpResult ContentDoesNotMatchType(string mediaType) =>
        Create(StatusCodes.Status415UnsupportedMediaType, Codes.ContentDoesNotMatchType, "The file is not what its type says",
            $"The file was sent as {mediaType}, but its first bytes are not those of a {mediaType} file; nothing was stored.");

    public static ProblemHttpResult TranscriptNotFound() =>
        Create(StatusCodes.Status404NotFound, Codes.NotFound, "Not found", "No transcript at this address.");

    public static ProblemHttpResult TranscriptTokenMismatch() =>
        Create(StatusCodes.Status403Forbidden, Codes.TranscriptTokenMismatch, "The code does not match this transcript",
            "The QR code was made for a different transcript, or it was not read completely; scan it again.");

    public static ProblemHttpResult InternalError() =>
        Create(StatusCodes.Status500InternalServerError, Codes.InternalError, "Something went wrong", "The request failed; the trace id identifies it in the log.");

    public static ProblemHttpResult ShareTokenMissing(string header) =>
        Create(StatusCodes.Status400BadRequest, Codes.ShareTokenMissing, "No share token",
            $"Send the share link's token (the part of the link after '#') in the {header} header.");

    public static ProblemHttpResult ShareLinkNotFound() =>
        Create(StatusCodes.Status404NotFound, Codes.NotFound, "Not found", "This share link does not exist, has expired or was withdrawn.");

    public static ProblemHttpResult ShareLinkUsedUp(int maxOpens) =>
        Create(StatusCodes.Status410Gone, Codes.ShareLinkUsedUp, "Share link used up",
            $"This share link could be opened {maxOpens} times and has been; ask the learner for a new one.");

    public static ProblemHttpResult ShareLinkPathRetired(string header) =>
        Create(StatusCodes.Status410Gone, Codes.ShareLinkPathRetired, "Share tokens no longer go in the address path",
            $"Proxies log address paths, so share tokens are no longer accepted there. Open the link as /share#<token>, or send the token in the {header} header to /share.");

    /// <summary>The VC API's answer to a credential or presentation that did not verify: its members beside the problem's.</summary>
    public static ProblemHttpResult VerificationFailed(IReadOnlyList<string> checks, IReadOnlyList<string> warnings, IReadOnlyList<string> errors)
    {
        var problem = Create(StatusCodes.Status422UnprocessableEntity, Codes.VerificationFailed, "The credential did not verify", string.Join(" ", errors));
        problem.ProblemDetails.Extensions["checks"] = checks;
        problem.ProblemDetails.Extensions["warnings"] = warnings;
        problem.ProblemDetails.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>
    /// Gives a problem the framework wrote (a 401, 403, unmatched route, or the data-annotation validator's 400) its
    /// <c>code</c>, and for validation the project's own type, so every problem names one of <see cref="Codes"/>.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        if (context.ProblemDetails is HttpValidationProblemDetails)
        {
            context.ProblemDetails.Type = ProblemTypes.Base + Codes.ValidationFailed;
            context.ProblemDetails.Title = ValidationTitle;
        }
        context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails is HttpValidationProblemDetails
            ? Codes.ValidationFailed : CodeFor(status));
        context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
    }

    /// <summary>The code a problem carries, for logs and batch manifests.</summary>
    public static string? CodeOf(ProblemHttpResult problem) => problem.ProblemDetails.Extensions.TryGetValue("code", out var code) ? code as string : null;

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Create(StatusCodes.Status400BadRequest, Codes.ValidationFailed, ValidationTitle,
            detail ?? "One or more fields are not valid; see errors.", errors);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult ImportRejected(string what, IDictionary<string, string[]> errors) =>
        Create(StatusCodes.Status400BadRequest, Codes.ImportRejected, "The file was rejected",
            $"The {what} has {errors.Count} problem(s); nothing was imported. Fix every listed item and send the whole file again.", errors);

    public static ProblemHttpResult PayloadTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, Codes.PayloadTooLarge, "The request is too large",
            $"The request body is larger than the {limit:N0} bytes allowed here.");

    public static ProblemHttpResult UnsupportedMediaType(string? mediaType, IEnumerable<string> allowed) =>
        Create(StatusCodes.Status415UnsupportedMediaType, Codes.UnsupportedMediaType, "Unsupported media type",
            $"Content of type '{mediaType ?? "(none)"}' is not accepted here; use one of: {string.Join(", ", allowed)}.");

    public static ProblemHttpResult Unavailable(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, Codes.Unavailable, "Service unavailable", detail);

    public static ProblemHttpResult SigningUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, Codes.KeyEncryptionKeyMissing, "Signing is not configured",
            "No key-encryption key is configured (Signing:KeyEncryptionKey or Signing:KeyEncryptionKeyFile), so no key can be created or used; nothing was signed.");

    public static ProblemHttpResult NoSigningKey() =>
        Create(StatusCodes.Status409Conflict, Codes.NoActiveSigningKey, "No active signing key",
            "The institution has no active signing key (its last key was revoked); create a new key before issuing. Nothing was signed.");

    public static ProblemHttpResult IssuerIdentifierMissing() =>
        Create(StatusCodes.Status409Conflict, Codes.IssuerIdentifierMissing, "The institution has no identifier",
            "Set the institution's public base URL (for did:web) or switch on did:key before issuing; nothing was signed.");

    public static ProblemHttpResult SigningKeyRevoked(Guid id) =>
        Create(StatusCodes.Status409Conflict, Codes.SigningKeyRevoked, "Signing key already revoked",
            $"Signing key {id} is already revoked; nothing was changed.");

    public static ProblemHttpResult AttainmentNotAttained(Guid id) =>
        Create(StatusCodes.Status409Conflict, Codes.AttainmentNotAttained, "The attainment cannot be issued",
            $"Attainment {id} is withdrawn or not yet attained, so no credential states it; nothing was signed.");

    public static ProblemHttpResult NothingToIssue(Guid learnerId) =>
        Create(StatusCodes.Status409Conflict, Codes.NothingToIssue, "Nothing to issue",
            $"Learner {learnerId} has no attained competencies to put on a transcript; nothing was signed.");

    public static ProblemHttpResult UnknownContext(string context) =>
        Create(StatusCodes.Status422UnprocessableEntity, Codes.UnknownContext, "Unknown JSON-LD context",
            $"The credential names the context '{context}', which this service does not know; only pinned contexts are accepted. Nothing was signed.");

    /// <summary>The Signing library's own sentence for a context it does not know.</summary>
    public static ProblemHttpResult UnknownContextOf(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, Codes.UnknownContext, "Unknown JSON-LD context", detail);

    public static ProblemHttpResult PublicBaseUrlTaken(string url) =>
        Create(StatusCodes.Status409Conflict, Codes.PublicBaseUrlTaken, "The public base URL belongs to another institution",
            $"Another institution already issues under {url} (the same did:web); each institution needs its own public base URL. Nothing was changed.");

    /// <summary>What an anonymous page or link of a suspended institution answers (its status lists and DID document are still served).</summary>
    public static ProblemHttpResult InstitutionSuspended() =>
        Create(StatusCodes.Status403Forbidden, Codes.InstitutionSuspended, "The institution is suspended",
            "The institution that issued this is suspended on this service, so its records are not shown. Its status lists and DID "
            + "document are still published: a verifier can still check a credential it holds.");

    public static ProblemHttpResult InstitutionSuspensionUnchanged(Guid id, bool isSuspended) =>
        Create(StatusCodes.Status409Conflict, isSuspended ? Codes.InstitutionAlreadySuspended : Codes.InstitutionNotSuspended,
            isSuspended ? "Institution already suspended" : "Institution not suspended",
            $"Institution {id} is {(isSuspended ? "already" : "not")} suspended; nothing was changed.");

    public static ProblemHttpResult OperatorKeyAlreadyRevoked(Guid id, DateTimeOffset at) =>
        Create(StatusCodes.Status409Conflict, Codes.AlreadyRevoked, "Key already revoked", $"Operator key {id} was revoked on {at:yyyy-MM-dd}; nothing was changed.");

    public static ProblemHttpResult LastOperatorKey(Guid id) =>
        Create(StatusCodes.Status409Conflict, Codes.LastOperatorKey, "Last operator key",
            $"Operator key {id} is the service's last active operator key; revoking it would leave nobody able to manage institutions. "
            + "Create another operator key first (POST /operator/keys, or operator-key create on the service's machine), then revoke this one.");

    public static ProblemHttpResult RateLimited(int permits, int windowSeconds) =>
        Create(StatusCodes.Status429TooManyRequests, Codes.RateLimited, "Too many requests",
            $"This address may make {permits} requests to the service's public pages every {windowSeconds} seconds; wait and try again.");

    public static ProblemHttpResult ReservedCredentialType(string type) =>
        Create(StatusCodes.Status422UnprocessableEntity, Codes.ReservedCredentialType, "The service does not sign this type",
            $"Credentials of type {type} are minted by the service itself (status lists, and Open Badges and CLR credentials from "
            + "the school's attainments) and are not signed on request; nothing was signed.");

    public static ProblemHttpResult InvalidCredential(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, Codes.InvalidCredential, "The credential is not valid", detail);

    /// <summary>422: the credential breaks a MUST of the VC Data Model; <c>rule</c> is the first rule's stable code, <c>violations</c> lists all.</summary>
    public static ProblemHttpResult DataModelViolation(IReadOnlyList<Signing.Verification.DataModel.DataModelViolation> violations)
    {
        var problem = Create(StatusCodes.Status422UnprocessableEntity, Codes.DataModelViolation, "The credential breaks the VC Data Model",
            $"Nothing was signed. {string.Join(" ", violations.Select(v => $"{v.Reason} [rule {v.Rule}{(v.Path.Length == 0 ? "" : $" at {v.Path}")}]"))}");
        problem.ProblemDetails.Extensions["rule"] = violations[0].Rule;
        problem.ProblemDetails.Extensions["violations"] = violations.Select(v => new Dictionary<string, string>
        {
            ["rule"] = v.Rule, ["path"] = v.Path, ["reason"] = v.Reason,
        }).ToList();
        return problem;
    }

    public static ProblemHttpResult AlreadyRevoked(Guid id, DateTimeOffset at) =>
        Create(StatusCodes.Status409Conflict, Codes.AlreadyRevoked, "Credential already revoked",
            $"Credential {id} was revoked on {at:yyyy-MM-dd}; nothing was changed.");

    public static ProblemHttpResult SuspensionUnchanged(Guid id, bool isSuspended) =>
        Create(StatusCodes.Status409Conflict, isSuspended ? Codes.AlreadySuspended : Codes.NotSuspended,
            isSuspended ? "Credential already suspended" : "Credential not suspended",
            $"Credential {id} is {(isSuspended ? "already" : "not")} suspended; nothing was changed.");

    public static ProblemHttpResult SuspensionNotAvailable(Guid id) =>
        Create(StatusCodes.Status409Conflict, Codes.SuspensionNotAvailable, "The credential cannot be suspended",
            $"Credential {id} is an Open Badges or CLR credential, whose schema allows only its revocation entry; revoke it instead. Nothing was changed.");

    public static ProblemHttpResult NotATranscript(Guid id) =>
        Create(StatusCodes.Status422UnprocessableEntity, Codes.NotATranscript, "The credential is not a transcript",
            $"Credential {id} is not a CLR transcript (an Open Badges or VC API credential has no printable transcript); issue a transcript for the learner and print that.");

    public static ProblemHttpResult CredentialRevoked(Guid id, DateTimeOffset at, string? reason) =>
        Create(StatusCodes.Status409Conflict, Codes.CredentialRevoked, "The transcript is revoked",
            $"Transcript {id} was revoked on {at:yyyy-MM-dd} ({reason ?? "no reason given"}); print the current transcript instead. "
            + "A registrar may reprint it for the record with reprintRevoked=true: the copy says that it was revoked, and its QR code's page shows it.");

    public static ProblemHttpResult CredentialSuspended(Guid id) =>
        Create(StatusCodes.Status409Conflict, Codes.CredentialSuspended, "The transcript is suspended",
            $"Transcript {id} is suspended; lift the suspension before printing it, or reprint it for the record with reprintRevoked=true.");

    public static ProblemHttpResult MissingGlyphs(string characters, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, Codes.MissingGlyphs, "The transcript cannot print some characters",
            detail, new Dictionary<string, string[]> { ["characters"] = [characters] });

    public static ProblemHttpResult TemplateInvalid(string field, string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, Codes.TranscriptTemplateInvalid, "The transcript template cannot be used",
            $"The transcript template is not valid, so no transcript can be printed until it is fixed: {detail}",
            new Dictionary<string, string[]> { [field] = [detail] });

    private static ProblemHttpResult Create(int status, string code, string title, string detail,
        IDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }
        return TypedResults.Problem(detail, statusCode: status, title: title, type: ProblemTypes.Base + code, extensions: extensions);
    }

    /// <summary>The code given to a problem the framework raised by status alone (401, 403, 404 route, 405…).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => Codes.BadRequest,
        401 => Codes.Unauthenticated,
        403 => Codes.Forbidden,
        404 => Codes.NotFound,
        405 => Codes.MethodNotAllowed,
        409 => Codes.Conflict,
        413 => Codes.PayloadTooLarge,
        415 => Codes.UnsupportedMediaType,
        422 => Codes.Unprocessable,
        429 => Codes.RateLimited,
        503 => Codes.Unavailable,
        _ => status >= 500 ? Codes.InternalError : Codes.Error,
    };
}
