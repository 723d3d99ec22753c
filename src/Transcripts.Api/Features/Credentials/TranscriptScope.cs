namespace Transcripts.Api.Features.Credentials;

/// <summary>What a plan issues besides the achievement credentials.</summary>
internal enum TranscriptScope
{
    /// <summary>A transcript of every attained competency, as a batch issues it: the learner's record now.</summary>
    Full,
    /// <summary>A transcript of a chosen subset: an extract beside the record.</summary>
    Partial,
    /// <summary>No transcript: the achievement credentials alone.</summary>
    None,
}
