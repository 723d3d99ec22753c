namespace Transcripts.Signing.Verification;

/// <summary>The outcome of one verification step.</summary>
public enum CheckStatus
{
    /// <summary>The step succeeded.</summary>
    Passed,
    /// <summary>The step found a problem: the credential must not be accepted.</summary>
    Failed,
    /// <summary>The step could not be carried out (for example the status list is not available offline).</summary>
    Unknown,
}
