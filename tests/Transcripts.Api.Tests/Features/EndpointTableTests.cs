using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Transcripts.Api.Tests.Features;

/// <summary>
/// The endpoint table behind the role matrix and the bad-input tests (<see cref="Endpoints.All"/>) is the service's real route
/// table, read from its <see cref="EndpointDataSource"/>: every endpoint that needs a key is in it, by name, method and path, so
/// a new endpoint cannot escape those tests.
/// </summary>
public sealed class EndpointTableTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private List<RouteEndpoint> Authenticated()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .ToList();
    }

    private static string? NameOf(RouteEndpoint e) => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    [Fact]
    public void Every_authenticated_endpoint_is_in_the_table_and_the_table_names_no_other()
    {
        var routes = Authenticated();
        var unnamed = routes.Where(e => NameOf(e) is null).Select(e => e.RoutePattern.RawText).ToList();
        var real = routes.Select(NameOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var table = Endpoints.All.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(unnamed.Count == 0, "authenticated endpoints without a name: " + string.Join(", ", unnamed));
        Assert.True(routes.Count > 50, $"the route table has only {routes.Count} authenticated endpoints");
        Assert.True(real.Except(table).ToList() is [], "missing from Endpoints.All: " + string.Join(", ", real.Except(table)));
        Assert.True(table.Except(real).ToList() is [], "in Endpoints.All but not an authenticated route: " + string.Join(", ", table.Except(real)));
        Assert.Equal(Endpoints.All.Length, table.Count);
    }

    [Fact]
    public void Each_entry_has_the_method_and_a_path_of_its_route()
    {
        var byName = Authenticated().Where(e => NameOf(e) is not null).ToDictionary(e => NameOf(e)!, StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var entry in Endpoints.All.Where(e => byName.ContainsKey(e.Name)))
        {
            var route = byName[entry.Name];
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods;
            var path = entry.Path(Endpoints.Placeholder).Split('?')[0];
            var matcher = new TemplateMatcher(TemplateParser.Parse(route.RoutePattern.RawText!), new RouteValueDictionary());
            if (!methods.Contains(entry.Method.Method) || !matcher.TryMatch(path, new RouteValueDictionary()))
            {
                wrong.Add($"{entry.Name}: {entry.Method} {path} is not {string.Join(',', methods)} {route.RoutePattern.RawText}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
