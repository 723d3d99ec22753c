using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Transcripts.Api.Tests;

/// <summary>
/// Every endpoint of the records service, with a valid request and the roles allowed to make it.
/// The role matrix and the bad-input tests are driven from this table.
/// </summary>
public static class Endpoints
{
    public sealed record Endpoint(string Name, HttpMethod Method, Func<Seeded, string> Path, Func<Seeded, HttpContent?> Body,
        string[] Roles, bool IsJson = false, bool HasVersion = false, bool IsLearnerScoped = false, bool StartsBackgroundWork = false,
        bool HasRequiredFields = true)
    {
        /// <summary>An endpoint of the service's operator, whom no institution's key reaches.</summary>
        public bool IsOperator => Roles is ["operator"];
    }

    /// <summary>
    /// After an endpoint that <see cref="Endpoint.StartsBackgroundWork"/> succeeded, waits (at most 30 s) until the batch it
    /// started has finished, so its writes cannot land in a later test's before-and-after snapshot.
    /// </summary>
    public static async Task SettleAsync(HttpClient client, HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException("The batch's answer has no location.");
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var batch = await Seeded.Json(await client.GetAsync(location));
            if (batch.GetProperty("isFinished").GetBoolean())
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The batch at {location} did not finish within 30 s.");
    }

    private static readonly string[] s_all = ["admin", "registrar", "assessor", "learner"];
    private static readonly string[] s_staff = ["admin", "registrar", "assessor"];
    private static readonly string[] s_registrar = ["admin", "registrar"];
    private static readonly string[] s_admin = ["admin"];
    private static readonly string[] s_operator = ["operator"];
    private static readonly Guid s_noOperatorKey = Guid.NewGuid();

    public static readonly string CasePackage = """
        {"CFDocument":{"identifier":"doc-1","title":"Imported"},"CFItems":[{"identifier":"item-1","fullStatement":"One"}],
         "CFAssociations":[{"associationType":"isChildOf","originNodeURI":{"identifier":"item-1"},"destinationNodeURI":{"identifier":"doc-1"}}]}
        """;

    private static JsonContent J(object body) => JsonContent.Create(body);

    private static StringContent Text(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    private static ByteArrayContent Logo()
    {
        var content = new ByteArrayContent(Seeded.Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    /// <summary>The body of a VC API issue request: a plain example credential.</summary>
    public static object VcApiCredential() => new
    {
        credential = new Dictionary<string, object>
        {
            ["@context"] = new[] { "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2" },
            ["type"] = new[] { "VerifiableCredential", "ExampleAlumniCredential" },
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new { id = "did:example:subject", alumniOf = "Example University" },
        },
    };

    public static readonly Endpoint[] All =
    [
        new("GetInstitution", HttpMethod.Get, _ => "/institution", _ => null, s_all),
        new("UpdateInstitution", HttpMethod.Put, _ => "/institution", _ => J(new { name = "Renamed", publicBaseUrl = "https://renamed.example/", version = 1 }),
            s_admin, IsJson: true, HasVersion: true),
        new("SetInstitutionLogo", HttpMethod.Put, _ => "/institution/logo", _ => Logo(), s_admin),
        new("GetInstitutionLogo", HttpMethod.Get, _ => "/institution/logo", _ => null, s_all),
        new("GetCredentialPolicy", HttpMethod.Get, _ => "/institution/credential-policy", _ => null, s_admin),
        new("SetCredentialPolicy", HttpMethod.Put, _ => "/institution/credential-policy",
            _ => J(new { learnerIdentifier = "plain", includeEvidenceNarratives = false, includeExplanation = true, version = 0 }), s_admin,
            IsJson: true, HasVersion: true),
        new("CreateKey", HttpMethod.Post, _ => "/keys", _ => J(new { name = "new", role = "registrar" }), s_admin, IsJson: true),
        new("ListKeys", HttpMethod.Get, _ => "/keys", _ => null, s_admin),
        new("RevokeKey", HttpMethod.Post, s => $"/keys/{s.SpareKeyId}/revoke", _ => null, s_admin),
        new("ListFrameworks", HttpMethod.Get, _ => "/frameworks", _ => null, s_all),
        new("GetFramework", HttpMethod.Get, s => $"/frameworks/{s.School.FrameworkId}", _ => null, s_all),
        new("CreateFramework", HttpMethod.Post, _ => "/frameworks", _ => J(new { title = "New framework" }), s_registrar, IsJson: true),
        new("UpdateFramework", HttpMethod.Put, s => $"/frameworks/{s.School.FrameworkId}",
            s => J(new { title = "Edited", scaleId = s.School.ScaleId, version = 0 }), s_registrar, IsJson: true, HasVersion: true),
        new("AddCompetency", HttpMethod.Post, s => $"/frameworks/{s.School.FrameworkId}/competencies",
            _ => J(new { fullStatement = "New competency", humanCode = "N.1" }), s_registrar, IsJson: true),
        new("UpdateCompetency", HttpMethod.Put, s => $"/frameworks/{s.School.FrameworkId}/competencies/{s.School.Competencies[2]}",
            _ => J(new { fullStatement = "Edited competency", version = 0 }), s_registrar, IsJson: true, HasVersion: true),
        new("SetMasteryRule", HttpMethod.Put, s => $"/frameworks/{s.School.FrameworkId}/mastery-rule",
            _ => J(new { method = "DecayingAverage", decayWeight = 0.5, version = 0 }), s_registrar, IsJson: true, HasVersion: true),
        new("PreviewMasteryRule", HttpMethod.Post, s => $"/frameworks/{s.School.FrameworkId}/mastery-rule/preview",
            _ => J(new { method = "Highest" }), s_registrar, IsJson: true),
        new("ImportCasePackage", HttpMethod.Post, _ => "/frameworks/import", _ => Text(CasePackage, "application/json"), s_registrar),
        new("ListScales", HttpMethod.Get, _ => "/scales", _ => null, s_all),
        new("GetScale", HttpMethod.Get, s => $"/scales/{s.School.ScaleId}", _ => null, s_all),
        new("CreateScale", HttpMethod.Post, _ => "/scales", _ => J(new
        {
            title = "Three levels", masteryOrdinal = 2,
            levels = new[] { new { title = "Low", score = 1.0 }, new { title = "Mid", score = 2.0 }, new { title = "High", score = 3.0 } },
        }), s_registrar, IsJson: true),
        new("UpdateScale", HttpMethod.Put, s => $"/scales/{s.School.ScaleId}", _ => J(new { title = "Renamed", masteryOrdinal = 4, version = 0 }),
            s_registrar, IsJson: true, HasVersion: true),
        new("PreviewScaleChange", HttpMethod.Post, s => $"/scales/{s.School.ScaleId}/preview", _ => J(new { masteryOrdinal = 4 }), s_registrar,
            IsJson: true),
        new("ListLearners", HttpMethod.Get, _ => "/learners", _ => null, s_staff),
        new("GetLearner", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}", _ => null, s_all, IsLearnerScoped: true),
        new("GetLearnerRecord", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/record", _ => null, s_all, IsLearnerScoped: true),
        new("CreateLearner", HttpMethod.Post, _ => "/learners", _ => J(new { name = "Nguyễn Thị Minh Khai", identifiers = new[] { new { scheme = "sis", value = "S-1" } } }),
            s_registrar, IsJson: true),
        new("UpdateLearner", HttpMethod.Put, s => $"/learners/{s.School.LearnerA}", _ => J(new { name = "Ελένη Π.", version = 0 }),
            s_registrar, IsJson: true, HasVersion: true, IsLearnerScoped: true),
        new("ArchiveLearner", HttpMethod.Delete, s => $"/learners/{s.School.LearnerB}", _ => null, s_registrar),
        new("ImportLearners", HttpMethod.Post, _ => "/learners/import", _ => Text("name,identifiers,email\nAmara Okafor,sis:X-1,amara@example.org\n", "text/csv"),
            s_registrar),
        new("AttachEvidence", HttpMethod.Post, s => $"/learners/{s.School.LearnerA}/evidence", _ => J(new { title = "Link", url = "https://example.org/work" }),
            s_staff, IsJson: true, IsLearnerScoped: true),
        new("UploadEvidence", HttpMethod.Post, s => $"/learners/{s.School.LearnerA}/evidence/files",
            _ => Seeded.FileForm("notes.txt", "text/plain", Encoding.UTF8.GetBytes("notes")), s_staff, IsLearnerScoped: true),
        new("ListEvidence", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/evidence", _ => null, s_all, IsLearnerScoped: true),
        new("GetEvidence", HttpMethod.Get, s => $"/evidence/{s.EvidenceId}", _ => null, s_all),
        new("DownloadEvidence", HttpMethod.Get, s => $"/evidence/{s.FileEvidenceId}/content", _ => null, s_all),
        new("RecordAssessment", HttpMethod.Post, _ => "/assessments",
            s => J(new { learnerId = s.School.LearnerA, competencyId = s.School.Competencies[1], levelId = s.School.Levels[1], feedback = "Good start" }),
            s_staff, IsJson: true),
        new("UpdateAssessment", HttpMethod.Put, s => $"/assessments/{s.AssessmentId}",
            s => J(new { levelId = s.School.Levels[3], assessedOn = "2026-09-01", version = 0, reason = "Moderation raised the mark" }), s_staff,
            IsJson: true, HasVersion: true),
        new("DeleteAssessment", HttpMethod.Delete, s => $"/assessments/{s.AssessmentId}?reason=Recorded%20for%20the%20wrong%20learner", _ => null, s_staff),
        new("ListAssessments", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/assessments", _ => null, s_all, IsLearnerScoped: true),
        new("ListAttainments", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/attainments", _ => null, s_all, IsLearnerScoped: true),
        new("AwardAttainment", HttpMethod.Post, s => $"/learners/{s.School.LearnerA}/attainments",
            s => J(new { version = (int?)null, competencyId = s.School.Competencies[2], levelId = s.School.Levels[3], reason = "Transfer credit" }), s_registrar,
            IsJson: true, HasVersion: true, IsLearnerScoped: true),
        new("WithdrawAttainment", HttpMethod.Post, s => $"/attainments/{s.AttainmentId}/withdraw", _ => J(new { reason = "Recorded in error", version = 0 }),
            s_registrar, IsJson: true, HasVersion: true),
        new("PreviewAttainmentWithdrawal", HttpMethod.Get, s => $"/attainments/{s.AttainmentId}/withdrawal-preview", _ => null, s_registrar),
        new("ExplainAttainment", HttpMethod.Get, s => $"/attainments/{s.AttainmentId}/explanation", _ => null, s_all),
        new("GetProgress", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/progress?frameworkId={s.School.FrameworkId}", _ => null, s_all,
            IsLearnerScoped: true),
        new("ListGoals", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/goals", _ => null, s_all, IsLearnerScoped: true),
        new("SetGoal", HttpMethod.Post, s => $"/learners/{s.School.LearnerA}/goals", s => J(new { competencyId = s.School.Competencies[2], targetDate = "2027-01-31" }),
            s_all, IsJson: true, IsLearnerScoped: true),
        new("DeleteGoal", HttpMethod.Delete, s => $"/learners/{s.School.LearnerA}/goals/{s.GoalId}", _ => null, s_all, IsLearnerScoped: true),
        new("ListDisclosures", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/disclosures", _ => null, ["admin", "registrar", "learner"],
            IsLearnerScoped: true),
        new("ListInstitutionDisclosures", HttpMethod.Get, _ => "/disclosures", _ => null, s_admin),
        new("CreateSigningKey", HttpMethod.Post, _ => "/signing-keys", _ => J(new { keyType = "Ed25519" }), s_admin),
        new("ListSigningKeys", HttpMethod.Get, _ => "/signing-keys", _ => null, s_admin),
        new("PreviewSigningKeyRevocation", HttpMethod.Post, s => $"/signing-keys/{s.SigningKeyId}/revocation-preview", _ => J(new { revokedAt = "2026-08-01T00:00:00Z" }), s_admin, IsJson: true,
            HasRequiredFields: false),
        new("RevokeSigningKey", HttpMethod.Post, s => $"/signing-keys/{s.SigningKeyId}/revoke", _ => J(new { reason = "Laptop stolen" }), s_admin, IsJson: true),
        new("UpdateIssuerSettings", HttpMethod.Put, _ => "/signing-keys/settings", _ => J(new { cryptosuite = "eddsa-jcs-2022" }), s_admin, IsJson: true),
        new("IssueAchievementCredential", HttpMethod.Post, _ => "/credentials/achievements", s => J(new { attainmentId = s.AttainmentId }),
            s_registrar, IsJson: true),
        new("IssueTranscript", HttpMethod.Post, _ => "/credentials/transcripts", s => J(new { learnerId = s.School.LearnerA }), s_registrar, IsJson: true),
        new("GetCredential", HttpMethod.Get, s => $"/credentials/{s.CredentialId}", _ => null, s_all, IsLearnerScoped: true),
        new("ListLearnerCredentials", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/credentials", _ => null, s_all, IsLearnerScoped: true),
        new("RevokeCredential", HttpMethod.Post, s => $"/credentials/{s.CredentialId}/revoke", _ => J(new { reason = "Issued in error" }),
            s_registrar, IsJson: true),
        new("IssueCredential", HttpMethod.Post, _ => "/credentials/issue", _ => J(VcApiCredential()), s_registrar),
        new("ExportCredentials", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/credentials/export", _ => null,
            ["admin", "registrar", "learner"], IsLearnerScoped: true),
        new("CreateShareLink", HttpMethod.Post, s => $"/learners/{s.School.LearnerA}/share-links",
            s => J(new { credentialIds = new[] { s.CredentialId }, reason = "Sent to the college on the learner's request" }),
            ["admin", "registrar", "learner"], IsJson: true, IsLearnerScoped: true),
        new("ListShareLinks", HttpMethod.Get, s => $"/learners/{s.School.LearnerA}/share-links", _ => null, ["admin", "registrar", "learner"],
            IsLearnerScoped: true),
        new("WithdrawShareLink", HttpMethod.Post, s => $"/share-links/{s.ShareLinkId}/withdraw", _ => null, ["admin", "registrar", "learner"],
            IsLearnerScoped: true),
        new("WithdrawAllShareLinks", HttpMethod.Post, s => $"/learners/{s.School.LearnerA}/share-links/withdraw", _ => null,
            ["admin", "registrar", "learner"], IsLearnerScoped: true),
        new("PreviewCredential", HttpMethod.Get, s => $"/credentials/{s.CredentialId}/preview", _ => null, ["admin", "registrar", "learner"],
            IsLearnerScoped: true),
        new("PreviewShareLink", HttpMethod.Get, s => $"/share-links/{s.ShareLinkId}/preview", _ => null, ["admin", "registrar", "learner"],
            IsLearnerScoped: true),
        new("SuspendCredential", HttpMethod.Post, s => $"/credentials/{s.SuspendableCredentialId}/suspend", _ => J(new { reason = "Under review" }),
            s_registrar, IsJson: true),
        new("UnsuspendCredential", HttpMethod.Post, s => $"/credentials/{s.SuspendedCredentialId}/unsuspend", _ => J(new { reason = "Review done" }),
            s_registrar, IsJson: true),
        new("GetTranscriptPdf", HttpMethod.Get, s => $"/credentials/{s.TranscriptId}/pdf", _ => null, ["admin", "registrar", "learner"],
            IsLearnerScoped: true),
        new("RenderTranscriptPdfBatch", HttpMethod.Post, _ => "/transcripts/pdf-batch", s => J(new { credentialIds = new[] { s.TranscriptId } }),
            s_registrar, IsJson: true, HasRequiredFields: false),
        new("CreateBatch", HttpMethod.Post, _ => "/batches", s => J(new { learnerIds = new[] { s.School.LearnerA } }), s_registrar, IsJson: true,
            StartsBackgroundWork: true, HasRequiredFields: false),
        new("GetBatch", HttpMethod.Get, s => $"/batches/{s.BatchId}", _ => null, s_registrar),
        new("GetRegistrarOverview", HttpMethod.Get, _ => "/institution/overview", _ => null, s_registrar),
        new("PreviewCredentialStatusChange", HttpMethod.Get, s => $"/credentials/{s.CredentialId}/status-change-preview", _ => null, s_registrar),
        new("ListAuditEvents", HttpMethod.Get, _ => "/audit/events", _ => null, s_admin),
        new("VerifyAuditChain", HttpMethod.Get, _ => "/audit/verify", _ => null, s_admin),
        new("PublishAuditHead", HttpMethod.Post, _ => "/audit/head", _ => null, s_admin),
        new("CreateInstitution", HttpMethod.Post, _ => "/operator/institutions", _ => J(new { name = "New school" }), s_operator),
        new("ListInstitutions", HttpMethod.Get, _ => "/operator/institutions", _ => null, s_operator),
        new("SuspendInstitution", HttpMethod.Post, s => $"/operator/institutions/{s.School.Id}/suspend", _ => J(new { reason = "Contract ended" }), s_operator),
        new("ReinstateInstitution", HttpMethod.Post, s => $"/operator/institutions/{s.School.Id}/reinstate", _ => J(new { reason = "Contract renewed" }), s_operator),
        new("ListOperatorKeys", HttpMethod.Get, _ => "/operator/keys", _ => null, s_operator),
        new("CreateOperatorKey", HttpMethod.Post, _ => "/operator/keys", _ => J(new { name = "Second operator" }), s_operator),
        // No institution's key reaches it, so the id (of no operator key) is never looked up: see OperatorKeyTests.
        new("RevokeOperatorKey", HttpMethod.Post, _ => $"/operator/keys/{s_noOperatorKey}/revoke", _ => null, s_operator),
        new("TakeDownVerificationPage", HttpMethod.Post, s => $"/credentials/{s.TranscriptId}/page/take-down", _ => null,
            ["admin", "registrar", "learner"], IsLearnerScoped: true),
    ];

    /// <summary>Ids that name nothing, for reading an entry's path without seeding.</summary>
    public static readonly Seeded Placeholder = new(new School(Guid.Empty, "", "", "", Guid.NewGuid(), "", Guid.NewGuid(), "", Guid.NewGuid(),
        Guid.NewGuid(), [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()], [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]),
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public static Endpoint Named(string name) => All.Single(e => e.Name == name);

    public static HttpRequestMessage Request(Endpoint endpoint, Seeded seeded, string? path = null) =>
        new(endpoint.Method, path ?? endpoint.Path(seeded)) { Content = endpoint.Body(seeded) };
}
