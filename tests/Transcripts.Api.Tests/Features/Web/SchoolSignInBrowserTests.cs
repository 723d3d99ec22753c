using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Tests.Features.Verification;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// School sign-in in headless Chromium on Kestrel: the sign-in page's button posts its form, the browser follows the redirect
/// to the provider (answered by <see cref="FakeIdentityProvider"/> through Playwright's routing, so the page's
/// <c>form-action</c> is tested on that redirect), comes back with the code and is signed in; then the account page shows
/// the link. Both pages pass axe-core and fit 360 px.
/// </summary>
public sealed class SchoolSignInBrowserTests(SchoolSignInBrowserTests.KestrelSchoolsApp app) : IClassFixture<SchoolSignInBrowserTests.KestrelSchoolsApp>
{
    public sealed class KestrelSchoolsApp : SqliteApp, IAsyncLifetime
    {
        public SchoolProviders Schools { get; } = new();

        public Uri BaseAddress { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
            using (var seeder = new SqliteSeeder(DataDir))
            {
                await Schools.SeedAsync(seeder, Clock);
            }
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Schools.Configure(builder);
        }
    }

    private string Url(string path) => $"http://localhost:{app.BaseAddress.Port}{path}";

    [SkippableFact]
    public async Task A_person_signs_in_with_the_school_account_and_sees_it_linked()
    {
        Chromium.EnsureAvailable();
        var school = app.Schools.SchoolOf("north");
        var email = await WebPeople.CreateAsync(app, school.Id, Roles.Registrar);
        var idp = app.Schools.IdpOf("north");
        idp.User = new FakeIdentityProvider.IdpUser("browser-" + Guid.NewGuid().ToString("N"), email, true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.RouteAsync(idp.Authority + "/**", async route =>
        {
            var back = await idp.AuthorizeAsync(new Uri(route.Request.Url));
            await route.FulfillAsync(new() { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = back.AbsoluteUri } });
        });

        await page.GotoAsync(Url("/app/sign-in"));
        await Browser.CheckAsync(page, "sign-in-school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with North School" }).ClickAsync();
        await page.WaitForURLAsync(Url("/app"), new() { Timeout = 15_000 });
        await page.GotoAsync(Url("/app/account"));
        await page.GetByText("Your account is linked to your North School account").WaitForAsync();
        await Browser.CheckAsync(page, "account-school");

        Assert.Equal(200, (await page.APIRequest.GetAsync(Url($"/app/registrar/learners/{school.LearnerA}"), new() { MaxRedirects = 0 })).Status);
    }
}
