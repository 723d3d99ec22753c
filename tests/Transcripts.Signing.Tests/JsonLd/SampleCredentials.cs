namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>Small credentials the JSON-LD tests share.</summary>
internal static class SampleCredentials
{
    /// <summary>An unsigned Open Badges 3.0 credential in the pinned VC 2.0 and OB 3.0.3 contexts.</summary>
    public const string OpenBadge = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:6a9c0f43-7a3e-4b5e-9a1c-000000000001",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://example.edu/issuers/1", "type": ["Profile"], "name": "Example University"},
          "validFrom": "2026-01-01T00:00:00Z",
          "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://example.edu/achievements/1", "type": ["Achievement"], "name": "Algebra", "criteria": {"narrative": "Pass."}}
          }
        }
        """;
}
