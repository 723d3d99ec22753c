using Transcripts.Api.Features.Institutions;

namespace Transcripts.Api.Tests.Features.Institutions;

public sealed class DidWebTests
{
    [Theory]
    [InlineData("https://school.example/", "did:web:school.example")]
    [InlineData("https://school.example", "did:web:school.example")]
    [InlineData("https://School.Example:8443/", "did:web:school.example%3A8443")]
    [InlineData("https://school.example/campus/north/", "did:web:school.example:campus:north")]
    [InlineData("https://localhost:5001/a", "did:web:localhost%3A5001:a")]
    [InlineData("https://bücher.example/", "did:web:xn--bcher-kva.example")]
    public void Did_is_derived_from_the_public_base_url(string baseUrl, string expected)
    {
        Assert.True(DidWeb.TryFromBaseUrl(baseUrl, out var did));
        Assert.Equal(expected, did);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://school.example/")]
    [InlineData("https://school.example/?q=1")]
    [InlineData("https://school.example/#x")]
    [InlineData(null)]
    public void Did_is_refused_for_a_url_that_cannot_host_did_web(string? baseUrl) =>
        Assert.False(DidWeb.TryFromBaseUrl(baseUrl, out _));
}
