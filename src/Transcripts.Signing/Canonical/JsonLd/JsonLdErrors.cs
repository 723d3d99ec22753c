namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Raises the JSON-LD 1.1 API error codes (§9.4.2 JsonLdErrorCode) as <see cref="SigningException"/>
/// with <see cref="SigningError.JsonLdError"/>. The code string is in the message and in
/// <see cref="Exception.Data"/> under <see cref="CodeKey"/>, where tests and callers can read it.
/// </summary>
internal static class JsonLdErrors
{
    /// <summary>The <see cref="Exception.Data"/> key holding the JSON-LD error code string.</summary>
    public const string CodeKey = "JsonLdErrorCode";

    public static SigningException Create(string code, string detail, Exception? inner = null)
    {
        var message = $"JSON-LD error \"{code}\": {detail}";
        var exception = inner is null
            ? new SigningException(SigningError.JsonLdError, message)
            : new SigningException(SigningError.JsonLdError, message, inner);
        exception.Data[CodeKey] = code;
        return exception;
    }

    /// <summary>The JSON-LD error code carried by <paramref name="exception"/>, if any.</summary>
    public static string? CodeOf(SigningException exception) => exception.Data[CodeKey] as string;
}
