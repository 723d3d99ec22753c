namespace Transcripts.Api.Cli;

/// <summary>The documented exit codes of the service's admin commands (<c>audit verify</c>, <c>issue-batch</c>, <c>demo</c>).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked: the audit chain is intact, every transcript was issued, the demo was written.</summary>
    public const int Done = 0;

    /// <summary>The command ran and found a failure: the audit chain is broken, or some learners' transcripts were not issued.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong, or it names something that is not there (an institution unknown to the database).</summary>
    public const int Usage = 2;

    /// <summary>An unexpected error stopped the command (the database could not be opened, for example).</summary>
    public const int CouldNotFinish = 3;
}
