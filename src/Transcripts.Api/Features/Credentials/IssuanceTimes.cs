using System.Diagnostics;

namespace Transcripts.Api.Features.Credentials;

internal enum IssuanceStage
{
    /// <summary>Reading the learners' facts and planning (set-based queries, status-list reservations).</summary>
    Read,
    /// <summary>Building the JSON of an achievement credential.</summary>
    Build,
    /// <summary>Signing an achievement credential: canonicalization, hashing and the signature.</summary>
    Sign,
    /// <summary>Building the CLR transcript around its embedded credentials.</summary>
    BuildTranscript,
    /// <summary>Signing the transcript.</summary>
    SignTranscript,
    /// <summary>Serializing signed credentials to the bytes that are stored, and their SHA-256.</summary>
    Serialize,
    /// <summary>The learner's save: checks, rows, audit events, one transaction.</summary>
    Store,
}

/// <summary>
/// Where issuance (a batch) spends its time, summed over every thread (stages overlap: several learners are signed while one is
/// stored), for the issuance benchmark. Safe to add to from several threads.
/// </summary>
internal sealed class IssuanceTimes
{
    private readonly long[] _ticks = new long[Enum.GetValues<IssuanceStage>().Length];

    public void Add(IssuanceStage stage, long stopwatchTicks) => Interlocked.Add(ref _ticks[(int)stage], stopwatchTicks);

    public TimeSpan this[IssuanceStage stage] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)stage]));
}
