using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;

namespace Transcripts.Api.Tests.Features.SigningKeys;

public sealed class PrintedBaseTests
{
    [Theory]
    [InlineData("https://sainte-anne.example:8443/records/", "https://sainte-anne.example:8443/records/")]
    [InlineData("https://sainte-anne.example/records", "https://sainte-anne.example/records/")]
    [InlineData("https://riverside.example/", "https://riverside.example/")]
    public void Printed_urls_keep_the_configured_base_path(string configured, string printed)
    {
        var identity = new IssuerIdentity(new Institution { Name = "School", PublicBaseUrl = configured }, new IssuerSettings(),
            "did:web:example", IssuerIdentity.PublicBaseOf(new Institution { Name = "School", PublicBaseUrl = configured }, new SigningOptions()));

        Assert.Equal(new Uri(printed), identity.PrintedBase);
    }

    [Fact]
    public void Printed_urls_fall_back_to_the_services_base_when_the_institution_has_none()
    {
        var options = new SigningOptions { PublicBaseUrl = "https://transcripts.example.org/" };
        var institution = new Institution { Name = "School" };

        var identity = new IssuerIdentity(institution, new IssuerSettings(), "did:key:z6Mk", IssuerIdentity.PublicBaseOf(institution, options));

        Assert.Equal(new Uri("https://transcripts.example.org/"), identity.PrintedBase);
    }
}
