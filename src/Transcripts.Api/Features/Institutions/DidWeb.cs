using System.Diagnostics.CodeAnalysis;

namespace Transcripts.Api.Features.Institutions;

/// <summary>
/// The did:web identifier for a public base URL (did:web method spec §3.2): the host, a non-default port
/// percent-encoded as <c>%3A</c>, then each path segment after a colon. https://school.example/ → did:web:school.example.
/// </summary>
internal static class DidWeb
{
    public static bool TryFromBaseUrl(string? baseUrl, [NotNullWhen(true)] out string? did)
    {
        did = null;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }
        var id = uri.IdnHost.ToLowerInvariant();
        if (!uri.IsDefaultPort)
        {
            id += "%3A" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (var segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            id += ":" + segment;
        }
        did = "did:web:" + id;
        return true;
    }
}
