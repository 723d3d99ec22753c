namespace Transcripts.Api.Data.Entities;

internal enum EvidenceKind
{
    Narrative,
    Link,
    File,
}
