namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>The W3C JSON-LD 1.1 toRdf suite, driven by toRdf-manifest.jsonld, compared by dataset isomorphism.</summary>
public sealed class JsonLdToRdfTests
{
    public static TheoryData<string> Applicable() => JsonLdManifest.Applicable("toRdf");
    public static TheoryData<string> Known() => JsonLdManifest.Known("toRdf");
    public static TheoryData<string> JsonLd10Only() => JsonLdManifest.JsonLd10Only("toRdf");

    [SkippableTheory, MemberData(nameof(Applicable))]
    public void ToRdf_is_isomorphic_to_the_w3c_expected_dataset(string id) => JsonLdSuiteRunner.RunToRdf(id);

    [Theory, MemberData(nameof(Known), Skip = "Known failure; the reason is in JsonLd/known-failures.md.")]
    public void ToRdf_known_failure(string id) => JsonLdSuiteRunner.RunToRdf(id);

    [Theory, MemberData(nameof(JsonLd10Only), Skip = "Not applicable: a json-ld-1.0-only test, and this is a JSON-LD 1.1 processor.")]
    public void ToRdf_json_ld_1_0_only(string id) => JsonLdSuiteRunner.RunToRdf(id);
}
