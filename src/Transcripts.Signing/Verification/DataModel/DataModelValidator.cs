// The MUSTs of the W3C Verifiable Credentials Data Model v2.0 (W3C Recommendation, 15 May 2025), for credentials and
// presentations, as one pure function per document kind: no I/O, no clock (validity against "now" is the validity
// step's job, not a data-model rule). A credential or presentation whose first context is the VC 1.1 one keeps the
// VC Data Model 1.1 rules. JSON-LD contexts come only from the pinned store. Each violation carries a stable rule code
// (DataModelRules) and a sentence naming the rule. Deviation: "URL" is checked as an absolute URL (see Url.cs), and
// term-to-URL mapping (§4.5) is judged by JSON-LD expansion with the pinned contexts only.
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Contexts;

namespace Transcripts.Signing.Verification.DataModel;

/// <summary>Checks a credential or presentation against the VC Data Model 2.0 (or 1.1) MUSTs.</summary>
public static class DataModelValidator
{
    /// <summary>Every MUST of the data model that <paramref name="credential"/> breaks; empty when it conforms.</summary>
    /// <param name="credential">The credential, unsecured (<see cref="DataModelPurpose.Issuing"/>) or secured.</param>
    /// <param name="purpose">Whether an issuer is asked to sign it (issuer and proof may be missing) or it is being verified.</param>
    public static IReadOnlyList<DataModelViolation> ValidateCredential(JsonObject credential, DataModelPurpose purpose) =>
        ValidateCredential(credential, purpose, ContextStore.Default, Limits.Default);

    /// <summary>Every MUST of the data model that <paramref name="presentation"/> breaks, its credentials included; empty when it conforms.</summary>
    /// <remarks>
    /// The presentation's own proof is optional here (a presentation may be unsigned); each embedded credential must have
    /// an issuer. A credential that has no proof of its own while the presentation has one is self-asserted (§4.13.4).
    /// </remarks>
    public static IReadOnlyList<DataModelViolation> ValidatePresentation(JsonObject presentation) =>
        ValidatePresentation(presentation, ContextStore.Default, Limits.Default);

    internal static IReadOnlyList<DataModelViolation> ValidateCredential(JsonObject credential, DataModelPurpose purpose, IDocumentLoader loader, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var violations = new Violations();
        CredentialRules.Check(credential, "", requireIssuer: purpose == DataModelPurpose.Verifying,
            requireProof: purpose == DataModelPurpose.Verifying, violations);
        CheckJsonLd(credential, loader, limits, violations);
        return violations.List;
    }

    internal static IReadOnlyList<DataModelViolation> ValidatePresentation(JsonObject presentation, IDocumentLoader loader, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        var violations = new Violations();
        PresentationRules.Check(presentation, violations);
        CheckJsonLd(presentation, loader, limits, violations);
        return violations.List;
    }

    // JSON-LD processing of a document whose context is already malformed would only repeat that finding.
    private static void CheckJsonLd(JsonObject document, IDocumentLoader loader, Limits limits, Violations violations)
    {
        if (!violations.List.Any(v => v.Rule is DataModelRules.ContextMissing or DataModelRules.ContextFirst or DataModelRules.ContextItem))
        {
            JsonLdRules.Check(document, loader, limits, violations);
        }
    }
}
