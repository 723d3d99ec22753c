namespace Transcripts.Verifier.Inputs;

/// <summary>An input could not be read at all (missing, too large, not a PDF/JSON/QR text). Exit code 2.</summary>
public sealed class InputException(string message, Exception? innerException = null) : Exception(message, innerException);
