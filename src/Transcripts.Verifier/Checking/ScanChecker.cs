using Transcripts.Signing.Verification;
using Transcripts.Verifier.Inputs;

namespace Transcripts.Verifier.Checking;

/// <summary>Where a scan's QR code was found, and the signed credential of the same run it names, if one was given.</summary>
internal sealed record ScanFindings(string FoundIn, SignedCopy? Compared);

/// <summary>
/// A credential given in the same run whose id is the one a scan's QR code names. Only when <see cref="Exact"/> (its
/// SHA-256 is the one the QR token carries, so the school's token vouches for these very bytes) are its competencies
/// shown for comparison with the paper.
/// </summary>
internal sealed record SignedCopy(string Source, bool Exact, Verdict Verdict, IReadOnlyList<Competency> Competencies);

/// <summary>
/// A paper transcript, photographed or scanned: its QR code is found (<see cref="ScanInput"/>) and its token verified
/// offline by the same check as QR text (<see cref="TranscriptChecker.VerifyQr"/>), so a scan and typed QR text can never
/// be judged differently. What the token does not cover — everything else on the page — is left for the reader, with the
/// signed competencies to compare when the run also holds the credential the token names.
/// </summary>
internal sealed class ScanChecker(TranscriptChecker transcripts)
{
    public const string Kind = "scanned transcript";

    /// <exception cref="InputException">The image cannot be decoded or holds no Transcripts QR code.</exception>
    public InputResult VerifyImage(CredentialFile file) => Verify(file, ScanInput.FindInImage(file.Bytes));

    /// <summary>Verifies a scanner's PDF; null when the PDF attaches files, so it is a transcript PDF rather than a scan.</summary>
    /// <exception cref="InputException">The PDF cannot be read, or it attaches nothing and shows no Transcripts QR code.</exception>
    public InputResult? TryVerifyPdf(CredentialFile file) =>
        ScanInput.MayBeScannedPdf(file.Bytes) && ScanInput.FindInPdf(file.Bytes) is { } found ? Verify(file, found) : null;

    private InputResult Verify(CredentialFile file, FoundQr found)
    {
        var result = transcripts.VerifyQr(CredentialFile.FromQrText(file.Source, found.Text), found.Where);
        return result with { Kind = Kind, Scan = new ScanFindings(found.Where, null) };
    }

    /// <summary>
    /// Pairs each scan with a credential of the same run that has the id its QR code names: a credential file whose
    /// SHA-256 is the token's, or a PDF whose attachment passed the PDF/QR agreement check for the same SHA-256.
    /// </summary>
    public static IReadOnlyList<InputResult> Match(IReadOnlyList<InputResult> results)
    {
        if (!results.Any(r => r.Scan is not null))
        {
            return results;
        }
        var credentials = results.Where(r => r.Scan is null && r.Summary?.Id is not null).ToList();
        return [.. results.Select(r => r is { Scan: { } scan, Qr: { } qr } ? r with { Scan = scan with { Compared = Compare(qr, credentials) } } : r)];
    }

    private static SignedCopy? Compare(QrClaims qr, List<InputResult> credentials)
    {
        var same = credentials.Where(c => c.Summary!.Id == qr.CredentialId).ToList();
        if (same.Count == 0)
        {
            return null;
        }
        var exact = same.FirstOrDefault(c => SignedSha256(c) == qr.CredentialSha256);
        return exact is not null
            ? new SignedCopy(exact.Source, true, exact.Verdict, exact.Summary!.Competencies)
            : new SignedCopy(same[0].Source, false, same[0].Verdict, []);
    }

    private static string? SignedSha256(InputResult credential) =>
        credential.SignedSha256
        ?? (credential.Qr is { } own && credential.Checks.Any(c => c is { Name: TranscriptChecker.Agreement, Status: CheckStatus.Passed })
            ? own.CredentialSha256 : null);
}
