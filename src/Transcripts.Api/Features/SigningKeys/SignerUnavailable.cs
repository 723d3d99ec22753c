using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>Why an institution cannot sign now: what <see cref="SigningKeyServiceExtensions.OpenSignerAsync"/> answers instead of a signer.</summary>
internal enum SignerUnavailable
{
    /// <summary>No key-encryption key is configured: no key can be created or opened.</summary>
    NotConfigured,

    /// <summary>The institution had keys, and none is active (its last key was revoked).</summary>
    NoActiveKey,

    /// <summary>The institution has neither a public base URL (for did:web) nor did:key switched on.</summary>
    NoIssuerIdentifier,
}

internal static class SignerUnavailableExtensions
{
    /// <summary>A sentence for a registrar (a batch learner's reason), saying what to do.</summary>
    public static string Reason(this SignerUnavailable why) => why switch
    {
        SignerUnavailable.NotConfigured => "No key-encryption key is configured (Signing:KeyEncryptionKey or Signing:KeyEncryptionKeyFile), so no key can be created or used; nothing was signed.",
        SignerUnavailable.NoActiveKey => "The institution has no active signing key (its last key was revoked); create a new key before issuing. Nothing was signed.",
        _ => "Set the institution's public base URL (for did:web) or switch on did:key before issuing; nothing was signed.",
    };

    /// <summary>The problem an endpoint answers with (503 when signing is not configured, else 409).</summary>
    public static ProblemHttpResult ToProblem(this SignerUnavailable why) => why switch
    {
        SignerUnavailable.NotConfigured => Problems.SigningUnavailable(),
        SignerUnavailable.NoActiveKey => Problems.NoSigningKey(),
        _ => Problems.IssuerIdentifierMissing(),
    };
}
