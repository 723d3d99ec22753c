namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Every log event id of the service, in one table: each feature has its own hundred (ApiKeys 1100s, Frameworks 1200s,
/// Learners 1300s, Assessments 1400s, Evidence 1500s, SQLite 1600s, SigningKeys 5000s, Credentials 5100s, StatusLists 5200s,
/// Transcripts 5300s, Sharing 5400s, Batches 5500s, Verification 5600s, Audit 5700s, Web 5800s, Operator 5900s). A test checks that no id is used twice.
/// </summary>
internal static class LogEvents
{
    public const int PipelineUnhandled = 1;
    public const int ApiKeyCreated = 1101;
    public const int ApiKeyRevoked = 1102;
    public const int CasePackageImported = 1201;
    public const int LearnersImported = 1301;
    public const int AssessmentRecorded = 1401;
    public const int EvidenceStored = 1501;
    public const int SqliteCheckpointFailed = 1601;
    public const int SigningKeyCreated = 5001;
    public const int SigningKeyRetired = 5002;
    public const int SigningKeyRevoked = 5003;
    public const int DemoKekCreated = 5004;
    public const int IssuedCredentialsPublished = 5005;
    public const int CredentialIssued = 5101;
    public const int CredentialSuperseded = 5102;
    public const int CredentialStatusChanged = 5103;
    public const int CredentialRevokedForAttainment = 5104;
    public const int StatusListCreated = 5201;
    public const int StatusListBitChanged = 5202;
    public const int StatusListsResigned = 5203;
    public const int StatusListsCannotResign = 5204;
    public const int StatusListsChangedWhileResigning = 5205;
    public const int StatusListResignFailed = 5206;
    public const int TranscriptPdfRendered = 5301;
    public const int TranscriptPdfRefused = 5302;
    public const int TranscriptPdfBatchRendered = 5303;
    public const int ShareLinkCreated = 5401;
    public const int ShareLinkWithdrawn = 5402;
    public const int ShareLinkOpened = 5403;
    public const int BatchStarted = 5501;
    public const int BatchFinished = 5502;
    public const int BatchResumed = 5503;
    public const int BatchItemFailed = 5504;
    public const int BatchResumeSkipped = 5505;
    public const int BatchAborted = 5506;
    public const int BatchLeaseLost = 5507;
    public const int BatchLeaseRenewalFailed = 5508;
    public const int VerificationPageViewed = 5601;
    public const int AuditHeadPublished = 5701;
    public const int AuditHeadPublishFailed = 5702;
    public const int InstitutionCreated = 5901;
    public const int InstitutionSuspended = 5902;
    public const int InstitutionReinstated = 5903;
    public const int OperatorKeyCreated = 5904;
    public const int OperatorKeyRevoked = 5905;
    public const int OperatorKeyCreatedByOperator = 5906;
    public const int InvitationCreated = 5801;
    public const int InvitationAccepted = 5802;
    public const int PersonSignedIn = 5803;
    public const int PersonSignInFailed = 5804;
    public const int PersonSignedInWithPasskey = 5805;
    public const int PersonPasskeySignInFailed = 5806;
    public const int PasskeyRefused = 5807;
    public const int AccountChanged = 5808;
    public const int PersonSignedInWithSchool = 5809;
    public const int SchoolSignInRefused = 5810;
}
