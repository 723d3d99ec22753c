using System.Security.Claims;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Infrastructure;

/// <summary>The authenticated key behind this request: its institution, role and (for a learner) learner.</summary>
internal sealed class CurrentCaller(IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No request.");

    public Guid ApiKeyId => Guid.Parse(User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim)!);
    public Guid InstitutionId => Guid.Parse(User.FindFirstValue(ApiKeyAuthentication.InstitutionClaim)!);
    public string Role => User.FindFirstValue(ClaimTypes.Role)!;
    public Guid? LearnerId => Guid.TryParse(User.FindFirstValue(ApiKeyAuthentication.LearnerClaim), out var id) ? id : null;
    public bool IsLearner => Role == Roles.Learner;
    public bool IsStaff => !IsLearner;

    /// <summary>Staff see every learner of their institution; a learner sees only themself.</summary>
    public bool CanSee(Learner learner) =>
        learner.InstitutionId == InstitutionId && (IsStaff || learner.Id == LearnerId);

    /// <summary>
    /// Records that this caller read <paramref name="record"/> of a learner (the FERPA record of disclosures),
    /// unless the caller is that learner. The caller saves it with the handler's other changes.
    /// </summary>
    public void Disclose(TranscriptsDb db, Guid learnerId, string record, DateTimeOffset at)
    {
        if (LearnerId == learnerId)
        {
            return;
        }
        db.Disclosures.Add(new Disclosure
        {
            InstitutionId = InstitutionId, LearnerId = learnerId, ApiKeyId = ApiKeyId, Role = Role, Record = record, At = at,
        });
    }
}
