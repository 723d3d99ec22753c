using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Assess;

/// <summary>An assessor finds the learner to assess (<see cref="ListLearners"/>, paged), active learners only, as the registrar's search does.</summary>
internal sealed class IndexModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : LearnerSearch(db, caller, clock)
{
    public Task OnPostAsync(CancellationToken cancellationToken) => SearchAsync(includeArchived: false, cancellationToken);
}
