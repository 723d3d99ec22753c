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
            BadHttpRequestException { InnerException: JsonException json } => Problems.MalformedJson(
                "The body is not valid JSON for this request", "The request body could not be read; see errors for the field.",
                FieldOf(json), json.Message.Split(" Path:")[0]),
            BadHttpRequestException bad => Problems.Unreadable(bad.StatusCode, bad.Message),
            Transcripts.Signing.SigningException { Error: Transcripts.Signing.SigningError.UnknownContext } unknown =>
                Problems.UnknownContextOf(unknown.Message + " Nothing was signed."),
            Transcripts.Signing.SigningException signing => Problems.InvalidCredential(signing.Message + " Nothing was signed."),
            DbUpdateConcurrencyException => Problems.StaleUpdate(),
            _ => null,
        };
        if (result is null)
        {
            LogUnhandled(logger, exception, httpContext.TraceIdentifier);
            result = Problems.InternalError();
        }
        httpContext.Response.StatusCode = result.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = result.ProblemDetails, Exception = exception,
        });
    }

    private static string FieldOf(JsonException json) =>
        string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path;

    [LoggerMessage(LogEvents.PipelineUnhandled, LogLevel.Error, "Unhandled exception for request {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}
