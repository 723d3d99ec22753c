namespace Transcripts.Api.Data.Entities;

/// <summary>An API key: only the SHA-256 of the secret is stored. The secret is shown once, at creation.</summary>
internal sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    /// <summary>For a learner key, the one learner it belongs to.</summary>
    public Guid? LearnerId { get; set; }
    public required byte[] Hash { get; set; }
    /// <summary>The first characters of the secret, enough to recognise a key in a list, never enough to use it.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>When the key stops working by itself; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    /// <summary>When the key was last used, to the minute (written at most once a minute; operational, outside the audit state).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
