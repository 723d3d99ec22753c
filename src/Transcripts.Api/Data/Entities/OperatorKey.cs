namespace Transcripts.Api.Data.Entities;

/// <summary>
/// A key of the service's operator: service-wide, it belongs to no institution and reads no learner's records. It creates,
/// lists, suspends and reinstates institutions. Only the SHA-256 of the secret is stored, as for <see cref="ApiKey"/>.
/// </summary>
internal sealed class OperatorKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required byte[] Hash { get; set; }
    /// <summary>The first characters of the secret, enough to recognise a key, never enough to use it.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
