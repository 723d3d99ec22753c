namespace Transcripts.Signing.Verification.DataModel;

/// <summary>Which document the rules are applied to: what a caller hands an issuer, or what a verifier receives.</summary>
public enum DataModelPurpose
{
    /// <summary>
    /// A credential an issuer is asked to sign: the issuer adds its own identifier and the proof, so <c>issuer</c> (or its
    /// <c>id</c>) may be absent and no proof is needed. Whatever is present must still follow every rule.
    /// </summary>
    Issuing,

    /// <summary>A secured credential or presentation: every required property, the issuer and (for a credential) a proof are present.</summary>
    Verifying,
}
