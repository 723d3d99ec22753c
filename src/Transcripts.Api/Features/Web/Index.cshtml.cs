using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web;

/// <summary>The first page after sign-in: what this person can do here.</summary>
internal sealed class IndexModel(UserManager<Person> users) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string RoleName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await users.GetUserAsync(User);
        if (person is null)
        {
            return LocalRedirect("/app/sign-in");
        }
        DisplayName = person.DisplayName;
        RoleName = Words.RoleName(person.Role, person.IsGuardian);
        return Page();
    }
}
