using Microsoft.Extensions.Options;
using Transcripts.Api.Features.Web.Accounts;

namespace Transcripts.Api.Features.Web;

/// <summary>The schools' identity providers are checked at start (<see cref="SchoolSignIn.ProblemsWith"/>): a mistake stops the service with its sentence.</summary>
internal sealed class OpenIdConnectValidation : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options) =>
        SchoolSignIn.ProblemsWith(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
