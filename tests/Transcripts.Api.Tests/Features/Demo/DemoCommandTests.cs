using Transcripts.Tests;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.Demo;

/// <summary><c>demo --out DIR</c> run as the built program: the files it writes verify with only themselves as input.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("transcripts-demo-out-").FullName;

    [SkippableFact]
    public async Task Demo_writes_credentials_status_lists_trust_bundle_and_pdfs_that_verify_offline()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(global::Transcripts.Tests.SpecData.RepositoryRoot, "src", "Transcripts.Api", "bin", configuration, "net10.0", "Transcripts.Api.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _out };
        foreach (var arg in new[] { dll, "demo", "--out", _out, "--Logging:LogLevel:Default", "Warning" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stdout + await stderr);
        var bundle = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(_out, "trust")).Single()))!;
        var lists = Directory.GetFiles(Path.Combine(_out, "status")).Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .ToDictionary(l => (string)l["id"]!, l => BitstringStatusList.Decode((string)l["credentialSubject"]!["encodedList"]!));
        var options = new VerificationOptions
        {
            Now = DateTimeOffset.UtcNow, StatusLists = lists,
            Proofs = new ProofVerificationOptions { DidDocuments = [bundle["didDocument"]!.AsObject()] },
        };
        var outcomes = Directory.GetFiles(Path.Combine(_out, "credentials"))
            .Select(f => CredentialVerifier.Verify(JsonNode.Parse(File.ReadAllBytes(f))!.AsObject(), options).Outcome).ToList();
        Assert.Equal(1, outcomes.Count(o => o == CheckStatus.Failed));   // the one revoked
        Assert.Equal(outcomes.Count - 1, outcomes.Count(o => o == CheckStatus.Passed));
        var pdfs = Directory.GetFiles(Path.Combine(_out, "transcripts"), "*.pdf");
        Assert.Equal(12, pdfs.Length);
        Assert.Contains("transcript.clr.json", Encoding.Latin1.GetString(File.ReadAllBytes(pdfs[0])), StringComparison.Ordinal);
        Assert.Contains("documentSigning", bundle["didDocument"]!.ToJsonString(), StringComparison.Ordinal);
        foreach (var pdf in pdfs)
        {
            // Every demo PDF is signed as a document over the whole file, and poppler (NSS) finds the signature valid.
            var pdfsig = global::Transcripts.Tests.DebianTool.Run("pdfsig", "poppler-utils", "-nocert", pdf);
            Assert.True(pdfsig.Stdout.Contains("Signature Validation: Signature is Valid.", StringComparison.Ordinal), pdf + ": " + pdfsig.Stdout + pdfsig.Stderr);
            Assert.Contains("Total document signed", pdfsig.Stdout, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
