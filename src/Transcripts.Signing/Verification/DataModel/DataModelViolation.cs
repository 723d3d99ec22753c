namespace Transcripts.Signing.Verification.DataModel;

/// <summary>One MUST of the Verifiable Credentials Data Model that a document breaks.</summary>
/// <param name="Rule">A stable code, one of the <see cref="DataModelRules"/>; programs branch on it.</param>
/// <param name="Path">Where in the document, e.g. <c>credentialStatus[1].type</c>, or empty for the document itself.</param>
/// <param name="Reason">A sentence naming the rule (specification, section and requirement) and what this document does.</param>
public sealed record DataModelViolation(string Rule, string Path, string Reason);
