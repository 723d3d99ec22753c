using System.Text.Json.Nodes;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

/// <summary><c>verify</c> judges a presentation against the VC Data Model 2.0 §4.13 MUSTs before its credentials.</summary>
public sealed class PresentationStructureTests
{
    private static JsonObject Presentation() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["type"] = new JsonArray("VerifiablePresentation"),
        ["verifiableCredential"] = new JsonArray(Files.Json("ob-achievement.json")),
    };

    [Fact]
    public async Task Verify_passes_the_structure_of_a_conforming_presentation()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, store.Write("presentation.json", Presentation()));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("passed", Status(report, "structure"));
    }

    [Theory]
    [InlineData("holder", "\"z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj\"", "holder-url")]
    [InlineData("id", "[\"urn:uuid:1\", \"urn:uuid:2\"]", "id-url")]
    [InlineData("type", "[\"VerifiablePresentation\", 7]", "type-value")]
    public async Task Verify_fails_a_presentation_that_breaks_a_MUST_naming_the_rule(string property, string value, string rule)
    {
        using var store = TempStore.Trusting();
        var presentation = Presentation();
        presentation[property] = JsonNode.Parse(value);

        var (run, report) = await VerifyJsonAsync(store, store.Write("presentation.json", presentation));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "structure"));
        Assert.Contains($"[rule {rule}]", Reason(report, "structure"), StringComparison.Ordinal);
    }
}
