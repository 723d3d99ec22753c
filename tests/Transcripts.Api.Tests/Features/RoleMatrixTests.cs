using System.Net;

namespace Transcripts.Api.Tests.Features;

/// <summary>Every endpoint × every role: allowed roles succeed, the others are refused with 403 and nothing is written.</summary>
public abstract class RoleMatrixTests(TranscriptsApp app)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints.All)
        {
            foreach (var role in new[] { "admin", "registrar", "assessor", "learner" })
            {
                data.Add(endpoint.Name, role);
            }
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(Cases))]
    public async Task Endpoint_allows_exactly_its_roles(string endpointName, string role)
    {
        app.EnsureAvailable();
        var endpoint = Endpoints.Named(endpointName);
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        using var client = app.CreateClientFor(seeded.School.KeyFor(role));
        var before = await app.SnapshotAsync();

        using var response = await client.SendAsync(Endpoints.Request(endpoint, seeded));

        if (endpoint.Roles.Contains(role))
        {
            Assert.True(response.IsSuccessStatusCode, $"{role} on {endpointName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (endpoint.StartsBackgroundWork)
            {
                await Endpoints.SettleAsync(client, response);
            }
        }
        else
        {
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(before, await app.SnapshotAsync());
        }
    }

    public static TheoryData<string> LearnerScoped()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in Endpoints.All.Where(e => e.IsLearnerScoped && e.Roles.Contains("learner")))
        {
            data.Add(endpoint.Name);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(LearnerScoped))]
    public async Task Learner_asking_for_another_learner_gets_404(string endpointName)
    {
        app.EnsureAvailable();
        var endpoint = Endpoints.Named(endpointName);
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        using var learnerB = app.CreateClientFor(seeded.School.LearnerBKey);
        var before = await app.SnapshotAsync();

        using var response = await learnerB.SendAsync(Endpoints.Request(endpoint, seeded));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    public static TheoryData<string> WithIds()
    {
        var data = new TheoryData<string>();
        // A path with an id in it (a GUID, not just a hyphenated route such as /signing-keys).
        // Operator endpoints are refused to every institution's key (403), whatever the id: see OperatorTests.
        foreach (var endpoint in Endpoints.All.Where(e => !e.IsOperator && System.Text.RegularExpressions.Regex.IsMatch(e.Path(Endpoints.Placeholder), "[0-9a-f]{8}-[0-9a-f]{4}-")))
        {
            data.Add(endpoint.Name);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(WithIds))]
    public async Task Another_institutions_key_sees_nothing(string endpointName)
    {
        app.EnsureAvailable();
        var endpoint = Endpoints.Named(endpointName);
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        var other = await app.SeedInstitutionAsync("Other school");
        using var stranger = app.CreateClientFor(other.Admin);
        var before = await app.SnapshotAsync();

        using var response = await stranger.SendAsync(Endpoints.Request(endpoint, seeded));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [SkippableFact]
    public async Task Another_institutions_lists_are_empty_of_this_institution()
    {
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        var other = await app.SeedInstitutionAsync("Other school");
        using var stranger = app.CreateClientFor(other.Admin);

        var learners = await Seeded.Json(await stranger.GetAsync("/learners"));
        var frameworks = await Seeded.Json(await stranger.GetAsync("/frameworks"));

        Assert.DoesNotContain(learners.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetGuid() == seeded.School.LearnerA);
        Assert.DoesNotContain(frameworks.GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetGuid() == seeded.School.FrameworkId);
    }

    [SkippableFact]
    public async Task Requests_without_a_valid_key_get_401()
    {
        app.EnsureAvailable();
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateClientFor("trk_" + new string('A', 43));

        await Problem.AssertAsync(await anonymous.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");
        await Problem.AssertAsync(await wrong.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    public sealed class OnSqlite(SqliteApp app) : RoleMatrixTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RoleMatrixTests(app), IClassFixture<PostgresApp>;
}
