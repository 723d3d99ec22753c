using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Answers 413 before a body is read when its declared length is over the endpoint's limit
/// (<c>IRequestSizeLimitMetadata</c>, else <see cref="ApiOptions.MaxBodyBytes"/>), and lowers the server's
/// own limit to the same number so bodies without a length are cut off too.
/// </summary>
internal sealed class BodyLimits(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.PayloadTooLarge(limit).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        await next(context);
    }
}

internal static class BodyLimitExtensions
{
    /// <summary>This endpoint's own body limit in bytes, enforced by <see cref="BodyLimits"/> (and Kestrel).</summary>
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder, long maxBytes) =>
        builder.WithMetadata(new BodyLimit(maxBytes));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
