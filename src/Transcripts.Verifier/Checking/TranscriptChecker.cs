using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing;
using Transcripts.Signing.Tokens;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Inputs;

namespace Transcripts.Verifier.Checking;

/// <summary>
/// The printed side of a transcript: the QR token (a compact signature by the institution over the credential's id,
/// learner name, issue date and SHA-256) checked on its own, and, for a PDF, against the credential the PDF carries.
/// </summary>
internal sealed class TranscriptChecker(TrustContext trust, CredentialChecker credentials)
{
    public const string EmbeddedCredential = "embedded credential";
    public const string QrToken = "QR token";
    public const string Agreement = "PDF/QR agreement";
    public const string FromMetadata = "from the PDF's metadata";

    public InputResult VerifyPdf(CredentialFile file)
    {
        var pdf = PdfTranscript.Read(file.Bytes, CredentialFile.MaxJsonBytes);
        JsonObject credential;
        try
        {
            credential = JsonInput.ParseObject(pdf.Credential);
        }
        catch (SigningException e)
        {
            var unreadable = new Check(EmbeddedCredential, CheckStatus.Failed, $"The PDF's attachment {pdf.AttachmentName} is not a readable credential: {e.Message}");
            return new InputResult
            {
                Source = file.Source,
                Kind = "PDF transcript",
                Checks = DocumentSignatureChecker.Check(file.Bytes, pdf, trust.Issuers, issuerDid: null) is { } signed ? [signed, unreadable] : [unreadable],
            };
        }
        var inner = credentials.Verify(credential, file.Source, stapled: null);
        var checks = new List<Check>();
        // First: whether the file is, byte for byte, the one the school signed; what the page shows depends on it.
        // An unsigned PDF (printed before transcripts were signed) gets its page text compared with the credential instead.
        checks.Add(DocumentSignatureChecker.Check(file.Bytes, pdf, trust.Issuers, inner.Summary?.IssuerId)
            ?? PageTextChecker.Check(file.Bytes, credential));
        checks.Add(new(EmbeddedCredential, CheckStatus.Passed, $"The PDF carries {pdf.AttachmentName}, a {inner.Kind}; its checks follow."));
        checks.AddRange(inner.Checks);
        QrClaims? claims = null;
        if (pdf.QrText is null)
        {
            checks.Add(new(QrToken, CheckStatus.Unknown,
                "The PDF's metadata carries no QR text, so the printed QR code could not be compared with the credential (this verifier does not read the QR image)."));
        }
        else
        {
            var (tokenCheck, token, qrClaims) = CheckToken(pdf.QrText, FromMetadata, credential);
            checks.Add(tokenCheck);
            claims = qrClaims;
            if (token is not null)
            {
                checks.Add(Agree(token, pdf.Credential, inner.Summary!));
            }
        }
        return inner with { Kind = "PDF transcript", Checks = checks, Qr = claims };
    }

    public InputResult VerifyQr(CredentialFile file, string readFrom)
    {
        var text = Encoding.UTF8.GetString(file.Bytes);
        if (!TranscriptQr.TryParse(text, out _))
        {
            throw new InputException("The text is not a Transcripts QR code: expected {public address}/v/{transcript id}#{token}.");
        }
        var (check, _, claims) = CheckToken(text, readFrom);
        return new InputResult { Source = file.Source, Kind = "QR text", Checks = [check], Qr = claims };
    }

    private (Check Check, TranscriptToken? Token, QrClaims? Claims) CheckToken(string text, string readFrom, JsonObject? credential = null)
    {
        if (!TranscriptQr.TryParse(text, out var qr))
        {
            return (new(QrToken, CheckStatus.Failed, $"The QR text {readFrom} is not a Transcripts QR code."), null, null);
        }
        if (!TranscriptToken.TryParse(qr.Token, qr.CredentialId, out var token, out var why))
        {
            return (new(QrToken, CheckStatus.Failed, $"The QR token {readFrom} cannot be read: {why}"), null, null);
        }
        var decision = TranscriptTokenCheck.Check(token, trust.Institutions, credential);
        var controller = decision.Key?.Controller ?? token.VerificationMethod.Split('#')[0];
        var issuerName = decision.Institution?.Name ?? trust.NameOf(controller);
        var claims = new QrClaims(text.Trim(), readFrom, token.CredentialId, token.LearnerName, token.IssueDate, token.VerificationMethod,
                                  controller, issuerName, Convert.ToHexStringLower([.. token.CredentialSha256]));
        var check = decision.Status switch
        {
            CheckStatus.Passed => new Check(QrToken, CheckStatus.Passed, $"The QR token {readFrom} is signed by an institution in your trust store: {decision.Reason}"),
            CheckStatus.Unknown when decision.Institution is null => new Check(QrToken, CheckStatus.Unknown,
                $"The QR token {readFrom} could not be checked: it is signed with a key of {controller}, which is not in your trust store."),
            CheckStatus.Unknown => new Check(QrToken, CheckStatus.Unknown, $"The QR token {readFrom} could not be confirmed: {decision.Reason}"),
            _ => new Check(QrToken, CheckStatus.Failed, $"The QR token {readFrom} cannot be accepted: {decision.Reason}"),
        };
        return (check, token, claims);
    }

    private static Check Agree(TranscriptToken token, byte[] credentialBytes, CredentialSummary summary)
    {
        var problems = new List<string>();
        if (!token.Matches(credentialBytes))
        {
            problems.Add("the attached credential's SHA-256 differs from the one the QR token was issued for, so the attachment was replaced or edited");
        }
        if (token.CredentialId != summary.Id)
        {
            problems.Add($"the QR code names transcript {token.CredentialId}, the attachment is {summary.Id ?? "(no id)"}");
        }
        if (!string.Equals(token.LearnerName.Normalize(), summary.Learner?.Normalize(), StringComparison.Ordinal))
        {
            problems.Add($"the QR code names the learner \"{token.LearnerName}\", the attachment \"{summary.Learner ?? "(none)"}\"");
        }
        var issued = summary.ValidFrom is { } from ? DateOnly.FromDateTime(from.UtcDateTime) : (DateOnly?)null;
        if (token.IssueDate != issued)
        {
            problems.Add($"the QR code gives the issue date {token.IssueDate:yyyy-MM-dd}, the attachment {issued?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}");
        }
        var signer = token.VerificationMethod.Split('#')[0];
        if (signer != summary.IssuerId)
        {
            problems.Add($"the QR token was signed by {signer}, the attachment was issued by {summary.IssuerId ?? "(no issuer)"}");
        }
        return problems.Count == 0
            ? new(Agreement, CheckStatus.Passed,
                $"The QR code was issued for exactly this credential: same SHA-256, id, learner ({token.LearnerName}) and issue date ({token.IssueDate:yyyy-MM-dd}).")
            : new(Agreement, CheckStatus.Failed, "The PDF and its QR code disagree: " + string.Join("; ", problems) + ".");
    }
}
