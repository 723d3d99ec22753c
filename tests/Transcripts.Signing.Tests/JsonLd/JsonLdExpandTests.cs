namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>The W3C JSON-LD 1.1 expand suite, driven by expand-manifest.jsonld.</summary>
public sealed class JsonLdExpandTests
{
    public static TheoryData<string> Applicable() => JsonLdManifest.Applicable("expand");
    public static TheoryData<string> Known() => JsonLdManifest.Known("expand");
    public static TheoryData<string> JsonLd10Only() => JsonLdManifest.JsonLd10Only("expand");

    [SkippableTheory, MemberData(nameof(Applicable))]
    public void Expand_matches_the_w3c_expected_result(string id) => JsonLdSuiteRunner.RunExpand(id);

    [Theory, MemberData(nameof(Known), Skip = "Known failure; the reason is in JsonLd/known-failures.md.")]
    public void Expand_known_failure(string id) => JsonLdSuiteRunner.RunExpand(id);

    [Theory, MemberData(nameof(JsonLd10Only), Skip = "Not applicable: a json-ld-1.0-only test, and this is a JSON-LD 1.1 processor.")]
    public void Expand_json_ld_1_0_only(string id) => JsonLdSuiteRunner.RunExpand(id);
}
