using System.Text.Json.Nodes;
using Transcripts.Tests;

namespace Transcripts.Verifier.Tests;

/// <summary>Credentials signed by independent implementations: the W3C Data Integrity vectors and the 1EdTech OB/CLR vectors.</summary>
public sealed class VectorTests
{
    public static TheoryData<string> W3cSignedVectors()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { "vectors/vc-di-eddsa/TestVectors", "vectors/vc-di-ecdsa/TestVectors" })
        {
            var dir = SpecData.PathForDiscovery(root);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(dir, "signed*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(SpecData.PathForDiscovery(""), file);
                if (!relative.Contains("proof-set-chain", StringComparison.Ordinal) && !relative.Contains("-sd-", StringComparison.Ordinal))
                {
                    data.Add(relative);
                }
            }
        }
        if (data.Count == 0)
        {
            data.Add("(spec data absent)");
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(W3cSignedVectors))]
    public async Task Verify_accepts_the_w3c_signature_or_cannot_tell_and_never_trusts_the_issuer(string vector)
    {
        var path = SpecData.Path(vector);
        using var store = new TempStore();
        // The expectation comes from the vector, not from the verifier: its signature is valid (the suites' own test
        // data), so the proof passes unless the vector names a JSON-LD context that the signing core does not pin (its
        // table of pinned contexts), which the verifier never fetches: then it cannot tell. Its issuer is in no trust
        // store here, so whoever signed, the verifier cannot tell whether to trust it.
        var credential = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        var unpinned = ContextsOf(credential).Except(PinnedContexts()).ToList();

        var (run, report) = await VerifierRun.VerifyJsonAsync(store, path);

        Assert.Equal(unpinned.Count > 0 ? "unknown" : "passed", VerifierRun.Status(report, "proof"));
        Assert.All(unpinned, url => Assert.Contains(url, VerifierRun.Reason(report, "proof"), StringComparison.Ordinal));
        Assert.Equal("unknown", VerifierRun.Status(report, "issuer trusted"));
        Assert.Equal(ExitCodes.CannotTell, run.Exit);
    }

    private static IEnumerable<string> ContextsOf(JsonObject credential) => credential["@context"] switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => (string)v!),
        JsonValue value => [(string)value!],
        _ => [],
    };

    /// <summary>The URLs of the table in src/Transcripts.Signing/Contexts/README.md (a test keeps it equal to the code).</summary>
    private static HashSet<string> PinnedContexts() =>
        File.ReadLines(Path.Combine(SpecData.RepositoryRoot, "src", "Transcripts.Signing", "Contexts", "README.md"))
            .Where(line => line.StartsWith("| https://", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[1])
            .ToHashSet(StringComparer.Ordinal);

    [SkippableTheory, MemberData(nameof(W3cSignedVectors))]
    public async Task Verify_fails_the_w3c_vector_when_its_subject_is_changed(string vector)
    {
        var path = SpecData.Path(vector);
        using var store = new TempStore();
        var credential = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        credential["credentialSubject"]!["id"] = "did:example:someone-else";
        var changed = store.Write("changed.json", credential);
        SkipUnpinnedContext((await VerifierRun.VerifyJsonAsync(store, path)).Report);

        var (run, report) = await VerifierRun.VerifyJsonAsync(store, changed);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", VerifierRun.Status(report, "proof"));
    }

    // The "employ" vectors use https://w3id.org/citizenship/v4rc1, which the signing core does not pin; the verifier
    // fetches no context, so it reports them as "cannot tell" (the signing tests load that context from the vector folder).
    private static void SkipUnpinnedContext(JsonObject report) =>
        Skip.If(VerifierRun.Reason(report, "proof").Contains("is not a context this software knows", StringComparison.Ordinal),
                "The vector uses a JSON-LD context that the signing core does not pin.");

    [SkippableTheory]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public async Task Verify_accepts_the_1edtech_vector_once_its_issuer_is_trusted(string folder)
    {
        var dir = SpecData.Path(Path.Combine("vectors/ob-v3p0-clr-v2p0-1edtech", folder));
        var keys = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "keyPair.json")))!;
        using var store = new TempStore();
        var controller = (string)keys["controller"]!;
        var document = new JsonObject
        {
            ["id"] = controller,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = (string)keys["id"]!, ["type"] = "Multikey", ["controller"] = controller,
                ["publicKeyMultibase"] = (string)keys["publicKeyMultibase"]!,
            }),
            ["assertionMethod"] = new JsonArray((string)keys["id"]!),
        };
        var untrusted = await VerifierRun.VerifyJsonAsync(store, Path.Combine(dir, "signed.json"));
        var add = await VerifierRun.RunAsync("trust", "add", store.Write("controller.json", document), "--trust-store", store.Folder);

        var (run, report) = await VerifierRun.VerifyJsonAsync(store, Path.Combine(dir, "signed.json"));

        Assert.Equal(ExitCodes.CannotTell, untrusted.Run.Exit);
        Assert.Equal(ExitCodes.Valid, add.Exit);
        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("passed", VerifierRun.Status(report, "issuer trusted"));
        if (folder == "clrv2p0")
        {
            Assert.Equal("passed", VerifierRun.Status(report, "embedded credentials"));
        }
    }
}
