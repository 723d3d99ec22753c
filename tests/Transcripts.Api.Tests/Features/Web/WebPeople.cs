using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.People;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>People with accounts for the page tests: made directly (as an accepted invitation would), signed in through the page.</summary>
public static partial class WebPeople
{
    public const string Password = "correct horse battery staple";

    /// <summary>An account of <paramref name="role"/> in the institution (a learner's for <paramref name="learnerId"/>); its e-mail address.</summary>
    public static async Task<string> CreateAsync(TranscriptsApp app, Guid? institutionId, string role, Guid? learnerId = null, bool isGuardian = false)
    {
        var email = $"{role}-{Guid.NewGuid():N}@school.example";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var created = await users.CreateAsync(new Person
        {
            UserName = email, Email = email, EmailConfirmed = true, InstitutionId = institutionId, Role = role, LearnerId = learnerId,
            IsGuardian = isGuardian, DisplayName = $"Test {role}", CreatedAt = app.Clock.GetUtcNow(), LockoutEnabled = true,
        }, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>A client over https (the cookies are Secure) that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Browser(TranscriptsApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenField().Match(html).Groups[1].Value;
    }

    /// <summary>Posts the form as a browser would, with the antiforgery token of the page at <paramref name="formPage"/> (default: <paramref name="path"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, bool withToken = true,
        string? formPage = null)
    {
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await FormTokenAsync(client, formPage ?? path);
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        await PostFormAsync(client, "/app/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>A signed-in client of a new account of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(TranscriptsApp app, Guid? institutionId, string role, Guid? learnerId = null)
    {
        var email = await CreateAsync(app, institutionId, role, learnerId);
        var client = Browser(app);
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A signed-in client of a new account of the service's operator, which belongs to no institution.</summary>
    public static Task<HttpClient> SignedInOperatorAsync(TranscriptsApp app) => SignedInAsync(app, null, Roles.Operator);

    /// <summary>An invitation stored as <see cref="Invitations"/> stores one; the token to put in its link.</summary>
    public static async Task<string> InviteAsync(TranscriptsApp app, Guid institutionId, string role, Guid? learnerId = null)
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await app.WithDbAsync(async db =>
        {
            db.Invitations.Add(new Invitation
            {
                InstitutionId = institutionId, Email = $"invited-{Guid.NewGuid():N}@school.example", DisplayName = "Invited person", Role = role,
                LearnerId = learnerId, TokenHash = Invitations.HashOf(token), CreatedAt = app.Clock.GetUtcNow(), ExpiresAt = app.Clock.GetUtcNow().AddDays(7),
            });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>The service over SQLite with a sign-in limit high enough for a test class that signs in many times from one address.</summary>
public sealed class WebApp : SqliteApp
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Web:SignInAttemptsPerMinute", "1000");
    }
}
