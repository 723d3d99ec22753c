using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The sign-in page's POSTs count against <c>Web:SignInAttemptsPerMinute</c> per client address, except its passkey options:
/// they guess nothing, and the page's passkey autofill asks for them on every view.
/// </summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.LimitedApp app) : IClassFixture<SignInRateLimitTests.LimitedApp>
{
    public const int Limit = 3;

    public sealed class LimitedApp : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Web:SignInAttemptsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Passwords_are_limited_and_the_autofills_passkey_options_are_not()
    {
        using var client = WebPeople.Browser(app);
        var token = await WebPeople.FormTokenAsync(client, "/app/sign-in");
        async Task<HttpStatusCode> PostAsync(string handler, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            return (await client.PostAsync("/app/sign-in" + handler, new FormUrlEncodedContent(fields))).StatusCode;
        }

        var options = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 2; i++)
        {
            options.Add(await PostAsync("?handler=PasskeyOptions", []));
        }
        var passwords = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 1; i++)
        {
            passwords.Add(await PostAsync("", new() { ["Email"] = "nobody@school.example", ["Password"] = "not the password at all" }));
        }
        var optionsAfterwards = await PostAsync("?handler=PasskeyOptions", []);

        Assert.All(options, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Limit), HttpStatusCode.TooManyRequests], passwords);
        Assert.Equal(HttpStatusCode.OK, optionsAfterwards);
    }
}
