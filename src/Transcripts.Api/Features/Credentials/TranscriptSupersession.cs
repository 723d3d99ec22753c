namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// The one rule for when a new transcript supersedes the learner's transcripts in force, used by single issuance and by
/// batches alike (docs/transcripts.md): a full transcript (every attained competency, as a batch issues) is the learner's
/// record now, so it supersedes every transcript in force, full or partial; a partial transcript (a chosen subset, sent
/// for one purpose) is an extract beside the record and supersedes nothing. A transcript in force that already embeds the
/// same credentials is returned instead of a new one, whatever its scope.
/// </summary>
internal static class TranscriptSupersession
{
    /// <summary>The transcripts in force that a new transcript replaces.</summary>
    public static IEnumerable<T> Replaced<T>(bool isFull, IEnumerable<T> inForce) => isFull ? inForce : [];
}
