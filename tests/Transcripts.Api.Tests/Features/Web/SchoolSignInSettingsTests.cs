using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The schools' identity providers as settings: none configured, nothing is registered and the sign-in page is as before; a
/// mistake in one stops the service at start with a sentence naming the setting.
/// </summary>
public sealed class SchoolSignInSettingsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Without_a_provider_no_scheme_callback_or_button_exists()
    {
        using var client = WebPeople.Browser(app);

        var page = await client.GetStringAsync("/app/sign-in");
        var schemes = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        var start = await WebPeople.PostFormAsync(client, "/app/sign-in?handler=School", new() { ["Provider"] = "north" }, formPage: "/app/sign-in");
        var callback = await client.GetAsync("/app/sign-in/oidc/north?code=x&state=y");
        var csp = (await client.GetAsync("/app/sign-in")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.DoesNotContain("school account", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("handler=School", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with a passkey", page, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"username webauthn\"", page, StringComparison.Ordinal);   // passkey autofill is offered in the e-mail field
        Assert.Contains("data-passkey-autofill=\"/app/sign-in?handler=PasskeyOptions\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(schemes, s => s.Name.StartsWith("oidc-", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        Assert.Contains("form-action 'self';", csp, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "Authority", "http://idp.school.example", "Authority is the provider's issuer, an absolute https URL" },
        { "Authority", "not a url", "Authority is the provider's issuer, an absolute https URL" },
        { "ClientId", "", "Web:OpenIdConnect:north:ClientId is missing" },
        { "InstitutionId", Guid.NewGuid().ToString(), "Web:OpenIdConnect:north:InstitutionId (" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_provider_stops_the_service_at_start(string setting, string value, string sentence)
    {
        using var bad = new MisconfiguredApp(setting, value);

        var thrown = Record.Exception(() => bad.Server);

        Assert.NotNull(thrown);
        var messages = string.Join("\n", Chain(thrown));
        Assert.Contains(sentence, messages, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_name_that_cannot_be_part_of_an_address_stops_the_service()
    {
        using var bad = new MisconfiguredApp("ClientId", "transcripts", name: "North School");

        var thrown = Record.Exception(() => bad.Server);

        Assert.Contains("a provider's name is lower-case letters, digits and hyphens", string.Join("\n", Chain(thrown!)), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x.Message;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>A provider configured right but for one setting; its institution is the one the service makes on an empty database.</summary>
    private sealed class MisconfiguredApp(string setting, string value, string name = "north") : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Authority"] = "https://idp.school.example", ["ClientId"] = "transcripts", ["ClientSecret"] = "secret",
                ["DisplayName"] = "North School", ["InstitutionId"] = Guid.NewGuid().ToString(),
            };
            settings[setting] = value;
            foreach (var (key, v) in settings)
            {
                builder.UseSetting($"Web:OpenIdConnect:{name}:{key}", v);
            }
        }
    }
}
