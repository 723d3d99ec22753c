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
        var metadata = context.GetEndpoint()?.Metadata;
        var limit = metadata?.GetMetadata<OptionsBodyLimit>()?.Resolve(context.RequestServices)
            ?? metadata?.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxBodyBytes;
        context.Items[ItemKey] = limit;
        if (context.Request.ContentLength > limit)
        {
            await Problems.PayloadTooLarge(limit).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        else
        {
            // A server without the feature (or past its first read) still never hands more than the limit to a handler.
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }
        await next(context);
    }

    /// <summary>Where the limit of this request is kept for the 413 problem's detail.</summary>
    public const string ItemKey = "transcripts:body-limit";
}

internal static class BodyLimitExtensions
{
    /// <summary>This endpoint's own body limit in bytes, enforced by <see cref="BodyLimits"/> (and Kestrel).</summary>
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder, long maxBytes) =>
        builder.WithMetadata(new BodyLimit(maxBytes));

    /// <summary>This endpoint's body limit from its feature's options, read per request, so configuration changes it.</summary>
    public static RouteHandlerBuilder WithBodyLimit<TOptions>(this RouteHandlerBuilder builder, Func<TOptions, long> limit) where TOptions : class =>
        builder.WithMetadata(new OptionsBodyLimit(sp => limit(sp.GetRequiredService<IOptions<TOptions>>().Value)));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
