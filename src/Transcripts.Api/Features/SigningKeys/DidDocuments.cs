using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>Reads what the public DID document and trust bundle are made of.</summary>
internal static class DidDocuments
{
    public static async Task<(IssuerIdentity Identity, List<SigningKey> Keys)?> IdentityAsync(TranscriptsDb db, Guid institutionId,
        SigningOptions options, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == institutionId, cancellationToken);
        if (institution is null)
        {
            return null;
        }
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.InstitutionId == institutionId).ToListAsync(cancellationToken);
        var settings = await db.IssuerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.InstitutionId == institutionId, cancellationToken)
            ?? new IssuerSettings { InstitutionId = institutionId };
        var identity = IssuerIdentity.For(institution, settings, keys.Where(k => k.IsActive).MaxBy(k => k.CreatedAt), options);
        return identity is null || keys.Count == 0 ? null : (identity, keys);
    }

    public static async Task<JsonObject?> ForAsync(TranscriptsDb db, Guid institutionId, SigningOptions options, CancellationToken cancellationToken) =>
        await IdentityAsync(db, institutionId, options, cancellationToken) is { } found ? found.Identity.DidDocument(found.Keys) : null;
}
