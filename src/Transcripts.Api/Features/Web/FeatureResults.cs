using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// Reading a feature handler's typed result on a page: its value, or the problem it answered (its field errors shown inline);
/// a file result is sent as the API would send it.
/// </summary>
internal static class FeatureResults
{
    public static T? ValueOf<T>(IResult result) where T : class => result switch
    {
        Ok<T> ok => ok.Value,
        Created<T> created => created.Value,
        Accepted<T> accepted => accepted.Value,
        _ => null,
    };

    public static bool IsNotFound(IResult result) => result is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound };

    /// <summary>The problem's field errors, or its detail under the empty key (shown above the form).</summary>
    public static IReadOnlyDictionary<string, string[]> ErrorsOf(IResult result) => result switch
    {
        ProblemHttpResult p when p.ProblemDetails.Extensions.TryGetValue("errors", out var e) && e is IDictionary<string, string[]> errors =>
            errors.ToDictionary(),
        ProblemHttpResult p => new Dictionary<string, string[]> { [""] = [p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? "That did not work."] },
        _ => new Dictionary<string, string[]>(),
    };

    /// <summary>Runs the handler's own result (a file, a problem) as the page's answer.</summary>
    public static IActionResult AsAction(IResult result) => new Executed(result);

    private sealed class Executed(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
