using System.Net;
using System.Net.Http.Json;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// Each role opens exactly its pages; any other page is a 404, as the API answers records that are not the caller's. A learner
/// never sees another learner's or another institution's attainment, and nobody signed out sees any page but sign-in.
/// </summary>
public sealed class WebRoleMatrixTests(WebApp app) : IClassFixture<WebApp>
{
    /// <summary>The institution's roles and the service's operator, whose account belongs to no institution.</summary>
    public static TheoryData<string> RoleNames => new([.. Roles.All, Roles.Operator]);

    [Theory, MemberData(nameof(RoleNames))]
    public async Task Each_role_opens_its_pages_and_gets_404_for_the_others(string role)
    {
        var seeded = await WebPages.SeedAsync(app);
        using var client = role == Roles.Operator ? await WebPeople.SignedInOperatorAsync(app)
            : await WebPeople.SignedInAsync(app, seeded.School.Id, role, role == Roles.Learner ? seeded.School.LearnerA : null);
        var wrong = new List<string>();
        foreach (var page in WebPages.All)
        {
            var response = await client.GetAsync(page.Path(seeded));
            var expected = page.Roles.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            if (response.StatusCode != expected)
            {
                wrong.Add($"{page.Route}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Signed_out_every_page_sends_to_sign_in_and_an_api_key_opens_none()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var anonymous = WebPeople.Browser(app);
        using var keyed = WebPeople.Browser(app);
        keyed.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", seeded.School.Admin);

        foreach (var page in WebPages.All)
        {
            foreach (var client in new[] { anonymous, keyed })
            {
                var response = await client.GetAsync(page.Path(seeded));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/app/sign-in", response.Headers.Location!.AbsolutePath);
            }
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_opens_no_api_endpoint()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var client = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);

        var response = await client.GetAsync($"/learners/{seeded.School.LearnerA}/record");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_learner_gets_404_for_another_learners_and_another_institutions_attainment_and_credential()
    {
        var mine = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(mine.School.Registrar);
        var sibling = await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{mine.School.LearnerB}/attainments",
            new { version = (int?)null, competencyId = mine.School.Competencies[2], levelId = mine.School.Levels[3], reason = "Transfer credit" }));
        using var learner = await WebPeople.SignedInAsync(app, mine.School.Id, Roles.Learner, mine.School.LearnerA);

        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/app/my/attainments/{mine.AttainmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/app/my/attainments/{sibling.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/app/my/attainments/{other.AttainmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/app/my/record?handler=json&id={mine.CredentialId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/app/my/record?handler=json&id={other.CredentialId}")).StatusCode);
    }
}
