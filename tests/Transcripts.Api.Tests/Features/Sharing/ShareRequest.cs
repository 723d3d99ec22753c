namespace Transcripts.Api.Tests.Features.Sharing;

/// <summary>Opens a share link as a college does: the token in the <c>X-Share-Token</c> header, never in the path.</summary>
internal static class ShareRequest
{
    public static HttpRequestMessage Open(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/share");
        request.Headers.Add("X-Share-Token", token);
        return request;
    }

    public static async Task<string> ReadAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(Open(token));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
