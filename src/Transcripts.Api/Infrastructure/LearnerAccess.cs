using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// The one way a handler finds a learner for a caller: staff see their institution's learners, a learner only
/// themself. Anything else is "not found", so ids of other people are never confirmed.
/// </summary>
internal static class LearnerAccess
{
    public static Task<Learner?> FindAsync(TranscriptsDb db, CurrentCaller caller, Guid learnerId, CancellationToken cancellationToken) =>
        Visible(db, caller, learnerId).AsNoTracking().Include(l => l.Identifiers).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The learner as a query, for a handler that reads more with it in one round trip; empty when the caller may not see them.</summary>
    public static IQueryable<Learner> Visible(TranscriptsDb db, CurrentCaller caller, Guid learnerId)
    {
        var institutionId = caller.InstitutionId;
        var onlyLearner = caller.IsLearner ? caller.LearnerId : null;
        var isStaff = caller.IsStaff;
        return db.Learners.Where(l => l.Id == learnerId && l.InstitutionId == institutionId && (isStaff || l.Id == onlyLearner));
    }
}
