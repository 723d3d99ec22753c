using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Transcripts.Api.Features.Institutions;

/// <summary>
/// An institution's public base URL, the origin its did:web is derived from. It is https (a did:web is resolved over
/// https only, so an http base would name a DID nobody can resolve, and lists fetched over http can be swapped in
/// transit), except on a loopback host for development. It is kept in one canonical form (lower-case host, no default port,
/// a path ending in '/'), so two spellings of one origin cannot pass a uniqueness check as different institutions.
/// </summary>
internal static class PublicBaseUrl
{
    /// <summary>The canonical form of <paramref name="value"/>, or false with a sentence for the registrar.</summary>
    public static bool TryNormalize(string value, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (!DidWeb.TryFromBaseUrl(value, out _) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            error = "An absolute https URL without query or fragment, such as https://school.example/.";
            return false;
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !IsLoopback(uri))
        {
            error = "The public base URL must use https (http is accepted only for localhost, for development): verifiers resolve did:web and fetch status lists over https only.";
            return false;
        }
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        normalized = $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}";
        error = null;
        return true;
    }

    /// <summary>localhost, 127.0.0.0/8 or ::1.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
