namespace Transcripts.Api.Data.Entities;

/// <summary>
/// What an institution's issued credentials carry about a learner, beyond the name. The defaults are the minimal choice:
/// the learner's system identifier hashed with a salt (OB 3.0 IdentityObject, <c>hashed: true</c>), evidence by reference
/// and hash only, no explanation. Learners read it (and a preview of their credential) before they share.
/// </summary>
internal sealed class CredentialPolicy : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    /// <summary><see cref="IdentifierModes"/>: the learner's system identifier hashed (default), in plain text, or left out.</summary>
    public string LearnerIdentifier { get; set; } = IdentifierModes.Hashed;
    /// <summary>Evidence narratives signed into each credential (otherwise only the title, reference and SHA-256).</summary>
    public bool IncludeEvidenceNarratives { get; set; }
    /// <summary>A short factual explanation of how the level was reached (rule, dates and levels of the assessments used; no feedback).</summary>
    public bool IncludeExplanation { get; set; }
    public int RowVersion { get; set; }

    public static CredentialPolicy Minimal(Guid institutionId) => new() { InstitutionId = institutionId };
}

internal static class IdentifierModes
{
    public const string Hashed = "hashed";
    public const string Plain = "plain";
    public const string Omitted = "omitted";
}
