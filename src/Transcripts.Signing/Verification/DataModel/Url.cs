// "URL" as the VC Data Model 2.0 uses it (§4.4 Identifiers, after the WHATWG URL Standard): an absolute URL, that is a
// scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )) and ":" followed by the rest. Deviation, on the strict side: no
// whitespace, control characters or the characters the URL Standard reports as validation errors (<>"{}|\^`) anywhere,
// and the special schemes (http, https, ws, wss, ftp) need "//" and a host. did:, urn: and data: URLs pass.
using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Verification.DataModel;

internal static class Url
{
    private static readonly string[] s_special = ["http", "https", "ws", "wss", "ftp"];

    public static bool IsUrl(string? value)
    {
        if (value is null || !Iris.IsAbsolute(value))
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`')
            {
                return false;
            }
        }
        var scheme = value[..value.IndexOf(':', StringComparison.Ordinal)];
        if (s_special.Contains(scheme, StringComparer.OrdinalIgnoreCase))
        {
            return value.AsSpan(scheme.Length + 1).StartsWith("//", StringComparison.Ordinal)
                && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0;
        }
        return true;
    }

    /// <summary>A <c>data:</c> URL (RFC 2397): <c>data:[mediatype][;base64],data</c>.</summary>
    public static bool IsDataUrl(string? value) =>
        IsUrl(value) && value!.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && value.Contains(',', StringComparison.Ordinal);
}
