using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Disclosures;

/// <summary>
/// Who read, by name: an API key's name, or the display name of a person signed in to the pages (who reads under their
/// account's id, as a key reads under its own).
/// </summary>
internal static class ReaderNames
{
    public static async Task<Dictionary<Guid, string>> OfInstitutionAsync(TranscriptsDb db, Guid institutionId, CancellationToken cancellationToken)
    {
        var names = await db.ApiKeys.AsNoTracking().Where(k => k.InstitutionId == institutionId)
            .ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        foreach (var person in await db.Users.AsNoTracking().Where(p => p.InstitutionId == institutionId)
                     .Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken))
        {
            names[person.Id] = person.DisplayName;
        }
        return names;
    }
}
