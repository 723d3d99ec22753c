using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>The page table behind the page role matrix is the service's real set of pages.</summary>
public sealed class WebPageTableTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public void Every_page_is_in_the_page_table_and_the_table_names_no_other()
    {
        _ = app.Server;
        var real = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var table = WebPages.All.Select(p => p.Route).Concat(WebPages.Anonymous).Append(WebPages.SignOut).ToHashSet(StringComparer.Ordinal);

        Assert.True(real.Count >= 10, $"only {real.Count} pages: " + string.Join(", ", real));
        Assert.True(real.Except(table).ToList() is [], "pages missing from WebPages: " + string.Join(", ", real.Except(table)));
        Assert.True(table.Except(real).ToList() is [], "in WebPages but not a page: " + string.Join(", ", table.Except(real)));
    }
}
