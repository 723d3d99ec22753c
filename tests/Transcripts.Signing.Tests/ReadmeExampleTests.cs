using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests;

/// <summary>The example in docs/signing.md runs, and the document shows exactly this code.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Signing_md_example_signs_and_verifies()
    {
        var credential = JsonNode.Parse("""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2"],
              "type": ["VerifiableCredential"],
              "issuer": "did:example:placeholder",
              "credentialSubject": { "id": "did:example:learner", "name": "Algebra I" }
            }
            """)!.AsObject();

        // snippet: sign-and-verify
        using var key = Ed25519KeyPair.Generate();
        credential["issuer"] = DidKey.Create(key.PublicKey);
        var signed = DataIntegrityProof.Sign(credential, new ProofOptions
        {
            Cryptosuite = "eddsa-jcs-2022",
            VerificationMethod = DidKey.VerificationMethodId(key.PublicKey),
            Created = DateTimeOffset.Parse("2026-01-15T09:30:00Z"),
        }, key);

        var report = CredentialVerifier.Verify(signed, new VerificationOptions
        {
            Now = DateTimeOffset.Parse("2026-03-01T00:00:00Z"),
            TrustedIssuers = new HashSet<string> { DidKey.Create(key.PublicKey) },
        });
        Console.WriteLine(report.Outcome); // Passed
        // end snippet

        Assert.Equal(CheckStatus.Passed, report.Outcome);
    }

    [Fact]
    public void Signing_md_shows_the_tested_snippet()
    {
        var test = File.ReadAllLines(Path.Combine(SpecData.RepositoryRoot, "tests", "Transcripts.Signing.Tests", "ReadmeExampleTests.cs"));
        var doc = File.ReadAllText(Path.Combine(SpecData.RepositoryRoot, "docs", "signing.md"));
        var start = Array.FindIndex(test, l => l.Trim() == "// snippet: sign-and-verify") + 1;
        var end = Array.FindIndex(test, l => l.Trim() == "// end snippet");
        var snippet = test[start..end].Select(l => l.Trim());

        var docLines = doc.Split('\n').Select(l => l.Trim()).ToList();

        Assert.True(start > 0 && end > start);
        Assert.All(snippet, line => Assert.Contains(line, docLines));
    }
}
