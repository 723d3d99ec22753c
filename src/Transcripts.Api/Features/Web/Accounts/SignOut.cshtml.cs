using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// Signing out ends this session and, by a new security stamp, every other session of the account at its next request.
/// </summary>
internal sealed class SignOutModel(SignInManager<Person> signIn) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/app") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } person)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(person);
        }
        await signIn.SignOutAsync();
        return Page();
    }
}
