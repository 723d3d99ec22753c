using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>Exports and share links, made by the learner or a registrar; a share link is opened without a key.</summary>
internal sealed class SharingModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Sharing").RequireAuthorization(Policies.LearnerOrRegistrar);
        ExportCredentials.Map(group);
        CreateShareLink.Map(group);
        WithdrawShareLink.Map(group);
        ListShareLinks.Map(group);
        WithdrawAllShareLinks.Map(group);
        PreviewCredential.Map(group);
        PreviewShareLink.Map(group);
        OpenShareLink.Map(app);
    }
}
