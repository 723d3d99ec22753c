using System.Text.Json.Nodes;
using Transcripts.Signing.Contexts;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Contexts;

/// <summary>
/// Each pinned context against the official copy in ../shared/spec/contexts (reference data only, never shipped).
/// The expected relation is stated per URL: the same bytes, or the same JSON (the npm file is formatted differently),
/// or the same terms (written here from the specification).
/// </summary>
public sealed class OfficialCopyTests
{
    public enum Relation { SameBytes, SameJson, SameTerms }

    private static readonly Dictionary<string, (string File, Relation Relation)> s_expected = new(StringComparer.Ordinal)
    {
        ["https://www.w3.org/2018/credentials/v1"] = ("w3c-2018-credentials-v1.jsonld", Relation.SameJson),
        ["https://www.w3.org/ns/credentials/v2"] = ("w3c-credentials-v2.jsonld", Relation.SameJson),
        ["https://www.w3.org/ns/credentials/undefined-terms/v2"] = ("w3c-credentials-undefined-terms-v2.jsonld", Relation.SameBytes),
        ["https://www.w3.org/2018/credentials/examples/v1"] = ("w3c-2018-credentials-examples-v1.jsonld", Relation.SameJson),
        ["https://www.w3.org/ns/credentials/examples/v2"] = ("w3c-credentials-examples-v2.jsonld", Relation.SameBytes),
        ["https://w3id.org/security/data-integrity/v1"] = ("w3id-security-data-integrity-v1.jsonld", Relation.SameBytes),
        ["https://w3id.org/security/data-integrity/v2"] = ("w3id-security-data-integrity-v2.jsonld", Relation.SameJson),
        ["https://w3id.org/security/multikey/v1"] = ("w3id-security-multikey-v1.jsonld", Relation.SameJson),
        ["https://w3id.org/security/suites/ed25519-2020/v1"] = ("w3id-security-suites-ed25519-2020-v1.jsonld", Relation.SameBytes),
        ["https://www.w3.org/ns/credentials/status/v1"] = ("w3c-credentials-status-v1.jsonld", Relation.SameJson),
        ["https://w3id.org/vc/status-list/2021/v1"] = ("w3id-vc-status-list-2021-v1.jsonld", Relation.SameJson),
        ["https://www.w3.org/ns/did/v1"] = ("w3c-did-v1.jsonld", Relation.SameJson),
        ["https://purl.imsglobal.org/spec/ob/v3p0/context.json"] = ("1edtech-ob-v3p0-context.json", Relation.SameJson),
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"] = ("1edtech-ob-v3p0-context-3.0.1.json", Relation.SameJson),
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"] = ("1edtech-ob-v3p0-context-3.0.2.json", Relation.SameBytes),
        // The npm package holds the spec-repository version of 3.0.3; the primary official copy adds jti and endorsementJwt.
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] = ("alternates/1edtech-ob-v3p0-context-3.0.3.spec-repo.json", Relation.SameBytes),
        ["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"] = ("1edtech-ob-v3p0-extensions.json", Relation.SameJson),
        ["https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"] = ("1edtech-clr-v2p0-context-2.0.1.json", Relation.SameTerms),
    };

    public static TheoryData<string> PinnedUrls() => new(ContextStore.Pinned.Select(p => p.Url));

    [SkippableTheory]
    [MemberData(nameof(PinnedUrls))]
    public void Pinned_context_matches_the_official_copy(string url)
    {
        var (file, relation) = s_expected[url];
        var official = File.ReadAllBytes(SpecData.Path(Path.Combine("contexts", file)));
        var ours = ContextStore.ReadResource(ContextStore.Pinned.Single(p => p.Url == url).ResourceName);

        switch (relation)
        {
            case Relation.SameBytes:
                Assert.Equal(official, ours);
                break;
            case Relation.SameJson:
                Assert.NotEqual(official, ours);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(official), JsonNode.Parse(ours)), $"{url}: the JSON differs from {file}.");
                break;
            case Relation.SameTerms:
                var differences = TermDefinitions.Compare(
                    TermDefinitions.Resolve(JsonNode.Parse(official)!), TermDefinitions.Resolve(JsonNode.Parse(ours)!));
                Assert.True(differences.Count == 0, $"{url}:\n" + string.Join("\n", differences));
                break;
        }
    }

    [SkippableFact]
    public void Official_copy_lists_every_pinned_url()
    {
        var index = JsonNode.Parse(File.ReadAllBytes(SpecData.Path(Path.Combine("contexts", "index.json"))))!;
        var urls = index["contexts"]!.AsArray().Select(c => c!["url"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        Assert.All(ContextStore.Pinned, p => Assert.Contains(p.Url, urls));
    }

    [SkippableFact]
    public void Ob_303_primary_official_copy_differs_only_by_jti_and_endorsementJwt()
    {
        var primary = TermDefinitions.Resolve(JsonNode.Parse(File.ReadAllBytes(SpecData.Path("contexts/1edtech-ob-v3p0-context-3.0.3.json")))!);
        var ours = TermDefinitions.Resolve(JsonNode.Parse(ContextStore.ReadResource(ContextStore.ResourcePrefix + "ob-v3p0-context-3.0.3.json"))!);

        var differences = TermDefinitions.Compare(primary, ours);

        Assert.NotEmpty(differences);
        Assert.All(differences, d => Assert.Matches(@"^(.*/)?(jti|endorsementJwt): missing ", d));
    }
}
