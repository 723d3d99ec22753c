using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Keys;

/// <summary>
/// On the first start with an empty database: one institution and one admin key, whose secret is printed once
/// to the console (plainly, not through the logger, so it never lands in structured logs).
/// </summary>
internal static class BootstrapAdminKey
{
    public const string InstitutionNameSetting = "Bootstrap:InstitutionName";

    public static async Task RunAsync(TranscriptsDb db, IConfiguration configuration, TimeProvider clock, TextWriter console,
        CancellationToken cancellationToken)
    {
        if (await db.Institutions.AnyAsync(cancellationToken) || await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var institution = new Institution { Name = configuration[InstitutionNameSetting] ?? "My institution", CreatedAt = now };
        db.Institutions.Add(institution);
        var (secret, key) = ApiKeyAuthentication.NewKey(institution.Id, Roles.Admin, "first admin key", null, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await console.WriteLineAsync($"""

            The database was empty: created an institution and its first admin API key.
            Admin key (shown only now; store it safely): {secret}
            Use it as: curl -H "Authorization: Bearer {secret}" http://localhost:5000/institution

            """);
    }
}
