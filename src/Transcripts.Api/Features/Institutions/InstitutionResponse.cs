using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Institutions;

internal sealed record InstitutionResponse(Guid Id, string Name, string? Url, string? Email, string? Address,
    string? PublicBaseUrl, string? Did, bool HasLogo, int Version)
{
    public static InstitutionResponse From(Institution i) => new(i.Id, i.Name, i.Url, i.Email, i.Address, i.PublicBaseUrl,
        DidWeb.TryFromBaseUrl(i.PublicBaseUrl, out var did) ? did : null, i.LogoSha256 is not null, i.RowVersion);
}
