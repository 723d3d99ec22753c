using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>Signing keys and issuer settings for admins; the DID documents and trust bundles they publish, for anyone.</summary>
internal sealed class SigningKeysModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/signing-keys").WithTags("SigningKeys").RequireAuthorization(Policies.Admin);
        CreateSigningKey.Map(group);
        ListSigningKeys.Map(group);
        PreviewSigningKeyRevocation.Map(group);
        RevokeSigningKey.Map(group);
        UpdateIssuerSettings.Map(group);
        GetDidDocument.Map(app);
        GetTrustBundle.Map(app);
    }
}
