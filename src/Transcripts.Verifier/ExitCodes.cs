namespace Transcripts.Verifier;

/// <summary>The documented exit codes of <c>transcripts-verify</c>.</summary>
public static class ExitCodes
{
    /// <summary>Every check passed.</summary>
    public const int Valid = 0;
    /// <summary>At least one check failed.</summary>
    public const int Invalid = 1;
    /// <summary>The command line was wrong, or an input could not be read.</summary>
    public const int Usage = 2;
    /// <summary>No check failed, but at least one could not be decided (for example status not cached).</summary>
    public const int CannotTell = 3;
}
