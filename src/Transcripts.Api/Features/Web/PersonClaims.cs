using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// The sign-in cookie carries the same claims as an API key (actor id, institution, role, learner), so every feature's
/// <see cref="CurrentCaller"/> scoping applies to a person exactly as to a key; the actor is the person's account id. An
/// operator's account, like an operator key, carries no institution.
/// </summary>
internal sealed class PersonClaims(UserManager<Person> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<Person>(users, options)
{
    public const string PersonClaim = "transcripts:person";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ApiKeyAuthentication.KeyIdClaim, user.Id.ToString()));
        identity.AddClaim(new Claim(PersonClaim, user.Id.ToString()));
        // The operator belongs to no institution: without the claim, every institution's feature fails closed for that account.
        if (user.InstitutionId is { } institutionId)
        {
            identity.AddClaim(new Claim(ApiKeyAuthentication.InstitutionClaim, institutionId.ToString()));
        }
        identity.AddClaim(new Claim(identity.RoleClaimType, user.Role));
        if (user.LearnerId is { } learnerId)
        {
            identity.AddClaim(new Claim(ApiKeyAuthentication.LearnerClaim, learnerId.ToString()));
        }
        return identity;
    }
}
