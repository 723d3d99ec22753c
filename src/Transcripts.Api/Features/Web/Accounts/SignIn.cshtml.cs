using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>Password sign-in, rate-limited per client address; failures lock the account after a few tries.</summary>
[EnableRateLimiting(WebModule.SignInRateLimit)]
internal sealed class SignInModel(SignInManager<Person> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

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
}
