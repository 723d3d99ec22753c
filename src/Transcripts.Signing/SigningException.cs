namespace Transcripts.Signing;

/// <summary>
/// Raised for malformed or unacceptable untrusted input. <see cref="Error"/> is a stable code;
/// <see cref="Exception.Message"/> is a sentence a person understands. Never carries key material.
/// </summary>
public sealed class SigningException : Exception
{
    /// <summary>Creates an exception with a stable code and a readable message.</summary>
    public SigningException(SigningError error, string message) : base(message) => Error = error;

    /// <summary>Creates an exception with a stable code, a readable message and the cause.</summary>
    public SigningException(SigningError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    /// <summary>The stable code of what was wrong.</summary>
    public SigningError Error { get; }
}
