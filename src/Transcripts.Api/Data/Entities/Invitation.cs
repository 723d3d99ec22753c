namespace Transcripts.Api.Data.Entities;

/// <summary>
/// A single-use link that lets a person create their account. Only the SHA-256 of the token is stored; the token travels once,
/// in the message to <see cref="Email"/>.
/// </summary>
internal sealed class Invitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Null for an invitation to be the service's operator (<see cref="Roles.Operator"/>), which belongs to no institution.</summary>
    public Guid? InstitutionId { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public Guid? LearnerId { get; set; }
    public bool IsGuardian { get; set; }
    public required byte[] TokenHash { get; set; }
    /// <summary>The person or API key that made it.</summary>
    public Guid InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? PersonId { get; set; }
}
