using System.Diagnostics.CodeAnalysis;

namespace Transcripts.Signing.Tokens;

/// <summary>
/// The text of a transcript's QR code: <c>{public base URL}/v/{credential uuid}#{token}</c>. The path opens the public
/// verification page on a phone; the fragment never reaches the server and carries the <see cref="TranscriptToken"/>.
/// </summary>
public sealed record TranscriptQr(Uri PublicBase, string CredentialId, string Token)
{
    /// <summary>The longest QR text issued: a version-10 code at error correction M holds it and a phone reads it from paper.</summary>
    public const int MaxLength = 400;

    private const string UrnUuid = "urn:uuid:";

    /// <summary>The QR text.</summary>
    public override string ToString() =>
        $"{PublicBase.AbsoluteUri.TrimEnd('/')}/v/{CredentialId[UrnUuid.Length..]}#{Token}";

    /// <summary>Composes the QR text for a credential whose id is <c>urn:uuid:…</c>.</summary>
    /// <exception cref="SigningException"><see cref="SigningError.TokenTooLong"/> when the text exceeds <see cref="MaxLength"/>.</exception>
    public static string Compose(Uri publicBase, string credentialId, string token)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        if (!credentialId.StartsWith(UrnUuid, StringComparison.Ordinal) || !Guid.TryParse(credentialId[UrnUuid.Length..], out _))
        {
            throw new ArgumentException("A transcript credential id is urn:uuid:….", nameof(credentialId));
        }
        var text = new TranscriptQr(publicBase, credentialId, token).ToString();
        return text.Length <= MaxLength ? text
            : throw new SigningException(SigningError.TokenTooLong,
                $"The QR text would have {text.Length} characters; at most {MaxLength} print as a QR code a phone reads. Use a shorter public URL or key id.");
    }

    /// <summary>Reads QR text as a phone scanner shows it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TranscriptQr? qr)
    {
        qr = null;
        if (text is null || text.Length > 2 * MaxLength)
        {
            return false;
        }
        text = text.Trim();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var marker = text.LastIndexOf("/v/", hash < 0 ? text.Length - 1 : hash, StringComparison.Ordinal);
        if (hash < 0 || marker < 0 || hash == text.Length - 1
            || !Uri.TryCreate(text[..marker] + "/", UriKind.Absolute, out var publicBase)
            || publicBase.Scheme is not ("https" or "http")
            || !Guid.TryParseExact(text[(marker + 3)..hash], "D", out var id))
        {
            return false;
        }
        qr = new TranscriptQr(publicBase, UrnUuid + id.ToString("D"), text[(hash + 1)..]);
        return true;
    }
}
