using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.Mail;
using Transcripts.Api.Infrastructure;
using static Transcripts.Api.Features.Web.Log;

namespace Transcripts.Api.Features.Web.People;

/// <summary>
/// Accounts exist only by invitation: an admin invites registrars and assessors (and admins), a registrar invites a learner or
/// a guardian of that learner. The token is 256 random bits, shown once in the link (its URL fragment, which no server or proxy
/// logs); only its SHA-256 is stored, looked up by that hash and compared again in constant time. It works once, until it expires.
/// </summary>
internal sealed class Invitations(TranscriptsDb db, UserManager<Person> users, CurrentCaller caller, TimeProvider clock,
    IOptions<WebOptions> options, IMailSender mail, ILogger<Invitations> logger)
{
    public const string AcceptPath = "/app/invitation";

    public sealed record Invite(string Email, string DisplayName, string Role, Guid? LearnerId, bool IsGuardian);

    /// <summary>The roles this caller may invite: the API's least privilege, a registrar never making staff.</summary>
    public static IReadOnlyList<string> RolesInvitableBy(string role) => role switch
    {
        Roles.Admin => [Roles.Admin, Roles.Registrar, Roles.Assessor, Roles.Learner],
        Roles.Registrar => [Roles.Learner],
        _ => [],
    };

    /// <summary>Creates the invitation and sends its link; the errors, by field, when it cannot.</summary>
    public async Task<(string? Link, Dictionary<string, string[]> Errors)> CreateAsync(Invite invite, string baseUrl, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = invite.Email.Trim();
        if (!RolesInvitableBy(caller.Role).Contains(invite.Role))
        {
            errors[nameof(Invite.Role)] = [$"You cannot invite a person with the role {invite.Role}."];
        }
        Learner? learner = null;
        if (invite.Role == Roles.Learner)
        {
            learner = invite.LearnerId is { } id
                ? await db.Learners.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.InstitutionId == caller.InstitutionId, cancellationToken)
                : null;
            if (learner is null)
            {
                errors[nameof(Invite.LearnerId)] = ["Choose the learner this account belongs to."];
            }
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            errors[nameof(Invite.Email)] = ["An account with this e-mail address already exists."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var (invitation, link) = await AddAsync(caller.InstitutionId, caller.ApiKeyId, invite with { LearnerId = learner?.Id }, baseUrl, cancellationToken);
        await MailAsync(invitation, link, cancellationToken);
        return (link, errors);
    }

    /// <summary>Whether an account, or a live invitation, already has this e-mail address (checked before anything is saved).</summary>
    public async Task<bool> IsTakenAsync(string email, CancellationToken cancellationToken)
    {
        var trimmed = email.Trim();
        var now = clock.GetUtcNow();
        return await users.FindByEmailAsync(trimmed) is not null
               || await db.Invitations.AnyAsync(i => i.Email == trimmed && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Sends the invitation's link to its address through the mail seam.</summary>
    public Task MailAsync(Invitation invitation, string link, CancellationToken cancellationToken) =>
        mail.SendAsync(new OutgoingMail(invitation.Email, "Your Transcripts account",
            $"Hello {invitation.DisplayName},\n\nyou are invited to sign in to Transcripts as {Words.RoleName(invitation.Role, invitation.IsGuardian)}.\n"
            + $"Open this link to choose your password (it works once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC):\n\n{link}\n"), cancellationToken);

    /// <summary>
    /// An invitation to be the service's operator, which belongs to no institution: made on the service's machine
    /// (<c>operator invite</c>, <c>--demo</c>), never through a page or the API, so no institution's role can make one.
    /// </summary>
    public Task<(Invitation Invitation, string Link)> AddOperatorAsync(string email, string displayName, Guid invitedBy, string baseUrl,
        CancellationToken cancellationToken) =>
        AddAsync(null, invitedBy, new Invite(email, displayName, Roles.Operator, null, IsGuardian: false), baseUrl, cancellationToken);

    /// <summary>
    /// Saves an invitation made by <paramref name="invitedBy"/> (a person or API key of <paramref name="institutionId"/>, or
    /// the operator for a first admin; none for the operator's own) and returns
    /// it with its link, without the caller's checks and without a mail: <see cref="CreateAsync"/> checks and sends; the
    /// demo prints its links on the console it was started from.
    /// </summary>
    public async Task<(Invitation Invitation, string Link)> AddAsync(Guid? institutionId, Guid invitedBy, Invite invite, string baseUrl,
        CancellationToken cancellationToken)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            InstitutionId = institutionId, Email = invite.Email.Trim(), DisplayName = invite.DisplayName.Trim(), Role = invite.Role,
            LearnerId = invite.LearnerId, IsGuardian = invite.LearnerId is not null && invite.IsGuardian, TokenHash = HashOf(token),
            InvitedBy = invitedBy, CreatedAt = now, ExpiresAt = now + options.Value.InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        InvitationCreated(logger, invitation.Id, invitation.Role);
        return (invitation, $"{baseUrl.TrimEnd('/')}{AcceptPath}#{token}");
    }

    /// <summary>The live invitation of this token, or null for an unknown, used or expired one (alike).</summary>
    public async Task<Invitation?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = HashOf(token.Trim());
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && CryptographicOperations.FixedTimeEquals(invitation.TokenHash, hash)
               && invitation.AcceptedAt is null && invitation.ExpiresAt > clock.GetUtcNow()
            ? invitation
            : null;
    }

    /// <summary>
    /// Creates the account with this password, this passkey, or both, and uses the invitation up, in one transaction; the
    /// password errors otherwise. A passkey's account takes the id its passkey was made for (<paramref name="personId"/>).
    /// </summary>
    public async Task<(Person? Person, IReadOnlyList<string> Errors)> AcceptAsync(Invitation invitation, string? password, CancellationToken cancellationToken,
        UserPasskeyInfo? passkey = null, Guid? personId = null)
    {
        if (password is null && passkey is null)
        {
            return (null, ["Choose a password or a passkey."]);
        }
        var person = new Person
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, InstitutionId = invitation.InstitutionId,
            Role = invitation.Role, LearnerId = invitation.LearnerId, IsGuardian = invitation.IsGuardian, DisplayName = invitation.DisplayName,
            CreatedAt = clock.GetUtcNow(), LockoutEnabled = true,
        };
        if (personId is { } id)
        {
            person.Id = id;
        }
        if (password is not null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, person, password);
                if (!result.Succeeded)
                {
                    return (null, result.Errors.Select(e => e.Description).ToList());
                }
            }
        }
        invitation.AcceptedAt = clock.GetUtcNow();
        invitation.PersonId = person.Id;
        // CreateAsync saves the account and the used-up invitation together; a second use of the same link finds AcceptedAt set.
        // The passkey is a second save, so both run in one transaction: no account without its only way to sign in.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = password is null ? await users.CreateAsync(person) : await users.CreateAsync(person, password);
        if (created.Succeeded && passkey is not null)
        {
            created = await users.AddOrUpdatePasskeyAsync(person, passkey);
        }
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (null, created.Errors.Select(e => e.Description).ToList());
        }
        await transaction.CommitAsync(cancellationToken);
        InvitationAccepted(logger, invitation.Id, person.Id);
        return (person, []);
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
