namespace Transcripts.Api.Infrastructure;

internal static partial class Problems
{
    /// <summary>
    /// Every <c>code</c> the API answers with, and so every problem <c>type</c> (<see cref="ProblemTypes.Base"/> + code).
    /// Exactly the table in docs/problems.md: a test compares the two.
    /// </summary>
    internal static class Codes
    {
        public const string MalformedJson = "malformed-json";
        public const string ValidationFailed = "validation-failed";
        public const string ImportRejected = "import-rejected";
        public const string BadRequest = "bad-request";
        public const string Unauthenticated = "unauthenticated";
        public const string Forbidden = "forbidden";
        public const string NotYourAssessment = "not-your-assessment";
        public const string NotFound = "not-found";
        public const string MethodNotAllowed = "method-not-allowed";
        public const string StaleUpdate = "stale-update";
        public const string Conflict = "conflict";
        public const string AlreadyRevoked = "already-revoked";
        public const string AlreadyWithdrawn = "already-withdrawn";
        public const string AlreadyArchived = "already-archived";
        public const string IdentifierTaken = "identifier-taken";
        public const string PublicBaseUrlTaken = "public-base-url-taken";
        public const string InstitutionSuspended = "institution-suspended";
        public const string InstitutionAlreadySuspended = "institution-already-suspended";
        public const string InstitutionNotSuspended = "institution-not-suspended";
        public const string LastOperatorKey = "last-operator-key";
        public const string RateLimited = "rate-limited";
        public const string AttainmentNotAttained = "attainment-not-attained";
        public const string NothingToIssue = "nothing-to-issue";
        public const string NoActiveSigningKey = "no-active-signing-key";
        public const string SigningKeyRevoked = "signing-key-revoked";
        public const string IssuerIdentifierMissing = "issuer-identifier-missing";
        public const string AlreadySuspended = "already-suspended";
        public const string NotSuspended = "not-suspended";
        public const string SuspensionNotAvailable = "suspension-not-available";
        public const string UnknownContext = "unknown-context";
        public const string InvalidCredential = "invalid-credential";
        public const string DataModelViolation = "data-model-violation";
        public const string ReservedCredentialType = "reserved-credential-type";
        public const string Unprocessable = "unprocessable";
        public const string VerificationFailed = "verification-failed";
        public const string KeyEncryptionKeyMissing = "key-encryption-key-missing";
        public const string CredentialRevoked = "credential-revoked";
        public const string CredentialSuspended = "credential-suspended";
        public const string NotATranscript = "not-a-transcript";
        public const string NoTranscript = "no-transcript";
        public const string MissingGlyphs = "missing-glyphs";
        public const string TranscriptTemplateInvalid = "transcript-template-invalid";
        public const string ShareTokenMissing = "share-token-missing";
        public const string ShareLinkUsedUp = "share-link-used-up";
        public const string ShareLinkPathRetired = "share-link-path-retired";
        public const string PayloadTooLarge = "payload-too-large";
        public const string UnsupportedMediaType = "unsupported-media-type";
        public const string ContentDoesNotMatchType = "content-does-not-match-type";
        public const string TranscriptTokenMismatch = "transcript-token-mismatch";
        public const string Unavailable = "unavailable";
        public const string InternalError = "internal-error";
        public const string Error = "error";
    }
}
