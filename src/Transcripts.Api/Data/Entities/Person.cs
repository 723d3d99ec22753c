using Microsoft.AspNetCore.Identity;

namespace Transcripts.Api.Data.Entities;

/// <summary>
/// A person who signs in to the web pages (ASP.NET Core Identity's user). The role and institution are the API's own, so a
/// page answers with exactly what an API key of that role would see. A learner's account and a guardian's both name the
/// learner; <see cref="IsGuardian"/> tells them apart. The service's operator (<see cref="Roles.Operator"/>) belongs to no
/// institution: <see cref="InstitutionId"/> is null for that role only.
/// </summary>
internal sealed class Person : IdentityUser<Guid>
{
    public Person() => Id = Guid.CreateVersion7();

    public Guid? InstitutionId { get; set; }
    public required string Role { get; set; }
    public Guid? LearnerId { get; set; }
    public bool IsGuardian { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
