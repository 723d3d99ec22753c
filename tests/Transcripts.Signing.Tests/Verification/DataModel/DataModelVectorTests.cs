using System.Text.Json.Nodes;
using Transcripts.Signing.Verification.DataModel;
using Transcripts.Signing.Tests.Vectors;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Verification.DataModel;

/// <summary>
/// The W3C VC Data Model 2.0 test suite's inputs, every file by name: <c>*-ok.json</c> must conform, <c>*-fail.json</c>
/// (and <c>*-fail-or-inject.json</c>: this software never injects a missing context) must break the rule listed below.
/// The inputs are what the suite hands an issuer, so credentials are judged in the Issuing purpose (no issuer, no proof
/// yet). The suite's harness completes some inputs before use, and so does this test, in the same way: the placeholders
/// "PAST DATE" and "FUTURE DATE" become real dates, validVc.json (a VC 1.1 template) gets its issuanceDate, and the
/// three self-asserted presentation inputs are secured by the holder's proof (a proof object is attached; the rule in
/// question looks only at which document carries a proof). See known-failures.md: no file is skipped.
/// </summary>
public sealed class DataModelVectorTests
{
    private const string Folder = "vectors/vc-data-model-2.0-test-suite-inputs";

    /// <summary>The rule each failing input must break (and is named after).</summary>
    private static readonly Dictionary<string, string> s_expectedRule = new(StringComparer.Ordinal)
    {
        ["credential-context-combo3-fail.json"] = DataModelRules.ContextItem,
        ["credential-context-combo4-fail.json"] = DataModelRules.ContextItem,
        ["credential-evidence-missing-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-id-multi-fail.json"] = DataModelRules.IdUrl,
        ["credential-id-nonidentifier-fail.json"] = DataModelRules.IdUrl,
        ["credential-id-not-url-fail.json"] = DataModelRules.IdUrl,
        ["credential-id-subject-multi-fail.json"] = DataModelRules.IdUrl,
        ["credential-issuer-no-url-fail.json"] = DataModelRules.IssuerUrl,
        ["credential-issuer-null-fail.json"] = DataModelRules.IssuerUrl,
        ["credential-issuer-object-id-no-url-fail.json"] = DataModelRules.IssuerUrl,
        ["credential-issuer-object-id-null-fail.json"] = DataModelRules.IssuerUrl,
        ["credential-missing-base-context-fail-or-inject.json"] = DataModelRules.ContextFirst,
        ["credential-missing-required-type-fail.json"] = DataModelRules.TypeCredential,
        ["credential-no-context-fail-or-inject.json"] = DataModelRules.ContextMissing,
        // Its subject is empty too, which is what an issuer (which adds the issuer itself) refuses it for.
        ["credential-no-issuer-fail.json"] = DataModelRules.SubjectClaims,
        ["credential-no-subject-fail.json"] = DataModelRules.SubjectMissing,
        ["credential-no-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-proof-missing-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-redef-type-fail.json"] = DataModelRules.JsonLd,
        ["credential-redef-type2-fail.json"] = DataModelRules.JsonLd,
        ["credential-refresh-no-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-schema-no-id-fail.json"] = DataModelRules.IdRequired,
        ["credential-schema-no-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-schema-non-url-id-fail.json"] = DataModelRules.IdUrl,
        ["credential-status-missing-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-status-multiple-id-fail.json"] = DataModelRules.IdUrl,
        ["credential-status-nonurl-id-fail.json"] = DataModelRules.IdUrl,
        ["credential-status-type-nonurl-fail.json"] = DataModelRules.TypeValue,
        ["credential-subject-multiple-empty-fail.json"] = DataModelRules.SubjectClaims,
        ["credential-subject-no-claims-fail.json"] = DataModelRules.SubjectClaims,
        ["credential-termsofuse-missing-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-termsofuse-no-type-fail.json"] = DataModelRules.TypeMissing,
        ["credential-type-mapped-nonurl-fail.json"] = DataModelRules.TypeUrl,
        ["credential-type-unmapped-fail.json"] = DataModelRules.TypeUrl,
        ["credential-validUntil-validFrom-fail.json"] = DataModelRules.ValidityOrder,
        ["credential-validfrom-invalid-fail.json"] = DataModelRules.DateTime,
        ["credential-validuntil-invalid-fail.json"] = DataModelRules.DateTime,
        ["names-and-descriptions/credential-description-extra-prop-en-fail.json"] = DataModelRules.NameDescription,
        ["names-and-descriptions/credential-name-extra-prop-en-fail.json"] = DataModelRules.NameDescription,
        ["names-and-descriptions/issuer-description-extra-prop-en-fail.json"] = DataModelRules.NameDescription,
        ["names-and-descriptions/issuer-name-extra-prop-en-fail.json"] = DataModelRules.NameDescription,
        ["presentation-context-order-fail.json"] = DataModelRules.ContextFirst,
        // Without type EnvelopedVerifiableCredential the object is read as a credential, which then has no type.
        ["presentation-enveloped-vc-missing-type-fail.json"] = DataModelRules.TypeMissing,
        ["presentation-holder-fail.json"] = DataModelRules.HolderUrl,
        ["presentation-holder-name-fail.json"] = DataModelRules.HolderUrl,
        ["presentation-holder-object-fail.json"] = DataModelRules.HolderUrl,
        ["presentation-missing-base-context-fail.json"] = DataModelRules.ContextFirst,
        ["presentation-missing-required-type-fail.json"] = DataModelRules.TypePresentation,
        ["presentation-no-context-fail-or-inject.json"] = DataModelRules.ContextMissing,
        ["presentation-no-type-fail.json"] = DataModelRules.TypeMissing,
        ["presentation-vc-as-string-fail.json"] = DataModelRules.PresentationCredential,
        ["presentation-vc-missing-required-type-fail.json"] = DataModelRules.TypeMissing,
        ["presentation-self-asserted-vc-holder-mismatch.json"] = DataModelRules.HolderIssuer,
        ["presentation-self-asserted-vc-issuer-mismatch.json"] = DataModelRules.HolderIssuer,
        ["presentation-self-asserted-vc-no-holder.json"] = DataModelRules.HolderRequired,
    };

    private static readonly HashSet<string> s_securedByHolder = new(StringComparer.Ordinal)
    {
        "presentation-self-asserted-vc-holder-mismatch.json", "presentation-self-asserted-vc-issuer-mismatch.json",
        "presentation-self-asserted-vc-no-holder.json", "presentation-self-asserted-vc-ok.json",
    };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        var dir = SpecData.PathForDiscovery(Folder);
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }
        if (data.Count == 0)
        {
            data.Add(SuiteVector.Absent);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(Inputs))]
    public void Each_input_conforms_or_breaks_the_rule_its_name_gives(string file)
    {
        var document = Prepare(file, JsonInput.ParseObject(File.ReadAllBytes(SpecData.Path($"{Folder}/{file}"))));

        var violations = Path.GetFileName(file).StartsWith("presentation-", StringComparison.Ordinal)
            ? DataModelValidator.ValidatePresentation(document)
            : DataModelValidator.ValidateCredential(document, DataModelPurpose.Issuing);

        if (s_expectedRule.TryGetValue(file, out var rule))
        {
            Assert.Contains(violations, v => v.Rule == rule);
            Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Reason)));
        }
        else
        {
            Assert.True(file.EndsWith("-ok.json", StringComparison.Ordinal) || file == "validVc.json",
                $"{file} is neither an -ok input nor listed with the rule it breaks.");
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Select(v => $"{v.Rule} at {v.Path}: {v.Reason}")));
        }
    }

    [SkippableFact]
    public void Every_listed_failing_input_is_in_the_folder()
    {
        SpecData.Require();
        var dir = SpecData.Path(Folder);

        var missing = s_expectedRule.Keys.Where(f => !File.Exists(Path.Combine(dir, f))).ToList();

        Assert.True(missing.Count == 0, "Listed but absent: " + string.Join(", ", missing));
    }

    private static JsonObject Prepare(string file, JsonObject document)
    {
        foreach (var property in (string[])["validFrom", "validUntil"])
        {
            document[property] = (string?)document[property] switch
            {
                "PAST DATE" => "2020-01-01T00:00:00Z",
                "FUTURE DATE" => "2999-01-01T00:00:00Z",
                _ => document[property]?.DeepClone(),
            };
            if (document[property] is null)
            {
                document.Remove(property);
            }
        }
        if (file == "validVc.json")
        {
            document["issuanceDate"] = "2026-01-01T00:00:00Z";
        }
        if (s_securedByHolder.Contains(file))
        {
            document["proof"] = new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["proofPurpose"] = "authentication" };
        }
        return document;
    }
}
