using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// Password, passkey or school sign-in, rate-limited per client address. Wrong passwords lock the account after a few tries,
/// and a locked account signs in with none of them. A school's identity provider is asked by a POST with the antiforgery
/// token, so no other site can start a sign-in in the person's browser; its answer comes back to <see cref="OnGetSchoolAsync"/>.
/// </summary>
[EnableRateLimiting(WebModule.SignInRateLimit)]
internal sealed class SignInModel(SignInManager<Person> signIn, SchoolLogins schools, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>What a locked or a disabled account is told, whichever way it tried to sign in.</summary>
    public const string LockedOut = "This account is locked for a while after too many wrong passwords. Try again later.";

    public const string NotAllowed = "This account may not sign in.";

    /// <summary>The schools' identity providers, by name; none when none is configured.</summary>
    public IReadOnlyList<(string Name, OpenIdConnectProviderOptions Provider)> Providers => [.. schools.All()];

    [BindProperty]
    public string? Provider { get; set; }

    public void OnGet(string? school)
    {
        if (school == "failed")
        {
            ModelState.AddModelError("", SchoolLogins.MessageOf(SchoolLogins.Outcome.NotCompleted));
        }
    }

    /// <summary>Sends the browser to the school's identity provider; its checked answer comes back to <see cref="OnGetSchoolAsync"/>.</summary>
    public IActionResult OnPostSchool()
    {
        ModelState.Clear();
        if (schools.ProviderNamed(Provider) is null)
        {
            return NotFound();
        }
        var scheme = SchoolSignIn.SchemeOf(Provider!);
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(scheme, "/app/sign-in?handler=School"), scheme);
    }

    /// <summary>Signs in the account the school's answer names (never a new one), or says on the page why not.</summary>
    public async Task<IActionResult> OnGetSchoolAsync(CancellationToken cancellationToken)
    {
        var outcome = await schools.SignInAsync(cancellationToken);
        if (outcome == SchoolLogins.Outcome.SignedIn)
        {
            return LocalRedirect("/app");
        }
        ModelState.AddModelError("", SchoolLogins.MessageOf(outcome));
        return Page();
    }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your e-mail address.");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var person = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        var result = person is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(person, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Log.PersonSignedIn(logger, person!.Id);
            return LocalRedirect("/app");
        }
        Log.PersonSignInFailed(logger, result.IsLockedOut);
        ModelState.AddModelError("", result.IsLockedOut
            ? "Too many wrong passwords: this account is locked for a while. Try again later."
            : "That e-mail address and password do not match an account.");
        return Page();
    }

    /// <summary>Options for a discoverable passkey of this site; the challenge waits in Identity's short-lived state cookie.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Passkeys.Options(await signIn.MakePasskeyRequestOptionsAsync(user: null));

    /// <summary>Checks the browser's assertion against the challenge just given and signs its account in.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        var result = Passkeys.IsPlausible(CredentialJson) && Passkeys.IsJsonObject(CredentialJson!)
            ? await signIn.PasskeySignInAsync(CredentialJson!)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded && Passkeys.CredentialIdIn(CredentialJson!) is { } id && await signIn.UserManager.FindByPasskeyIdAsync(id) is { } person)
        {
            Log.PersonSignedInWithPasskey(logger, person.Id);
            return LocalRedirect("/app");
        }
        CredentialJson = null;
        Log.PersonPasskeySignInFailed(logger, result.IsLockedOut);
        ModelState.AddModelError("", result.IsLockedOut ? LockedOut : result.IsNotAllowed ? NotAllowed : Passkeys.Refused);
        return Page();
    }
}
