using System.Text.Json.Nodes;
using Transcripts.Signing;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Inputs;

namespace Transcripts.Verifier.Checking;

/// <summary>
/// The core of <c>verify</c>: one input in, one <see cref="InputResult"/> out. Reads nothing but the bytes it is given and
/// the trust store behind <see cref="TrustContext"/>; opens no network connection. Never throws for a bad input.
/// </summary>
internal sealed class InputVerifier
{
    public const string Presentation = "presentation";
    public const string HolderSignature = "holder signature";
    public const string PresentedCredentials = "credentials in the presentation";

    private readonly TrustContext _trust;
    private readonly CredentialChecker _credentials;
    private readonly TranscriptChecker _transcripts;
    private readonly ScanChecker _scans;

    public InputVerifier(TrustContext trust)
    {
        _trust = trust;
        _credentials = new CredentialChecker(trust);
        _transcripts = new TranscriptChecker(trust, _credentials);
        _scans = new ScanChecker(_transcripts);
    }

    /// <summary>Reads and verifies the file at <paramref name="path"/>.</summary>
    public InputResult VerifyFile(string path)
    {
        try
        {
            return Verify(CredentialFile.Read(path));
        }
        catch (InputException e)
        {
            return InputResult.Unreadable(path, e.Message);
        }
    }

    public InputResult Verify(CredentialFile file)
    {
        try
        {
            return file.Kind switch
            {
                InputKind.Pdf => _scans.TryVerifyPdf(file) ?? _transcripts.VerifyPdf(file),
                InputKind.Image => _scans.VerifyImage(file),
                InputKind.QrText => _transcripts.VerifyQr(file, file.Source == "(QR text)" ? "given on the command line" : "from the text file"),
                _ => VerifyJson(file),
            };
        }
        catch (InputException e)
        {
            return InputResult.Unreadable(file.Source, e.Message);
        }
    }

    private InputResult VerifyJson(CredentialFile file)
    {
        JsonObject document;
        try
        {
            document = JsonInput.ParseObject(file.Bytes);
        }
        catch (SigningException e)
        {
            throw new InputException($"The file is not a readable JSON credential: {e.Message}", e);
        }
        return CredentialSummary.Types(document).Contains("VerifiablePresentation")
            ? VerifyPresentation(document, file.Source)
            : _credentials.Verify(document, file.Source, stapled: null) with
            {
                // What a transcript's QR token names, so a scan of the paper can be matched with this file.
                SignedSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Bytes)),
            };
    }

    private InputResult VerifyPresentation(JsonObject presentation, string source)
    {
        JsonNode?[] items = presentation["verifiableCredential"] switch { JsonArray a => [.. a], null => [], var one => [one] };
        var stapled = items.OfType<JsonObject>()
            .Where(c => CredentialSummary.Types(c).Contains("BitstringStatusListCredential") && CredentialSummary.Text(c, "id") is not null)
            .GroupBy(c => CredentialSummary.Text(c, "id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var parts = new List<InputResult>();
        foreach (var (item, index) in items.Select((n, i) => (n, i)))
        {
            var name = $"{source} › credential {index + 1}";
            if (item is JsonObject credential)
            {
                if (!stapled.ContainsValue(credential))
                {
                    parts.Add(_credentials.Verify(credential, name, stapled));
                }
            }
            else
            {
                parts.Add(InputResult.Unreadable(name, "This credential is not a JSON object (an enveloped or JWT credential), which this verifier does not read."));
            }
        }
        var checks = new List<Check>
        {
            parts.Count == 0
                ? new(Presentation, CheckStatus.Failed, "The presentation holds no credentials.")
                : new(Presentation, CheckStatus.Passed, $"The presentation holds {parts.Count} credential{(parts.Count == 1 ? "" : "s")}"
                    + (stapled.Count == 0 ? "." : $" and {stapled.Count} status list{(stapled.Count == 1 ? "" : "s")} stapled by the holder.")),
        };
        if (presentation["proof"] is not null)
        {
            var proof = DataIntegrityProof.Verify(presentation, _trust.Proofs with { ExpectedProofPurpose = "authentication" });
            checks.Add(proof.IsVerified
                ? new(HolderSignature, CheckStatus.Passed, "The holder's signature on the presentation is valid (no challenge was expected, so it does not show the presentation is new).")
                : new(HolderSignature, CheckStatus.Failed, "The holder's signature on the presentation is not valid: "
                    + string.Join(" ", proof.Proofs.Where(p => !p.IsVerified).Select(p => p.Reason))));
        }
        checks.Add(CredentialChecker.Summarise(PresentedCredentials, parts, "in the presentation"));
        return new InputResult { Source = source, Kind = "presentation", Checks = checks, Credentials = parts };
    }
}
