using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

/// <summary>
/// The one way an institution comes to be, whoever creates it (the operator, the first start on an empty database, the
/// demo seed, the tests): its row, its issuer settings (the defaults) and its first admin key. Everything is tracked, not
/// saved: the caller saves it together with whatever else it adds.
/// </summary>
internal static class NewInstitution
{
    /// <summary>The institution added and its first admin key, whose <paramref name="AdminKeySecret"/> exists only here.</summary>
    public sealed record Created(Institution Institution, ApiKey AdminKey, string AdminKeySecret);

    /// <param name="institution">The new institution as its creator describes it (name, public base URL, contact); not yet tracked.</param>
    /// <param name="adminKeyName">The first admin key's name, which says who made it (<c>first admin key</c>, <c>demo admin</c>).</param>
    public static Created Add(TranscriptsDb db, Institution institution, string adminKeyName, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        institution.CreatedAt = now;
        db.Institutions.Add(institution);
        db.IssuerSettings.Add(new IssuerSettings { InstitutionId = institution.Id });
        var (secret, key) = ApiKeyAuthentication.NewKey(institution.Id, Roles.Admin, adminKeyName, null, now);
        db.ApiKeys.Add(key);
        return new Created(institution, key, secret);
    }
}
