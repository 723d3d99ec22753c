using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Evidence;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Assess;

/// <summary>
/// The assessment and evidence handlers the assessor's page calls, with the services they take, so the page's handlers
/// name one dependency. Each call is the API's own handler: its checks, its authorship rule, its recomputation.
/// </summary>
internal sealed class AssessmentWriters(TranscriptsDb db, CurrentCaller caller, TimeProvider clock, SigningKeyService keys,
    StatusListService lists, FileStore files, IOptions<EvidenceOptions> evidenceOptions, ILogger<RecordAssessment.Request> logger,
    ILogger<CredentialIssuer> issuerLogger, ILogger<EvidenceOptions> evidenceLogger)
{
    public Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> AttachAsync(Guid learnerId, AttachEvidence.Request request,
        CancellationToken cancellationToken) =>
        AttachEvidence.Handle(learnerId, request, db, caller, clock, cancellationToken);

    public Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> UploadAsync(Guid learnerId, HttpRequest form, CancellationToken cancellationToken) =>
        UploadEvidence.Handle(learnerId, form, db, caller, files, evidenceOptions, clock, evidenceLogger, cancellationToken);

    public Task<Results<Created<RecordedAssessment>, ProblemHttpResult>> RecordAsync(RecordAssessment.Request request, CancellationToken cancellationToken) =>
        RecordAssessment.Handle(request, db, caller, clock, keys, lists, logger, issuerLogger, cancellationToken);

    public Task<Results<Ok<RecordedAssessment>, ProblemHttpResult>> UpdateAsync(Guid id, UpdateAssessment.Request request, CancellationToken cancellationToken) =>
        UpdateAssessment.Handle(id, request, db, caller, clock, keys, lists, issuerLogger, cancellationToken);

    public Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, int version, string? reason, CancellationToken cancellationToken) =>
        DeleteAssessment.Handle(id, version, reason, db, caller, clock, keys, lists, issuerLogger, cancellationToken);
}
