namespace Transcripts.Signing.Verification;

/// <summary>The names of the verification steps, in the order they run.</summary>
public static class CheckNames
{
    /// <summary>The credential is a JSON object shaped as a verifiable credential.</summary>
    public const string Structure = "structure";
    /// <summary>Every proof verifies.</summary>
    public const string Proof = "proof";
    /// <summary>The issuer is on the caller's trust list and signed the credential.</summary>
    public const string IssuerTrusted = "issuer trusted";
    /// <summary>The credential is within its validity period.</summary>
    public const string Validity = "validity";
    /// <summary>The credential is not revoked or suspended.</summary>
    public const string Status = "status";
}
