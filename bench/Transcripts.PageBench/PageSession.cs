using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Transcripts.PageBench;

/// <summary>
/// A person's browser session against the service over plain HTTP on loopback: the cookies kept by hand (the session cookie is
/// <c>Secure</c>, which a cookie container would not send over http), the antiforgery token read from each form.
/// </summary>
internal sealed partial class PageSession(Uri address) : IDisposable
{
    private readonly HttpClient _client = CreateClient(address);

    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>Accepts the invitation behind <paramref name="link"/> with a new password: Identity signs the person in.</summary>
    public async Task AcceptInvitationAsync(string link, string password)
    {
        var token = Uri.UnescapeDataString(link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..]);
        var form = await GetAsync("/app/invitation");
        using var accepted = await PostAsync("/app/invitation", new()
        {
            ["Token"] = token, ["Password"] = password, ["Confirm"] = password, ["__RequestVerificationToken"] = FormToken(form.Html),
        });
        if (accepted.StatusCode != HttpStatusCode.Redirect || !_cookies.ContainsKey("transcripts-session"))
        {
            throw new InvalidOperationException($"Accepting the invitation answered {(int)accepted.StatusCode}.");
        }
    }

    public sealed record Answer(HttpStatusCode Status, string Html, long Bytes, double Milliseconds);

    /// <summary>GET a page: its status, text, bytes on the wire (status line, headers and body as sent) and the time to its last byte.</summary>
    public async Task<Answer> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<Answer> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        AddCookies(request);
        var response = await _client.SendAsync(request);
        KeepCookies(response);
        return response;
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        // A browser's first visit asks for compression; the service answers as it chooses, and the bytes are counted as sent.
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        AddCookies(request);
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        KeepCookies(response);
        var headers = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n".Length
            + response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + 4 + string.Join(", ", h.Value).Length) + 2;
        var compressed = response.Content.Headers.ContentEncoding.Count > 0;
        return new Answer(response.StatusCode, compressed ? "" : System.Text.Encoding.UTF8.GetString(body), headers + body.Length, elapsed);
    }

    public static string FormToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The same-origin resources a browser would fetch for the page: scripts, style sheets, images, icons.</summary>
    public static IEnumerable<string> Resources(string html) =>
        ResourceReference().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal)).Distinct();

    private void AddCookies(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    private void KeepCookies(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var pair in values.Select(v => v.Split(';', 2)[0].Split('=', 2)).Where(p => p.Length == 2))
            {
                _cookies[pair[0].Trim()] = pair[1].Trim();
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private static HttpClient CreateClient(Uri address)
    {
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None };
        return new HttpClient(handler) { BaseAddress = address };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<(?:script|img|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceReference();
}
