using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// A person's own sign-in methods: their passkeys (add, rename, remove) and their password (change, or add one). The last
/// way to sign in cannot be removed. Each change renews the security stamp, ending the account's other sessions, and signs
/// this session in again.
/// </summary>
internal sealed class AccountModel(SignInManager<Person> signIn, TimeProvider clock, ILogger<AccountModel> logger) : PageModel
{
    private UserManager<Person> Users => signIn.UserManager;

    public IReadOnlyList<UserPasskeyInfo> PasskeyList { get; private set; } = [];
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

    public async Task<IActionResult> OnGetAsync(string? done) => await PageAsync(done is "added" or "renamed" or "removed" or "password" ? done : null);

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
        Done = done;
        return Page();
    }
}
