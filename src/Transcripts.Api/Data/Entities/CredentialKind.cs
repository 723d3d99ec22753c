namespace Transcripts.Api.Data.Entities;

internal enum CredentialKind
{
    Achievement,
    Transcript,
    Submitted,
}
