using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.People;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Demo;

/// <summary>
/// On every start with <c>--demo</c>: a sign-in link to the web console for each demo person (an admin, a registrar, a
/// teacher, the first learner, and the service's operator) who has no account yet, printed on the console the service was started from. Each is an
/// ordinary invitation (single use, expiring, only its hash stored); a new start replaces the links an earlier one printed.
/// People who already chose a password are told to sign in.
/// </summary>
internal static class DemoSignIn
{
    /// <summary>The demo's operator of the service (<c>/app/operator</c>), beside the institution's people.</summary>
    public const string OperatorEmail = "operator@service.example";

    public sealed record Person(string Label, string Email, string DisplayName, string Role, Guid? LearnerId);

    public static async Task<IReadOnlyList<Person>> PeopleAsync(TranscriptsDb db, Guid institutionId, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.AsNoTracking().Where(l => l.InstitutionId == institutionId && l.Email != null)
            .OrderBy(l => l.Email).FirstOrDefaultAsync(cancellationToken);
        List<Person> people =
        [
            new("admin", $"admin@{DemoSeed.MailDomain}", "Demo admin", Roles.Admin, null),
            new("registrar", $"registrar@{DemoSeed.MailDomain}", "Demo registrar", Roles.Registrar, null),
            new("teacher (assessor)", $"teacher@{DemoSeed.MailDomain}", "Demo teacher", Roles.Assessor, null),
        ];
        if (learner is not null)
        {
            people.Add(new($"learner ({learner.Name})", learner.Email!, learner.Name, Roles.Learner, learner.Id));
        }
        return people;
    }

    public static async Task RunAsync(IServiceProvider services, string baseUrl, TextWriter console, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<TranscriptsDb>();
        var institution = await db.Institutions.AsNoTracking().Where(i => i.PublicBaseUrl == baseUrl + "/").OrderBy(i => i.Id)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var admin = await db.ApiKeys.AsNoTracking().Where(k => k.InstitutionId == institution && k.Role == Roles.Admin && k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(cancellationToken);
        if (institution is not { } institutionId || admin is not { } adminKey)
        {
            return;
        }
        var users = provider.GetRequiredService<UserManager<Data.Entities.Person>>();
        var invitations = provider.GetRequiredService<Invitations>();
        var lines = new List<string>();
        var signedUp = new List<string>();
        DateTimeOffset? expires = null;
        foreach (var person in await PeopleAsync(db, institutionId, cancellationToken))
        {
            if (await users.FindByEmailAsync(person.Email) is not null)
            {
                signedUp.Add(person.Email);
                continue;
            }
            // Only the newest printed link works: an earlier start's unused ones are withdrawn.
            await db.Invitations.Where(i => i.InstitutionId == institutionId && i.Email == person.Email && i.AcceptedAt == null)
                .ExecuteDeleteAsync(cancellationToken);
            var (invitation, link) = await invitations.AddAsync(institutionId, adminKey,
                new Invitations.Invite(person.Email, person.DisplayName, person.Role, person.LearnerId, IsGuardian: false), baseUrl, cancellationToken);
            expires = invitation.ExpiresAt;
            lines.Add($"  {person.Label,-34} {link}");
        }
        // The service's operator, who belongs to no institution: its own invitation, with the others.
        if (await users.FindByEmailAsync(OperatorEmail) is not null)
        {
            signedUp.Add(OperatorEmail);
        }
        else
        {
            await db.Invitations.Where(i => i.InstitutionId == null && i.Email == OperatorEmail && i.AcceptedAt == null).ExecuteDeleteAsync(cancellationToken);
            var operatorKey = await db.OperatorKeys.AsNoTracking().Where(k => k.RevokedAt == null).OrderBy(k => k.CreatedAt)
                .Select(k => k.Id).FirstOrDefaultAsync(cancellationToken);
            var (invitation, link) = await invitations.AddOperatorAsync(OperatorEmail, "Demo operator", operatorKey, baseUrl, cancellationToken);
            expires = invitation.ExpiresAt;
            lines.Add($"  {"operator (the service's)",-34} {link}");
        }
        if (lines.Count > 0)
        {
            await console.WriteLineAsync($"Web console: open a link to choose that person's password (each works once, until {expires:yyyy-MM-dd HH:mm} UTC; "
                + "a new start prints new ones):");
            foreach (var line in lines)
            {
                await console.WriteLineAsync(line);
            }
        }
        if (signedUp.Count > 0)
        {
            await console.WriteLineAsync($"Web console: sign in at {baseUrl}/app/sign-in as {string.Join(", ", signedUp)}.");
        }
    }
}
