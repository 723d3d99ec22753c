using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// A person's own sign-in methods: their passkeys (add, rename, remove), their password (change, or add one) and their link
/// to their school's identity provider (link, unlink). The last way to sign in cannot be removed (a school link is never the
/// only one: an account is made with a password or a passkey). Each change renews the security stamp, ending the account's
/// other sessions, and signs this session in again.
/// </summary>
internal sealed class AccountModel(SignInManager<Person> signIn, SchoolLogins schools, TimeProvider clock, ILogger<AccountModel> logger) : PageModel
{
    private UserManager<Person> Users => signIn.UserManager;

    public IReadOnlyList<UserPasskeyInfo> PasskeyList { get; private set; } = [];

    /// <summary>The identity providers of this person's institution, and whether this account is linked to each.</summary>
    public IReadOnlyList<(string Name, OpenIdConnectProviderOptions Provider, bool IsLinked)> SchoolList { get; private set; } = [];

    [BindProperty]
    public string? Provider { get; set; }
    public bool HasPassword { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? PasskeyId { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, string? school)
    {
        if (school == "failed")
        {
            ModelState.AddModelError("", SchoolLogins.MessageOf(SchoolLogins.Outcome.NotCompleted));
        }
        return await PageAsync(done is "added" or "renamed" or "removed" or "password" or "linked" or "unlinked" ? done : null);
    }

    /// <summary>Sends the browser to this person's school's identity provider to link its account; the answer names this account.</summary>
    public async Task<IActionResult> OnPostLinkSchoolAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        if (!schools.ProvidersOf(person.InstitutionId).Any(p => p.Name == Provider))
        {
            return NotFound();
        }
        var scheme = SchoolSignIn.SchemeOf(Provider!);
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(scheme, "/app/account?handler=SchoolLinked", person.Id.ToString()), scheme);
    }

    /// <summary>The provider's checked answer, linked to this account, or refused on the page.</summary>
    public async Task<IActionResult> OnGetSchoolLinkedAsync(CancellationToken cancellationToken)
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        var outcome = await schools.LinkAsync(person, cancellationToken);
        if (outcome == SchoolLogins.Outcome.Linked)
        {
            return await SavedAsync(person, IdentityResult.Success, "linked");
        }
        ModelState.AddModelError("", SchoolLogins.MessageOf(outcome));
        return await PageAsync(null);
    }

    public async Task<IActionResult> OnPostUnlinkSchoolAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        var scheme = Provider is null ? null : SchoolSignIn.SchemeOf(Provider);
        if ((await Users.GetLoginsAsync(person)).FirstOrDefault(l => l.LoginProvider == scheme) is not { } login)
        {
            return NotFound();
        }
        return await SavedAsync(person, await Users.RemoveLoginAsync(person, login.LoginProvider, login.ProviderKey), "unlinked");
    }

    /// <summary>Options to create one more passkey for this account; its existing ones are excluded.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Passkeys.Refusal("You are signed out. Sign in again.");
        }
        var user = new PasskeyUserEntity { Id = person.Id.ToString(), Name = person.Email!, DisplayName = person.DisplayName };
        return Passkeys.Options(await signIn.MakePasskeyCreationOptionsAsync(user));
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        if (!CheckName())
        {
            return await PageAsync(null);
        }
        var attestation = Passkeys.IsPlausible(CredentialJson) && Passkeys.IsJsonObject(CredentialJson!)
            ? await signIn.PerformPasskeyAttestationAsync(CredentialJson!)
            : null;
        CredentialJson = null;
        if (attestation is not { Succeeded: true } || attestation.UserEntity.Id != person.Id.ToString())
        {
            Log.PasskeyRefused(logger, attestation?.Failure?.Message ?? "not a WebAuthn answer, or not made for this account");
            ModelState.AddModelError("", Passkeys.Refused);
            return await PageAsync(null);
        }
        attestation.Passkey.Name = Passkeys.NameOf(Name, clock.GetUtcNow());
        return await SavedAsync(person, await Users.AddOrUpdatePasskeyAsync(person, attestation.Passkey), "added");
    }

    public async Task<IActionResult> OnPostRenamePasskeyAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        var passkey = Passkeys.CredentialIdOf(PasskeyId) is { } id ? await Users.GetPasskeyAsync(person, id) : null;
        if (passkey is null)
        {
            return NotFound();
        }
        if (!CheckName())
        {
            return await PageAsync(null);
        }
        passkey.Name = Passkeys.NameOf(Name, passkey.CreatedAt);
        return await SavedAsync(person, await Users.AddOrUpdatePasskeyAsync(person, passkey), "renamed");
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        var id = Passkeys.CredentialIdOf(PasskeyId);
        if (id is null || await Users.GetPasskeyAsync(person, id) is null)
        {
            return NotFound();
        }
        if (!await Users.HasPasswordAsync(person) && (await Users.GetPasskeysAsync(person)).Count <= 1)
        {
            ModelState.AddModelError("", "This is your only way to sign in: add another passkey or a password before removing it.");
            return await PageAsync(null);
        }
        return await SavedAsync(person, await Users.RemovePasskeyAsync(person, id), "removed");
    }

    /// <summary>Changes the password (the current one is asked for), or adds one to an account that signs in by passkey only.</summary>
    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        var hasPassword = await Users.HasPasswordAsync(person);
        if (hasPassword && string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password.");
        }
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Choose a new password.");
        }
        else if (!string.Equals(NewPassword, Confirm, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), "The two passwords are not the same.");
        }
        if (!ModelState.IsValid)
        {
            return await PageAsync(null);
        }
        var result = hasPassword
            ? await Users.ChangePasswordAsync(person, CurrentPassword!, NewPassword!)
            : await Users.AddPasswordAsync(person, NewPassword!);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            ModelState.AddModelError(wrongCurrent ? nameof(CurrentPassword) : nameof(NewPassword),
                wrongCurrent ? "This is not your current password." : string.Join(" ", result.Errors.Select(e => e.Description)));
            return await PageAsync(null);
        }
        return await SavedAsync(person, result, "password");
    }

    private bool CheckName()
    {
        if (Name is { Length: > Passkeys.MaxNameLength })
        {
            ModelState.AddModelError(nameof(Name), $"A passkey's name has at most {Passkeys.MaxNameLength} characters.");
        }
        return ModelState.IsValid;
    }

    private async Task<IActionResult> SavedAsync(Person person, IdentityResult result, string done)
    {
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", string.Join(" ", result.Errors.Select(e => e.Description)));
            return await PageAsync(null);
        }
        // A new security stamp ends the account's other sessions; this one is signed in again with the new stamp.
        await Users.UpdateSecurityStampAsync(person);
        await signIn.RefreshSignInAsync(person);
        Log.AccountChanged(logger, person.Id, done);
        return LocalRedirect($"/app/account?done={done}");
    }

    private async Task<IActionResult> PageAsync(string? done)
    {
        if (await Users.GetUserAsync(User) is not { } person)
        {
            return Challenge();
        }
        PasskeyList = [.. (await Users.GetPasskeysAsync(person)).OrderBy(p => p.CreatedAt)];
        HasPassword = await Users.HasPasswordAsync(person);
        var logins = (await Users.GetLoginsAsync(person)).Select(l => l.LoginProvider).ToHashSet(StringComparer.Ordinal);
        SchoolList = [.. schools.ProvidersOf(person.InstitutionId).Select(p => (p.Name, p.Provider, logins.Contains(SchoolSignIn.SchemeOf(p.Name))))];
        Done = done;
        return Page();
    }
}
