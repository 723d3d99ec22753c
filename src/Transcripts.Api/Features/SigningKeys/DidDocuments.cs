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

    /// <summary>
    /// Every institution's identity and keys in three queries, whatever the number of institutions (a verifier on a shared
    /// host trusts all of its tenants); institutions without a usable identity or without keys are left out, as
    /// <see cref="IdentityAsync"/> leaves them out one by one.
    /// </summary>
    public static async Task<List<(IssuerIdentity Identity, List<SigningKey> Keys)>> AllIdentitiesAsync(TranscriptsDb db,
        SigningOptions options, CancellationToken cancellationToken)
    {
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(cancellationToken);
        var keys = (await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(k => k.InstitutionId);
        var settings = (await db.IssuerSettings.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.InstitutionId);
        var found = new List<(IssuerIdentity, List<SigningKey>)>();
        foreach (var institution in institutions)
        {
            var own = keys[institution.Id].ToList();
            var identity = IssuerIdentity.For(institution, settings.GetValueOrDefault(institution.Id) ?? new IssuerSettings { InstitutionId = institution.Id },
                own.Where(k => k.IsActive).MaxBy(k => k.CreatedAt), options);
            if (identity is not null && own.Count > 0)
            {
                found.Add((identity, own));
            }
        }
        return found;
    }

    public static async Task<JsonObject?> ForAsync(TranscriptsDb db, Guid institutionId, SigningOptions options, CancellationToken cancellationToken) =>
        await IdentityAsync(db, institutionId, options, cancellationToken) is { } found ? found.Identity.DidDocument(found.Keys) : null;
}
