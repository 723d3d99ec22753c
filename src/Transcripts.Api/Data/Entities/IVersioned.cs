namespace Transcripts.Api.Data.Entities;

/// <summary>
/// An updatable row with an optimistic concurrency token. <see cref="TranscriptsDb"/> increments
/// <see cref="RowVersion"/> on every update; a stale update fails with a concurrency exception (409).
/// </summary>
internal interface IVersioned
{
    int RowVersion { get; set; }
}
