namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// Documents an institution keeps signed with its active key (its status lists), which must be signed again when the key
/// changes: after a rotation or a revocation. Features that keep such documents register an implementation, so signing
/// keys never depend on them.
/// </summary>
internal interface ISignedWithActiveKey
{
    /// <summary>Signs every such document of the signer's institution again (tracked; saved by the caller).</summary>
    Task ResignAllAsync(IssuerSigner signer, CancellationToken cancellationToken);
}
