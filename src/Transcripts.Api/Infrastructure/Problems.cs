using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcripts.Api.Infrastructure;

/// <summary>The base of every problem <c>type</c> URI; the codes are listed in docs/problems.md.</summary>
internal static class ProblemTypes
{
    public const string Base = "urn:transcripts:problem:";
}

/// <summary>The single catalogue of problem types the API answers with (RFC 9457).</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Not found", $"No {what} {id} is visible to you.");

    public static ProblemHttpResult StaleUpdate(string what, Guid id, int current) =>
        Create(StatusCodes.Status409Conflict, "stale-update", "Changed by someone else",
            $"The {what} {id} was changed since you read it (it is now at version {current}); read it again and reapply your change.");

    public static ProblemHttpResult Conflict(string code, string title, string detail) =>
        Create(StatusCodes.Status409Conflict, code, title, detail);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Create(StatusCodes.Status400BadRequest, "validation-failed", "The request is not valid",
            detail ?? "One or more fields are not valid; see errors.", errors);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult ImportRejected(string what, IDictionary<string, string[]> errors) =>
        Create(StatusCodes.Status400BadRequest, "import-rejected", "The file was rejected",
            $"The {what} has {errors.Count} problem(s); nothing was imported. Fix every listed item and send the whole file again.", errors);

    public static ProblemHttpResult PayloadTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "The request is too large",
            $"The request body is larger than the {limit:N0} bytes allowed here.");

    public static ProblemHttpResult UnsupportedMediaType(string? mediaType, IEnumerable<string> allowed) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
            $"Content of type '{mediaType ?? "(none)"}' is not accepted here; use one of: {string.Join(", ", allowed)}.");

    public static ProblemHttpResult Unavailable(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service unavailable", detail);

    public static ProblemHttpResult SigningUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, "key-encryption-key-missing", "Signing is not configured",
            "No key-encryption key is configured (Signing:KeyEncryptionKey or Signing:KeyEncryptionKeyFile), so no key can be created or used; nothing was signed.");

    public static ProblemHttpResult NoSigningKey() =>
        Create(StatusCodes.Status409Conflict, "no-active-signing-key", "No active signing key",
            "The institution has no active signing key (its last key was revoked); create a new key before issuing. Nothing was signed.");

    public static ProblemHttpResult IssuerIdentifierMissing() =>
        Create(StatusCodes.Status409Conflict, "issuer-identifier-missing", "The institution has no identifier",
            "Set the institution's public base URL (for did:web) or switch on did:key before issuing; nothing was signed.");

    public static ProblemHttpResult SigningKeyRevoked(Guid id) =>
        Create(StatusCodes.Status409Conflict, "signing-key-revoked", "Signing key already revoked",
            $"Signing key {id} is already revoked; nothing was changed.");

    public static ProblemHttpResult AttainmentNotAttained(Guid id) =>
        Create(StatusCodes.Status409Conflict, "attainment-not-attained", "The attainment cannot be issued",
            $"Attainment {id} is withdrawn or not yet attained, so no credential states it; nothing was signed.");

    public static ProblemHttpResult NothingToIssue(Guid learnerId) =>
        Create(StatusCodes.Status409Conflict, "nothing-to-issue", "Nothing to issue",
            $"Learner {learnerId} has no attained competencies to put on a transcript; nothing was signed.");

    public static ProblemHttpResult UnknownContext(string context) =>
        Create(StatusCodes.Status422UnprocessableEntity, "unknown-context", "Unknown JSON-LD context",
            $"The credential names the context '{context}', which this service does not know; only pinned contexts are accepted. Nothing was signed.");

    public static ProblemHttpResult PublicBaseUrlTaken(string url) =>
        Create(StatusCodes.Status409Conflict, "public-base-url-taken", "The public base URL belongs to another institution",
            $"Another institution already issues under {url} (the same did:web); each institution needs its own public base URL. Nothing was changed.");

    public static ProblemHttpResult ReservedCredentialType(string type) =>
        Create(StatusCodes.Status422UnprocessableEntity, "reserved-credential-type", "The service does not sign this type",
            $"Credentials of type {type} are minted by the service itself (status lists, and Open Badges and CLR credentials from "
            + "the school's attainments) and are not signed on request; nothing was signed.");

    public static ProblemHttpResult InvalidCredential(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "invalid-credential", "The credential is not valid", detail);

    /// <summary>422: the credential breaks a MUST of the VC Data Model; <c>rule</c> is the first rule's stable code, <c>violations</c> lists all.</summary>
    public static ProblemHttpResult DataModelViolation(IReadOnlyList<Signing.Verification.DataModel.DataModelViolation> violations)
    {
        var problem = Create(StatusCodes.Status422UnprocessableEntity, "data-model-violation", "The credential breaks the VC Data Model",
            $"Nothing was signed. {string.Join(" ", violations.Select(v => $"{v.Reason} [rule {v.Rule}{(v.Path.Length == 0 ? "" : $" at {v.Path}")}]"))}");
        problem.ProblemDetails.Extensions["rule"] = violations[0].Rule;
        problem.ProblemDetails.Extensions["violations"] = violations.Select(v => new Dictionary<string, string>
        {
            ["rule"] = v.Rule, ["path"] = v.Path, ["reason"] = v.Reason,
        }).ToList();
        return problem;
    }

    public static ProblemHttpResult AlreadyRevoked(Guid id, DateTimeOffset at) =>
        Create(StatusCodes.Status409Conflict, "already-revoked", "Credential already revoked",
            $"Credential {id} was revoked on {at:yyyy-MM-dd}; nothing was changed.");

    public static ProblemHttpResult SuspensionUnchanged(Guid id, bool isSuspended) =>
        Create(StatusCodes.Status409Conflict, isSuspended ? "already-suspended" : "not-suspended",
            isSuspended ? "Credential already suspended" : "Credential not suspended",
            $"Credential {id} is {(isSuspended ? "already" : "not")} suspended; nothing was changed.");

    public static ProblemHttpResult SuspensionNotAvailable(Guid id) =>
        Create(StatusCodes.Status409Conflict, "suspension-not-available", "The credential cannot be suspended",
            $"Credential {id} is an Open Badges or CLR credential, whose schema allows only its revocation entry; revoke it instead. Nothing was changed.");

    public static ProblemHttpResult NotATranscript(Guid id) =>
        Create(StatusCodes.Status422UnprocessableEntity, "not-a-transcript", "The credential is not a transcript",
            $"Credential {id} is not a CLR transcript (an Open Badges or VC API credential has no printable transcript); issue a transcript for the learner and print that.");

    public static ProblemHttpResult CredentialRevoked(Guid id, DateTimeOffset at, string? reason) =>
        Create(StatusCodes.Status409Conflict, "credential-revoked", "The transcript is revoked",
            $"Transcript {id} was revoked on {at:yyyy-MM-dd} ({reason ?? "no reason given"}); print the current transcript instead. "
            + "A registrar may reprint it for the record with reprintRevoked=true: the copy says that it was revoked, and its QR code's page shows it.");

    public static ProblemHttpResult CredentialSuspended(Guid id) =>
        Create(StatusCodes.Status409Conflict, "credential-suspended", "The transcript is suspended",
            $"Transcript {id} is suspended; lift the suspension before printing it, or reprint it for the record with reprintRevoked=true.");

    public static ProblemHttpResult MissingGlyphs(string characters, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "missing-glyphs", "The transcript cannot print some characters",
            detail, new Dictionary<string, string[]> { ["characters"] = [characters] });

    public static ProblemHttpResult TemplateInvalid(string field, string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, "transcript-template-invalid", "The transcript template cannot be used",
            $"The transcript template is not valid, so no transcript can be printed until it is fixed: {detail}",
            new Dictionary<string, string[]> { [field] = [detail] });

    internal static ProblemHttpResult Create(int status, string code, string title, string detail,
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
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        422 => "unprocessable",
        503 => "unavailable",
        _ => status >= 500 ? "internal-error" : "error",
    };
}
