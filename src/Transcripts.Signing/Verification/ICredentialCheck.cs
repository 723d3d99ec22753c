namespace Transcripts.Signing.Verification;

/// <summary>One step of <see cref="CredentialVerifier"/>. A step returns null when it does not apply (nothing to check).</summary>
internal interface ICredentialCheck
{
    Check? Run(CredentialContext context);
}
