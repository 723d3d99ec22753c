using System.Text;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.Output;

/// <summary>
/// The part of the report about a QR code: what its token vouches for (learner, transcript id, issue date, issuer —
/// signed by the school and checked offline) and, for a scan or QR text, what only the page shows, with the signed
/// competencies to compare when the run also holds the exact credential the token names.
/// </summary>
internal static class ScanReport
{
    /// <summary>What a printed transcript shows that its QR token does not cover.</summary>
    public const string PageOnly =
        "the competencies and the level reached in each, their dates and evidence, the learner's ID and date of birth, and "
        + "everything else printed. Nor can a QR code show whether the school later revoked the transcript.";

    /// <summary>Said when no credential of the run is the one the token names.</summary>
    public const string NoCompetencies =
        "The QR code does not carry the competencies, so they cannot be checked from the paper alone. To compare them, verify the "
        + "learner's PDF transcript or credential file together with the scan, for example `transcripts-verify verify scan.jpg transcript.pdf`.";

    public static void Write(StringBuilder text, InputResult result, QrClaims qr, ReportContext context, int width, bool unicode)
    {
        var token = result.Checks.FirstOrDefault(c => c.Name == TranscriptChecker.QrToken);
        var vouched = token?.Status == CheckStatus.Passed;
        text.Append('\n').Append(TextReport.Clean(vouched
            ? $"What the QR token ({qr.ReadFrom}) vouches for, signed by the school and checked offline — compare it with the paper:"
            : $"What the QR token ({qr.ReadFrom}) claims — NOT vouched for, because it did not pass its check:")).Append('\n');
        TextReport.Field(text, "Learner", qr.LearnerName);
        TextReport.Field(text, "Transcript", qr.CredentialId);
        TextReport.Field(text, "Issue date", Verdicts.Day(qr.IssueDate));
        var known = context.TrustedName(qr.Issuer);
        TextReport.Field(text, "Issuer", Verdicts.Issuer(qr.Issuer, null, known, withDid: true));
        TextReport.Field(text, "Signed with", qr.VerificationMethod);
        TextReport.Field(text, "Credential SHA-256", qr.CredentialSha256);
        if (result.Summary is not null)
        {
            // A PDF: the signed credential itself is attached, and the agreement check compared it with the token.
            return;
        }
        text.Append('\n');
        foreach (var line in PlainTable.Wrap("What only the page shows, which the QR code does not cover: " + PageOnly, width))
        {
            text.Append(line).Append('\n');
        }
        text.Append('\n');
        var compared = result.Scan?.Compared;
        var note = compared switch
        {
            null => NoCompetencies,
            { Exact: false } => $"{compared.Source} has this transcript's id but is not the credential the QR code names (its SHA-256 differs), "
                + "so its competencies are not shown: it may be another issue of the transcript, or edited. " + NoCompetencies,
            { Competencies.Count: 0 } => $"{compared.Source} is the credential the QR code names, and it lists no competencies.",
            _ => null,
        };
        if (note is not null)
        {
            foreach (var line in PlainTable.Wrap(TextReport.Clean(note), width))
            {
                text.Append(line).Append('\n');
            }
            return;
        }
        text.Append(TextReport.Clean($"The signed competencies to compare with the page, from {compared!.Source} — exactly the credential the QR code names "
                                     + $"(same SHA-256), which is {Verdicts.Word(compared.Verdict)}:")).Append('\n');
        var table = new PlainTable("Competency", "Level");
        foreach (var competency in compared.Competencies)
        {
            table.Add(TextReport.Clean(competency.Name), TextReport.Clean(competency.Level ?? "—"));
        }
        table.WriteTo(text, width, unicode);
    }
}
