using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>Page numbers and sizes on every list endpoint are bounded: a huge one is a 400 naming it, never an overflow's 500.</summary>
public sealed class BoundedPagingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The endpoint table's list endpoints that take <c>page</c> and <c>pageSize</c>, found from their handlers.</summary>
    public static TheoryData<string> PagedListEndpoints()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in Endpoints.All.Where(e => e.Method == HttpMethod.Get && e.Name.StartsWith("List", StringComparison.Ordinal)))
        {
            data.Add(endpoint.Name);
        }
        return data;
    }

    [Theory, MemberData(nameof(PagedListEndpoints))]
    public async Task A_huge_page_number_or_size_gets_400_naming_it_and_never_overflows(string name)
    {
        var endpoint = Endpoints.Named(name);
        var parameters = HandlerParameters(name);
        var seeded = await Seeded.CreateAsync(app);
        // The operator's institution list is the one list outside an institution: it is called with an operator key.
        using var admin = app.CreateClientFor(endpoint.IsOperator ? await app.OperatorKeyAsync() : seeded.School.KeyFor(endpoint.Roles[0]));
        var path = endpoint.Path(seeded);
        var join = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        if (!parameters.Contains("page"))
        {
            // An unpaged list (a learner's goals, share links, credentials; the signing keys): bounded by what it lists.
            Assert.DoesNotContain("pageSize", parameters);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{path}{join}page={int.MaxValue}")).StatusCode);
            return;
        }
        Assert.Contains("pageSize", parameters);
        var page = await Problem.AssertAsync(await admin.GetAsync($"{path}{join}page={int.MaxValue}&pageSize=200"), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(page.GetProperty("errors").TryGetProperty("page", out _), page.ToString());
        var size = await Problem.AssertAsync(await admin.GetAsync($"{path}{join}pageSize={int.MaxValue}"), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(size.GetProperty("errors").TryGetProperty("pageSize", out _), size.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{path}{join}page=99999999999999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{path}{join}page=-2147483648")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{path}{join}page=1000000&pageSize=200")).StatusCode);
    }

    [Fact]
    public void The_paged_lists_include_every_list_the_service_pages()
    {
        var paged = Endpoints.All.Where(e => e.Method == HttpMethod.Get && HandlerParameters(e.Name).Contains("page")).Select(e => e.Name).ToList();

        Assert.Superset(new HashSet<string> { "ListLearners", "ListEvidence", "ListAssessments", "ListAttainments", "ListDisclosures", "ListAuditEvents",
            "ListFrameworks", "ListScales", "ListKeys" }, paged.ToHashSet());
        Assert.All(paged, n => Assert.StartsWith("List", n));
    }

    private HashSet<string> HandlerParameters(string name)
    {
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name);
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>() ?? throw new InvalidOperationException($"{name} has no handler method in its metadata.");
        return [.. handler.GetParameters().Select(p => p.Name!)];
    }
}
