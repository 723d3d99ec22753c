using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// Which account a school's identity provider signs in, once its answer is checked (<see cref="SchoolSignIn"/>). Never a new
/// one: accounts are by invitation. An account linked to that provider signs in by its link, whatever its address is now;
/// the first time, the one account of the provider's institution with the address the provider verified is linked. Lockout,
/// a disabled account and the session cookie are <see cref="SignInManager{TUser}.ExternalLoginSignInAsync"/>'s, as for a
/// password; a suspended institution is <see cref="KnownInstitutions"/>' answer, as for its pages.
/// </summary>
internal sealed class SchoolLogins(SignInManager<Person> signIn, TranscriptsDb db, IMemoryCache cache, IOptions<ApiKeyOptions> keys,
    IOptions<WebOptions> web, TimeProvider clock, ILogger<SchoolLogins> logger)
{
    public enum Outcome { SignedIn, Linked, NotCompleted, Unverified, NoAccount, NotYours, AlreadyLinked, LinkedElsewhere, NotAllowed, LockedOut, Suspended }

    private UserManager<Person> Users => signIn.UserManager;

    public IEnumerable<(string Name, OpenIdConnectProviderOptions Provider)> All() =>
        web.Value.OpenIdConnect.OrderBy(p => p.Value.DisplayName, StringComparer.Ordinal).Select(p => (p.Key, p.Value));

    /// <summary>The providers of an institution, by name (none for the operator).</summary>
    public IEnumerable<(string Name, OpenIdConnectProviderOptions Provider)> ProvidersOf(Guid? institutionId) =>
        web.Value.OpenIdConnect.Where(p => institutionId is not null && p.Value.InstitutionId == institutionId).Select(p => (p.Key, p.Value));

    public OpenIdConnectProviderOptions? ProviderNamed(string? name) =>
        name is not null && web.Value.OpenIdConnect.TryGetValue(name, out var provider) ? provider : null;

    /// <summary>Signs in the account the provider's checked answer names, or says why not; the answer is used up either way.</summary>
    public async Task<Outcome> SignInAsync(CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        var name = info is null ? null : SchoolSignIn.NameOf(info.LoginProvider);
        var outcome = await SignInAsync(info, ProviderNamed(name), cancellationToken);
        if (outcome != Outcome.SignedIn)
        {
            Log.SchoolSignInRefused(logger, name ?? "", outcome.ToString());
        }
        return outcome;
    }

    private async Task<Outcome> SignInAsync(ExternalLoginInfo? info, OpenIdConnectProviderOptions? provider, CancellationToken cancellationToken)
    {
        if (info is null || provider?.InstitutionId is not { } institutionId)
        {
            return Outcome.NotCompleted;
        }
        if (!await IsInForceAsync(institutionId, cancellationToken))
        {
            return Outcome.Suspended;
        }
        if (await Users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } linked)
        {
            return linked.InstitutionId == institutionId ? await SignedInAsync(linked, info) : Outcome.NoAccount;
        }
        if (info.Principal.FindFirst(SchoolSignIn.EmailVerifiedClaim)?.Value != "true")
        {
            return Outcome.Unverified;
        }
        var email = info.Principal.FindFirst(SchoolSignIn.EmailClaim)?.Value;
        var person = string.IsNullOrWhiteSpace(email) ? null : await Users.FindByEmailAsync(email);
        if (person is null || person.InstitutionId != institutionId)
        {
            return Outcome.NoAccount;
        }
        if ((await Users.GetLoginsAsync(person)).Any(l => l.LoginProvider == info.LoginProvider))
        {
            return Outcome.LinkedElsewhere;   // this account is linked to another person of the provider: the address is not enough
        }
        // The link is written only if the sign-in it allows succeeds: a locked or disabled account gets no link either.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!(await Users.AddLoginAsync(person, info)).Succeeded)
        {
            return Outcome.NotCompleted;
        }
        var outcome = await SignedInAsync(person, info);
        if (outcome == Outcome.SignedIn)
        {
            await transaction.CommitAsync(cancellationToken);
            Log.AccountChanged(logger, person.Id, "school account linked");
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return outcome;
    }

    private async Task<Outcome> SignedInAsync(Person person, ExternalLoginInfo info)
    {
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            var name = SchoolSignIn.NameOf(info.LoginProvider) ?? "";
            Log.PersonSignedInWithSchool(logger, person.Id, name);
            return Outcome.SignedIn;
        }
        return result.IsLockedOut ? Outcome.LockedOut : Outcome.NotAllowed;
    }

    /// <summary>Links the provider's checked answer to the signed-in account (the challenge named it), or says why not.</summary>
    public async Task<Outcome> LinkAsync(Person person, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync(person.Id.ToString());
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        var provider = info is null ? null : ProviderNamed(SchoolSignIn.NameOf(info.LoginProvider));
        var outcome = info is null || provider?.InstitutionId is not { } institutionId ? Outcome.NotCompleted
            : person.InstitutionId != institutionId ? Outcome.NotYours
            : !await IsInForceAsync(institutionId, cancellationToken) ? Outcome.Suspended
            : (await Users.GetLoginsAsync(person)).Any(l => l.LoginProvider == info.LoginProvider) ? Outcome.AlreadyLinked
            : await Users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is not null ? Outcome.LinkedElsewhere
            : (await Users.AddLoginAsync(person, info)).Succeeded ? Outcome.Linked
            : Outcome.NotCompleted;
        if (outcome != Outcome.Linked)
        {
            Log.SchoolSignInRefused(logger, info is null ? "" : SchoolSignIn.NameOf(info.LoginProvider) ?? "", outcome.ToString());
        }
        return outcome;
    }

    private Task<bool> IsInForceAsync(Guid institutionId, CancellationToken cancellationToken) =>
        KnownInstitutions.IsInForceAsync(db, cache, institutionId, keys.Value, clock.GetUtcNow(), cancellationToken);

    /// <summary>What a page says for a refusal.</summary>
    public static string MessageOf(Outcome outcome) => outcome switch
    {
        Outcome.Unverified => "Your school's sign-in did not confirm your e-mail address, so it cannot be matched to an account here. Ask your school's IT team, or sign in with your password or passkey.",
        Outcome.NoAccount => "There is no account here for your school account. Accounts are made by invitation: ask your registrar for one.",
        Outcome.NotYours => "That sign-in is for another school's people, not for your account.",
        Outcome.AlreadyLinked => "Your account is already linked to a school account. Unlink it first to link another.",
        Outcome.LinkedElsewhere => "That school account is linked to another account here, or yours to another school account: sign in with your password or passkey and check on your account page.",
        Outcome.NotAllowed => SignInModel.NotAllowed,
        Outcome.LockedOut => SignInModel.LockedOut,
        Outcome.Suspended => "Your school's use of this service is suspended, so its people cannot sign in.",
        _ => "Signing in with your school account did not complete. Try again.",
    };
}
