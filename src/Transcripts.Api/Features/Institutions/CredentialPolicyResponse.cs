using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Institutions;

/// <summary>An institution's credential policy as the API shows it; <c>version</c> 0 is the minimal default nobody has set yet.</summary>
internal sealed record CredentialPolicyResponse(string LearnerIdentifier, bool IncludeEvidenceNarratives, bool IncludeExplanation, int Version)
{
    public static CredentialPolicyResponse From(CredentialPolicy p) => new(p.LearnerIdentifier, p.IncludeEvidenceNarratives, p.IncludeExplanation, p.RowVersion);
}
