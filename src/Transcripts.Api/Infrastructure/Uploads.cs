using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcripts.Api.Infrastructure;

/// <summary>Endpoints that take a document either as the body itself or as the <c>file</c> part of a multipart form.</summary>
internal static class Uploads
{
    public sealed record Body(Stream? Content, string? FileName, string? MediaType, ProblemHttpResult? Problem);

    /// <summary>The body of an <c>application/json</c> request, or the <c>file</c> part of a multipart one.</summary>
    public static Task<Body> ReadJsonOrFileAsync(HttpRequest http, CancellationToken cancellationToken) =>
        ReadAsync(http, ["application/json"], cancellationToken);

    public static async Task<Body> ReadAsync(HttpRequest http, IReadOnlyList<string> bodyMediaTypes, CancellationToken cancellationToken)
    {
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not null && bodyMediaTypes.Contains(mediaType))
        {
            return new Body(http.Body, null, mediaType, null);
        }
        if (!http.HasFormContentType || mediaType != "multipart/form-data")
        {
            return new Body(null, null, null, Problems.UnsupportedMediaType(http.ContentType, [.. bodyMediaTypes, "multipart/form-data"]));
        }
        var form = await http.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return new Body(null, null, null, Problems.Validation("file", "The multipart form has no part named 'file'."));
        }
        return new Body(file.OpenReadStream(), file.FileName, file.ContentType, null);
    }
}
