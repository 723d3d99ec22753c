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
        503 => "unavailable",
        _ => status >= 500 ? "internal-error" : "error",
    };
}
