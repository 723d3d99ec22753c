using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Canonical.Rdf;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>Runs one W3C manifest entry through the processor the way the suite's README describes.</summary>
internal static class JsonLdSuiteRunner
{
    public static void RunExpand(string id)
    {
        SpecData.Require();
        var test = JsonLdManifest.Get("expand", id);
        var (input, options) = Prepare(test);
        if (test.IsNegative)
        {
            AssertFailsWith(test, () => JsonLdProcessor.Expand(input, options, W3cTestLoader.Instance, W3cTestLoader.TestLimits));
            return;
        }
        var actual = JsonLdProcessor.Expand(input, options, W3cTestLoader.Instance, W3cTestLoader.TestLimits);
        var expected = JsonNode.Parse(File.ReadAllText(SpecData.Path("jsonld/" + test.Expect)));
        Assert.True(JsonLdComparison.AreEquivalent(expected, actual),
            $"Expected:\n{expected?.ToJsonString()}\nActual:\n{actual.ToJsonString()}");
    }

    public static void RunToRdf(string id)
    {
        SpecData.Require();
        var test = JsonLdManifest.Get("toRdf", id);
        var (input, options) = Prepare(test);
        if (test.IsNegative)
        {
            AssertFailsWith(test, () => JsonLdProcessor.ToRdf(input, options, W3cTestLoader.Instance, W3cTestLoader.TestLimits));
            return;
        }
        var actual = JsonLdProcessor.ToRdf(input, options, W3cTestLoader.Instance, W3cTestLoader.TestLimits);
        if (test.IsSyntaxOnly || test.Expect is null)
        {
            return;
        }
        var expected = TestNQuads.Parse(File.ReadAllText(SpecData.Path("jsonld/" + test.Expect)));
        Assert.True(TestNQuads.AreIsomorphic(expected, actual),
            $"Expected:\n{NQuads.Serialize(expected)}\nActual:\n{NQuads.Serialize(actual)}");
    }

    private static (JsonNode Input, JsonLdOptions Options) Prepare(JsonLdTestCase test)
    {
        var input = JsonInput.Parse(File.ReadAllBytes(SpecData.Path("jsonld/" + test.Input)), W3cTestLoader.TestLimits);
        var expandContext = test.Option("expandContext") is { } contextPath
            ? JsonInput.Parse(File.ReadAllBytes(SpecData.Path("jsonld/" + contextPath)), W3cTestLoader.TestLimits)
            : null;
        var options = new JsonLdOptions
        {
            Base = test.Option("base") ?? W3cTestLoader.BaseIri + test.Input,
            ExpandContext = expandContext,
            ProcessingMode = test.Option("processingMode") ?? JsonLdOptions.JsonLd11,
            RdfDirection = test.Option("rdfDirection"),
            ProduceGeneralizedRdf = test.OptionFlag("produceGeneralizedRdf"),
        };
        return (input, options);
    }

    private static void AssertFailsWith(JsonLdTestCase test, Action action)
    {
        var error = Assert.Throws<SigningException>(action);
        Assert.True(test.ExpectErrorCode == JsonLdErrors.CodeOf(error),
            $"Expected \"{test.ExpectErrorCode}\", got {error.Error}: {error.Message}");
    }
}
