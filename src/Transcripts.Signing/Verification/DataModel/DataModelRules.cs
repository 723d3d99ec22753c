namespace Transcripts.Signing.Verification.DataModel;

/// <summary>
/// The stable codes of <see cref="DataModelViolation.Rule"/>, one per MUST of the W3C Verifiable Credentials Data Model
/// v2.0 (and its 1.1 counterpart for credentials that start with the 1.1 context). Codes are never renamed.
/// </summary>
public static class DataModelRules
{
    /// <summary>§4.3 Contexts: a credential or presentation MUST include <c>@context</c>.</summary>
    public const string ContextMissing = "context-missing";
    /// <summary>§4.3: the first <c>@context</c> item MUST be <c>https://www.w3.org/ns/credentials/v2</c> (1.1: <c>https://www.w3.org/2018/credentials/v1</c>).</summary>
    public const string ContextFirst = "context-first";
    /// <summary>§4.3: the other <c>@context</c> items MUST be URLs or objects.</summary>
    public const string ContextItem = "context-item";
    /// <summary>§4.3: every context MUST be processable as a JSON-LD context (no protected term redefined, no invalid mapping).</summary>
    public const string JsonLd = "jsonld";
    /// <summary>§4.4 Identifiers: an <c>id</c>, when present, MUST be a single URL.</summary>
    public const string IdUrl = "id-url";
    /// <summary>§4.5 Types: the document and every object listed in §4.5 (status, schema, evidence, terms of use, refresh service, proof) MUST have a <c>type</c>.</summary>
    public const string TypeMissing = "type-missing";
    /// <summary>§4.5: type values MUST be terms or absolute URL strings.</summary>
    public const string TypeValue = "type-value";
    /// <summary>§4.5: each type term MUST map to a URL (after JSON-LD expansion).</summary>
    public const string TypeUrl = "type-url";
    /// <summary>§4.5: a credential's type MUST include <c>VerifiableCredential</c>.</summary>
    public const string TypeCredential = "type-credential";
    /// <summary>§4.13: a presentation's type MUST include <c>VerifiablePresentation</c>.</summary>
    public const string TypePresentation = "type-presentation";
    /// <summary>§4.5 and the reserved extension points: status, schema, evidence, terms of use and refresh service values MUST be objects.</summary>
    public const string ObjectRequired = "object-required";
    /// <summary>§4.6 Names and Descriptions: <c>name</c> and <c>description</c> MUST be strings or language value objects (§11.1).</summary>
    public const string NameDescription = "name-description";
    /// <summary>§4.7 Issuer: a credential MUST have an <c>issuer</c>.</summary>
    public const string IssuerMissing = "issuer-missing";
    /// <summary>§4.7: the issuer MUST be a URL or an object whose <c>id</c> is a URL.</summary>
    public const string IssuerUrl = "issuer-url";
    /// <summary>§4.8 Credential Subject: a credential MUST contain <c>credentialSubject</c>.</summary>
    public const string SubjectMissing = "subject-missing";
    /// <summary>§4.8: every credentialSubject object MUST carry one or more claims.</summary>
    public const string SubjectClaims = "subject-claims";
    /// <summary>§4.9 Validity Period: <c>validFrom</c> and <c>validUntil</c> MUST be XML Schema dateTimeStamps (1.1: <c>issuanceDate</c>, <c>expirationDate</c> date-times).</summary>
    public const string DateTime = "datetime";
    /// <summary>§4.9: <c>validFrom</c> MUST be the same as or earlier than <c>validUntil</c>.</summary>
    public const string ValidityOrder = "validity-order";
    /// <summary>VC Data Model 1.1 §4.6: a 1.1 credential MUST have an <c>issuanceDate</c>.</summary>
    public const string IssuanceDate = "issuance-date";
    /// <summary>§4.11 Data Schemas (and 1.1 §5.4, §5.2 for status): each credentialSchema MUST have an <c>id</c> that is a URL.</summary>
    public const string IdRequired = "id-required";
    /// <summary>§5.3 Integrity of Related Resources: each relatedResource has a URL <c>id</c>, unique in the list, and a digestSRI or digestMultibase.</summary>
    public const string RelatedResource = "related-resource";
    /// <summary>§4.12 Securing Mechanisms: a conforming credential MUST be secured (here: carry a proof).</summary>
    public const string Secured = "secured";
    /// <summary>§4.13: presentation <c>verifiableCredential</c> values MUST be credential or enveloped credential objects.</summary>
    public const string PresentationCredential = "presentation-credential";
    /// <summary>§4.13.1 Enveloped Verifiable Credentials: <c>@context</c> with the base context, a <c>data:</c> URL id, type <c>EnvelopedVerifiableCredential</c>.</summary>
    public const string EnvelopedCredential = "enveloped-credential";
    /// <summary>§4.13: the holder MUST be a URL or an object whose <c>id</c> is a URL.</summary>
    public const string HolderUrl = "holder-url";
    /// <summary>§4.13.4 Presentations Including Holder Claims: a presentation with a self-asserted credential secured only by the presentation's proof MUST name its holder.</summary>
    public const string HolderRequired = "holder-required";
    /// <summary>§4.13.4: such a self-asserted credential's issuer MUST be identical to the presentation's holder.</summary>
    public const string HolderIssuer = "holder-issuer";
}
