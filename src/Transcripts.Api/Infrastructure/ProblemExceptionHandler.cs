using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Turns the exceptions that reach the pipeline into problems: unreadable bodies → 400 naming the field,
/// wrong content type → 415, too large → 413, concurrency → 409; anything else → 500 without detail, logged once.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => Problems.PayloadTooLarge(
                httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
                ?? httpContext.Items[BodyLimits.ItemKey] as long? ?? 0),
            BadHttpRequestException { StatusCode: 415 } => Problems.UnsupportedMediaType(httpContext.Request.ContentType, ["application/json"]),
            BadHttpRequestException { InnerException: JsonException json } => Problems.Create(400, "malformed-json",
                "The body is not valid JSON for this request", "The request body could not be read; see errors for the field.",
                new Dictionary<string, string[]> { [FieldOf(json)] = [json.Message.Split(" Path:")[0]] }),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, Problems.CodeFor(bad.StatusCode),
                "The request could not be read", bad.Message),
            Transcripts.Signing.SigningException { Error: Transcripts.Signing.SigningError.UnknownContext } unknown => Problems.Create(422,
                "unknown-context", "Unknown JSON-LD context", unknown.Message + " Nothing was signed."),
            Transcripts.Signing.SigningException signing => Problems.InvalidCredential(signing.Message + " Nothing was signed."),
            DbUpdateConcurrencyException => Problems.Create(409, "stale-update", "Changed by someone else",
                "The record was changed by another request while this one ran; read it again and reapply your change."),
            _ => null,
        };
        if (result is null)
        {
            LogUnhandled(logger, exception, httpContext.TraceIdentifier);
            result = Problems.Create(500, "internal-error", "Something went wrong", "The request failed; the trace id identifies it in the log.");
        }
        httpContext.Response.StatusCode = result.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = result.ProblemDetails, Exception = exception,
        });
    }

    private static string FieldOf(JsonException json) =>
        string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path;

    [LoggerMessage(1, LogLevel.Error, "Unhandled exception for request {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}
