using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>
/// The real route table, read from the running service's <see cref="EndpointDataSource"/>: an endpoint that names no policy and
/// does not say it is public is a mistake, and so is a write endpoint in a group learners belong to that does not narrow its policy.
/// </summary>
public sealed class RouteAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] s_writes = ["POST", "PUT", "PATCH", "DELETE"];

    private IReadOnlyList<RouteEndpoint> Routes()
    {
        _ = app.Server;
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    private static string NameOf(RouteEndpoint e) =>
        $"{string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public_so_none_is_open_by_omission()
    {
        var routes = Routes();
        Assert.True(routes.Count > 50, $"the route table has only {routes.Count} endpoints");

        var unguarded = routes.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { Length: > 0 } || a.Roles is { Length: > 0 }))
            .Select(NameOf).ToList();

        Assert.True(unguarded.Count == 0, "endpoints without an explicit policy or AllowAnonymous: " + string.Join("; ", unguarded));
    }

    [Fact]
    public void Write_endpoints_in_groups_learners_belong_to_narrow_their_policy_so_a_learner_cannot_write_by_default()
    {
        string[] learnerPolicies = [Policies.Member, Policies.LearnerOrRegistrar];
        var loose = Routes()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(s_writes.Contains) == true)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>() is { Count: > 0 } policies
                && learnerPolicies.Contains(policies[0].Policy) && policies.Count == 1)
            .Select(NameOf).ToList();

        Assert.True(loose.Count == 0, "write endpoints that inherit a policy admitting learners: " + string.Join("; ", loose));
    }

    [Fact]
    public void The_fallback_policy_requires_an_authenticated_caller()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy!.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }
}
