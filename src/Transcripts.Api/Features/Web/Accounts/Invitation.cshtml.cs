using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.People;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// Turns a single-use invitation into an account with a password, a passkey or both, and signs the person in. A passkey is
/// made for the invited e-mail address and a new account id; the attestation is accepted only for that invitation.
/// </summary>
[EnableRateLimiting(WebModule.SignInRateLimit)]
internal sealed class InvitationModel(Invitations invitations, SignInManager<Person> signIn, TimeProvider clock, ILogger<InvitationModel> logger) : PageModel
{
    private const string UnknownInvitation = "This invitation code is unknown, already used or expired. Ask your school for a new one.";

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindAsync(Token, cancellationToken);
        if (invitation is null)
        {
            ModelState.AddModelError(nameof(Token), UnknownInvitation);
            return Page();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Choose a password, or create the account with a passkey.");
        }
        CheckConfirmation();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (person, errors) = await invitations.AcceptAsync(invitation, Password!, cancellationToken);
        if (person is null)
        {
            ModelState.AddModelError(nameof(Password), string.Join(" ", errors));
            return Page();
        }
        await signIn.SignInAsync(person, isPersistent: false);
        return LocalRedirect("/app");
    }

    /// <summary>Options to create a passkey for the invited person, under the id their account will have.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken cancellationToken)
    {
        if (await invitations.FindAsync(Token, cancellationToken) is not { } invitation)
        {
            return Passkeys.Refusal(UnknownInvitation);
        }
        var user = new PasskeyUserEntity { Id = Guid.CreateVersion7().ToString(), Name = invitation.Email, DisplayName = invitation.DisplayName };
        return Passkeys.Options(await signIn.MakePasskeyCreationOptionsAsync(user));
    }

    /// <summary>Checks the browser's new passkey against the challenge just given, then creates the account with it.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindAsync(Token, cancellationToken);
        if (invitation is null)
        {
            ModelState.AddModelError(nameof(Token), UnknownInvitation);
            return Page();
        }
        // A password beside the passkey is optional; when typed, it must be confirmed and acceptable.
        if (!string.IsNullOrEmpty(Password))
        {
            CheckConfirmation();
        }
        var attestation = Passkeys.IsPlausible(CredentialJson) && Passkeys.IsJsonObject(CredentialJson!)
            ? await signIn.PerformPasskeyAttestationAsync(CredentialJson!)
            : null;
        CredentialJson = null;
        if (attestation is not { Succeeded: true } || attestation.UserEntity.Name != invitation.Email
            || !Guid.TryParse(attestation.UserEntity.Id, out var personId))
        {
            Log.PasskeyRefused(logger, attestation?.Failure?.Message ?? "not a WebAuthn answer, or not made for this account");
            ModelState.AddModelError("", Passkeys.Refused);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var passkey = attestation.Passkey;
        passkey.Name = Passkeys.NameOf(null, clock.GetUtcNow());
        var (person, errors) = await invitations.AcceptAsync(invitation, string.IsNullOrEmpty(Password) ? null : Password, cancellationToken, passkey, personId);
        if (person is null)
        {
            ModelState.AddModelError(nameof(Password), string.Join(" ", errors));
            return Page();
        }
        await signIn.SignInAsync(person, isPersistent: false, authenticationMethod: "passkey");
        return LocalRedirect("/app");
    }

    private void CheckConfirmation()
    {
        if (!string.IsNullOrEmpty(Password) && !string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), "The two passwords are not the same.");
        }
    }
}
